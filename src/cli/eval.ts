import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import type { KnowledgeBase } from '../knowledge/load.js';
import { createAnswerEngine, type AnswerEngine } from '../search/engine.js';
import {
  accuracy,
  calibrate,
  decisions,
  evaluate,
  readEvalFile,
  type CalibrationBand,
  type EvalAnswer,
  type EvalCase,
  type EvalOutcome,
} from '../search/evaluate.js';
import { DEFAULT_EVAL_FILE, PROJECT_ROOT } from '../paths.js';
import { argsOrExit, exitQuietlyWhenPipeCloses, loadKnowledgeOrExit, requireFile } from './shared.js';

exitQuietlyWhenPipeCloses();

/**
 * The floor only rises: when the engine improves, raise it in eval-floor.json so that answer quality
 * can never silently regress.
 */
interface Floor {
  inScopeAccuracy: number;
  maxOffTopicAnswered: number;
}

/** The independent question sets kept beside the tests; `--calibration` reads them with the eval file. */
const QUESTION_SET_DIR = join(PROJECT_ROOT, 'test', 'fixtures');

const { values } = argsOrExit('eval', () =>
  parseArgs({
    args: process.argv.slice(2),
    options: { file: { type: 'string' }, calibration: { type: 'boolean', default: false } },
    strict: true,
  }),
);
const file =
  values.file === undefined ? undefined : requireFile('eval', values.file, 'check the --file path.');

const kb = loadKnowledgeOrExit();
const engine = createAnswerEngine(kb.topics, undefined, kb.concepts);

if (values.calibration) {
  const files = file !== undefined ? [file] : everyQuestionSet();
  const outcomes: EvalOutcome[] = [];
  for (const path of files) outcomes.push(...evaluate(casesOf(path, kb), answerWith(engine)).outcomes);
  printCalibration(files, outcomes);
  process.exit(0);
}

const evalFile =
  file ?? requireFile('eval', DEFAULT_EVAL_FILE, 'restore it from git, or run `npm run sync:shared`.');
const floorFile = requireFile('eval', join(PROJECT_ROOT, 'eval-floor.json'), 'restore it from git.');
const floor = JSON.parse(readFileSync(floorFile, 'utf8')) as Floor;
const report = evaluate(casesOf(evalFile, kb), answerWith(engine));

for (const miss of report.misses) {
  const expected = miss.case.accept.length > 0 ? miss.case.accept.join('|') : '(no answer)';
  const how = miss.errorMatch === null ? '' : `, error ${JSON.stringify(miss.errorMatch)}`;
  console.log(
    `miss  line ${miss.case.line}: ${JSON.stringify(miss.case.question)} → ${miss.got ?? '(no answer)'} ` +
      `(score ${miss.score}${how}), expected ${expected}`,
  );
}

const acc = accuracy(report);
const pass = acc >= floor.inScopeAccuracy && report.offTopicAnswered <= floor.maxOffTopicAnswered;
console.log(
  `eval: in-scope ${report.inScopeCorrect}/${report.inScope} correct (${percent(report.inScopeCorrect, report.inScope)}), ` +
    `off-topic answered ${report.offTopicAnswered}/${report.offTopic}; ` +
    `floor ${(floor.inScopeAccuracy * 100).toFixed(1)}% and ${floor.maxOffTopicAnswered} off-topic: ` +
    (pass ? 'PASS' : 'FAIL'),
);
console.log(
  `eval: right topic ranked first ${report.inScopeRankedFirst}/${report.inScope} ` +
    `(${percent(report.inScopeRankedFirst, report.inScope)}); right answer or among the suggestions ` +
    `${report.inScopeSuggested}/${report.inScope} (${percent(report.inScopeSuggested, report.inScope)})`,
);
process.exit(pass ? 0 : 1);

/** What the engine made of a question, as the eval counts it. */
function answerWith(answers: AnswerEngine): (question: string) => EvalAnswer {
  return (question) => {
    const result = answers.search(question);
    return {
      topic: result.topic?.id ?? null,
      score: result.score,
      ranked: answers.rank(question)[0]?.topic.id ?? null,
      suggestions: result.suggestions.map((topic) => topic.id),
      errorMatch: result.errorMatch,
      inDomain: result.domain.inDomain,
    };
  };
}

/** The questions of a file, or the command ends naming each topic id the knowledge does not have. */
function casesOf(path: string, knowledge: KnowledgeBase): EvalCase[] {
  const cases = readEvalFile(path);
  const unknown = cases.flatMap((c) =>
    c.accept.filter((id) => !knowledge.byId.has(id)).map((id) => ({ line: c.line, id })),
  );
  if (unknown.length > 0) {
    for (const { line, id } of unknown)
      console.error(`eval: ${path}:${line} names topic "${id}", which knowledge/ does not have`);
    process.exit(1);
  }
  return cases;
}

/** The eval file and every question set in test/fixtures/, those present. */
function everyQuestionSet(): string[] {
  let sets: string[] = [];
  try {
    sets = readdirSync(QUESTION_SET_DIR)
      .filter((name) => name.endsWith('.tsv'))
      .sort()
      .map((name) => join(QUESTION_SET_DIR, name));
  } catch {
    // A deployed image carries no test/ folder: the eval file alone is scored.
  }
  return [requireFile('eval', DEFAULT_EVAL_FILE, 'restore it from git.'), ...sets];
}

function printCalibration(files: string[], outcomes: EvalOutcome[]): void {
  const inScope = outcomes.filter((o) => o.case.accept.length > 0).length;
  console.log(
    `eval --calibration: ${outcomes.length} questions (${inScope} in scope, ${outcomes.length - inScope} off-topic) ` +
      `from ${files.map((path) => relative(process.cwd(), path) || path).join(', ')}`,
  );
  printDecisions(outcomes);
  console.log("Per band of the best topic's score (answers an error fragment decided apart):");
  const header = [
    'score band',
    'questions',
    'answered',
    'right',
    'not answered, top right',
    'off-topic',
    'off-topic answered',
  ];
  const row = (band: CalibrationBand) => [
    band.band,
    band.questions,
    band.answered,
    band.answeredRight,
    band.unansweredRankedRight,
    band.offTopic,
    band.offTopicAnswered,
  ];
  const bands = calibrate(outcomes);
  const total: CalibrationBand = {
    band: 'all',
    questions: 0,
    answered: 0,
    answeredRight: 0,
    unansweredRankedRight: 0,
    offTopic: 0,
    offTopicAnswered: 0,
  };
  for (const band of bands) {
    total.questions += band.questions;
    total.answered += band.answered;
    total.answeredRight += band.answeredRight;
    total.unansweredRankedRight += band.unansweredRankedRight;
    total.offTopic += band.offTopic;
    total.offTopicAnswered += band.offTopicAnswered;
  }
  const lines = [header, ...bands.map(row), row(total)].map((cells) => cells.map(String));
  const widths = header.map((_, i) => Math.max(...lines.map((cells) => (cells[i] ?? '').length)));
  for (const cells of lines) {
    console.log(
      cells
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
        .join('  '),
    );
  }
}

function printDecisions(outcomes: EvalOutcome[]): void {
  const d = decisions(outcomes);
  const outOfDomain = d.inScope - d.inScopeInDomain;
  console.log(
    'Decision 1, is it a Docker question (an error, a command, a file name or a distinctive word)?',
  );
  console.log(
    `  in scope judged in the domain ${d.inScopeInDomain}/${d.inScope} (${percent(d.inScopeInDomain, d.inScope)}); ` +
      `off-topic judged in the domain ${d.offTopicInDomain}/${d.offTopic} (${percent(d.offTopicInDomain, d.offTopic)})`,
  );
  console.log('Decision 2, which topic (right topic ranked first), and the answers given:');
  console.log(
    `  in the domain: ranked first ${d.inDomainRankedFirst}/${d.inScopeInDomain}, answered ${d.inDomainAnswered}, ` +
      `right ${d.inDomainRight}; off-topic answered ${d.offTopicAnsweredInDomain}/${d.offTopicInDomain}`,
  );
  console.log(
    `  not in the domain: ranked first ${d.outOfDomainRankedFirst}/${outOfDomain}, answered ${d.outOfDomainAnswered}, ` +
      `right ${d.outOfDomainRight}; off-topic answered ${d.offTopicAnsweredOutOfDomain}/${d.offTopic - d.offTopicInDomain}`,
  );
}

function percent(part: number, whole: number): string {
  return `${((whole === 0 ? 1 : part / whole) * 100).toFixed(1)}%`;
}
