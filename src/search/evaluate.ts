import { readFileSync } from 'node:fs';

export interface EvalCase {
  question: string;
  /** Acceptable topic ids; empty means the engine must not answer. */
  accept: string[];
  line: number;
}

export interface EvalMiss {
  case: EvalCase;
  got: string | null;
  score: number;
}

export interface EvalReport {
  inScope: number;
  inScopeCorrect: number;
  offTopic: number;
  offTopicAnswered: number;
  misses: EvalMiss[];
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

export function evaluate(
  cases: EvalCase[],
  answer: (question: string) => { topic: string | null; score: number },
): EvalReport {
  const report: EvalReport = { inScope: 0, inScopeCorrect: 0, offTopic: 0, offTopicAnswered: 0, misses: [] };
  for (const evalCase of cases) {
    const { topic, score } = answer(evalCase.question);
    if (evalCase.accept.length === 0) {
      report.offTopic++;
      if (topic !== null) {
        report.offTopicAnswered++;
        report.misses.push({ case: evalCase, got: topic, score });
      }
    } else {
      report.inScope++;
      if (topic !== null && evalCase.accept.includes(topic)) report.inScopeCorrect++;
      else report.misses.push({ case: evalCase, got: topic, score });
    }
  }
  return report;
}

export function accuracy(report: EvalReport): number {
  return report.inScope === 0 ? 1 : report.inScopeCorrect / report.inScope;
}
