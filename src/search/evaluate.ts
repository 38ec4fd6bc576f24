import { readFileSync } from 'node:fs';

export interface EvalCase {
  question: string;
  /** Acceptable topic ids; empty means the engine must not answer. */
  accept: string[];
  line: number;
}

/** What an engine made of one question. */
export interface EvalAnswer {
  /** the topic given as the answer; null when the engine said it was not sure */
  topic: string | null;
  /** confidence of the best topic, answered or not */
  score: number;
  /** the topic ranked first, answered or not (the answer when left out) */
  ranked?: string | null;
  /** the "did you mean" topics offered with the reply */
  suggestions?: string[];
  /** the error fragment that decided the answer, if one did */
  errorMatch?: string | null;
  /** the first decision: whether the engine judged the question to be about Docker */
  inDomain?: boolean;
}

export interface EvalMiss {
  case: EvalCase;
  got: string | null;
  score: number;
  errorMatch: string | null;
}

export interface EvalOutcome {
  case: EvalCase;
  answer: EvalAnswer;
}

export interface EvalReport {
  inScope: number;
  inScopeCorrect: number;
  /** in-scope questions whose best-ranked topic is right, whether or not it was given as the answer */
  inScopeRankedFirst: number;
  /** in-scope questions answered right, or whose right topic is among the suggestions */
  inScopeSuggested: number;
  offTopic: number;
  offTopicAnswered: number;
  misses: EvalMiss[];
  /** every question with what the engine made of it, in file order */
  outcomes: EvalOutcome[];
}

/** Reads `question<TAB>id,id` (or `-` for must-not-answer) lines; `#` starts a comment line. */
export function readEvalFile(path: string): EvalCase[] {
  const cases: EvalCase[] = [];
  readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .forEach((text, index) => {
      if (text.trim() === '' || text.startsWith('#')) return;
      const [question, accept] = text.split('\t');
      if (!question || accept === undefined) {
        throw new Error(`${path}:${index + 1}: expected "question<TAB>topic ids or -"`);
      }
      const ids =
        accept.trim() === '-'
          ? []
          : accept
              .split(',')
              .map((id) => id.trim())
              .filter(Boolean);
      // A pasted multi-line log is written on one line with `\n` for each line break.
      cases.push({ question: question.replace(/\\n/g, '\n'), accept: ids, line: index + 1 });
    });
  return cases;
}

export function evaluate(cases: EvalCase[], answer: (question: string) => EvalAnswer): EvalReport {
  const report: EvalReport = {
    inScope: 0,
    inScopeCorrect: 0,
    inScopeRankedFirst: 0,
    inScopeSuggested: 0,
    offTopic: 0,
    offTopicAnswered: 0,
    misses: [],
    outcomes: [],
  };
  for (const evalCase of cases) {
    const given = answer(evalCase.question);
    const { topic, score } = given;
    const miss = { case: evalCase, got: topic, score, errorMatch: given.errorMatch ?? null };
    report.outcomes.push({ case: evalCase, answer: given });
    if (evalCase.accept.length === 0) {
      report.offTopic++;
      if (topic !== null) {
        report.offTopicAnswered++;
        report.misses.push(miss);
      }
      continue;
    }
    report.inScope++;
    const right = isRight(evalCase, topic);
    if (right) report.inScopeCorrect++;
    else report.misses.push(miss);
    if (isRight(evalCase, rankedFirst(given))) report.inScopeRankedFirst++;
    if (right || (given.suggestions ?? []).some((id) => isRight(evalCase, id))) report.inScopeSuggested++;
  }
  return report;
}

/** The two decisions measured apart: is it a Docker question, and which topic. */
export interface DecisionReport {
  inScope: number;
  /** in-scope questions judged in the domain */
  inScopeInDomain: number;
  offTopic: number;
  /** off-topic questions judged in the domain: the decision's false alarms */
  offTopicInDomain: number;
  /** in-scope questions judged in the domain whose best-ranked topic is right */
  inDomainRankedFirst: number;
  /** in-scope questions judged out of the domain whose best-ranked topic is right */
  outOfDomainRankedFirst: number;
  /** answers and right answers, per domain judgement */
  inDomainAnswered: number;
  inDomainRight: number;
  outOfDomainAnswered: number;
  outOfDomainRight: number;
  /** off-topic questions answered, per domain judgement */
  offTopicAnsweredInDomain: number;
  offTopicAnsweredOutOfDomain: number;
}

export function decisions(outcomes: EvalOutcome[]): DecisionReport {
  const report: DecisionReport = {
    inScope: 0,
    inScopeInDomain: 0,
    offTopic: 0,
    offTopicInDomain: 0,
    inDomainRankedFirst: 0,
    outOfDomainRankedFirst: 0,
    inDomainAnswered: 0,
    inDomainRight: 0,
    outOfDomainAnswered: 0,
    outOfDomainRight: 0,
    offTopicAnsweredInDomain: 0,
    offTopicAnsweredOutOfDomain: 0,
  };
  for (const { case: evalCase, answer } of outcomes) {
    const inDomain = answer.inDomain === true;
    const answered = answer.topic !== null;
    if (evalCase.accept.length === 0) {
      report.offTopic++;
      if (inDomain) report.offTopicInDomain++;
      if (answered && inDomain) report.offTopicAnsweredInDomain++;
      if (answered && !inDomain) report.offTopicAnsweredOutOfDomain++;
      continue;
    }
    report.inScope++;
    const rankedRight = isRight(evalCase, rankedFirst(answer));
    const right = isRight(evalCase, answer.topic);
    if (inDomain) {
      report.inScopeInDomain++;
      if (rankedRight) report.inDomainRankedFirst++;
      if (answered) report.inDomainAnswered++;
      if (right) report.inDomainRight++;
    } else {
      if (rankedRight) report.outOfDomainRankedFirst++;
      if (answered) report.outOfDomainAnswered++;
      if (right) report.outOfDomainRight++;
    }
  }
  return report;
}

function isRight(evalCase: EvalCase, topic: string | null): boolean {
  return topic !== null && evalCase.accept.includes(topic);
}

function rankedFirst(answer: EvalAnswer): string | null {
  return answer.ranked === undefined ? answer.topic : answer.ranked;
}

/** One score band of the calibration table. */
export interface CalibrationBand {
  /** "0.3–0.4", or "error match" for answers an error fragment decided */
  band: string;
  questions: number;
  answered: number;
  /** answered, with a right topic */
  answeredRight: number;
  /** in-scope questions not answered although the topic ranked first was right: a threshold too high */
  unansweredRankedRight: number;
  /** off-topic questions whose best topic scored in the band */
  offTopic: number;
  /** of which answered: a threshold too low */
  offTopicAnswered: number;
}

/**
 * How answers and their rightness spread over the best topic's score, in tenths, with the answers an
 * error fragment decided apart: the data to choose the answer threshold on.
 */
export function calibrate(outcomes: EvalOutcome[]): CalibrationBand[] {
  const band = (name: string): CalibrationBand => ({
    band: name,
    questions: 0,
    answered: 0,
    answeredRight: 0,
    unansweredRankedRight: 0,
    offTopic: 0,
    offTopicAnswered: 0,
  });
  const tenths = Array.from({ length: 10 }, (_, i) =>
    band(`${(i / 10).toFixed(1)}–${((i + 1) / 10).toFixed(1)}`),
  );
  const errorBand = band('error match');
  for (const { case: evalCase, answer } of outcomes) {
    const row = answer.errorMatch ? errorBand : (tenths[tenthOf(answer.score)] as CalibrationBand);
    const answered = answer.topic !== null;
    row.questions++;
    if (answered) row.answered++;
    if (evalCase.accept.length === 0) {
      row.offTopic++;
      if (answered) row.offTopicAnswered++;
    } else if (answered) {
      if (isRight(evalCase, answer.topic)) row.answeredRight++;
    } else if (isRight(evalCase, rankedFirst(answer))) {
      row.unansweredRankedRight++;
    }
  }
  return [...tenths, errorBand];
}

/** The tenth a score in [0, 1] falls in, 1.0 counted with 0.9; scores are compared in thousandths. */
function tenthOf(score: number): number {
  return Math.min(9, Math.max(0, Math.floor(Math.round(score * 1000) / 100)));
}

export function accuracy(report: EvalReport): number {
  return report.inScope === 0 ? 1 : report.inScopeCorrect / report.inScope;
}
