import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAnswerEngine } from '../search/engine.js';
import { accuracy, evaluate, readEvalFile } from '../search/evaluate.js';
import { DEFAULT_EVAL_FILE, PROJECT_ROOT } from '../paths.js';
import { exitQuietlyWhenPipeCloses, loadKnowledgeOrExit, parseArgs, requireFile } from './shared.js';

exitQuietlyWhenPipeCloses();

/**
 * The floor only rises: when the engine improves, raise it in eval-floor.json so that answer quality
 * can never silently regress.
 */
interface Floor {
  inScopeAccuracy: number;
  maxOffTopicAnswered: number;
}

const { options } = parseArgs(process.argv.slice(2), ['file']);
const file = requireFile(
  'eval',
  options.get('file') ?? DEFAULT_EVAL_FILE,
  options.has('file') ? 'check the --file path.' : 'restore it from git, or run `npm run sync:shared`.',
);
const floorFile = requireFile('eval', join(PROJECT_ROOT, 'eval-floor.json'), 'restore it from git.');
const floor = JSON.parse(readFileSync(floorFile, 'utf8')) as Floor;

const kb = loadKnowledgeOrExit();
const cases = readEvalFile(file);
const unknown = cases.flatMap((c) =>
  c.accept.filter((id) => !kb.byId.has(id)).map((id) => ({ line: c.line, id })),
);
if (unknown.length > 0) {
  for (const { line, id } of unknown)
    console.error(`eval: ${file}:${line} names topic "${id}", which knowledge/ does not have`);
  process.exit(1);
}
const engine = createAnswerEngine(kb.topics);
const report = evaluate(cases, (question) => {
  const result = engine.search(question);
  return { topic: result.topic?.id ?? null, score: result.score };
});

for (const miss of report.misses) {
  const expected = miss.case.accept.length > 0 ? miss.case.accept.join('|') : '(no answer)';
  console.log(
    `miss  line ${miss.case.line}: ${JSON.stringify(miss.case.question)} → ${miss.got ?? '(no answer)'} ` +
      `(score ${miss.score}), expected ${expected}`,
  );
}

const acc = accuracy(report);
const pass = acc >= floor.inScopeAccuracy && report.offTopicAnswered <= floor.maxOffTopicAnswered;
console.log(
  `eval: in-scope ${report.inScopeCorrect}/${report.inScope} correct (${(acc * 100).toFixed(1)}%), ` +
    `off-topic answered ${report.offTopicAnswered}/${report.offTopic}; ` +
    `floor ${(floor.inScopeAccuracy * 100).toFixed(1)}% and ${floor.maxOffTopicAnswered} off-topic: ` +
    (pass ? 'PASS' : 'FAIL'),
);
process.exit(pass ? 0 : 1);
