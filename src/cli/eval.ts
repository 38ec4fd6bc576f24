import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAnswerEngine } from '../search/engine.js';
import { accuracy, evaluate, readEvalFile } from '../search/evaluate.js';
import { DEFAULT_EVAL_FILE, PROJECT_ROOT } from '../paths.js';
import { exitQuietlyWhenPipeCloses, loadKnowledgeOrExit, parseArgs } from './shared.js';

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
const file = options.get('file') ?? DEFAULT_EVAL_FILE;
const floor = JSON.parse(readFileSync(join(PROJECT_ROOT, 'eval-floor.json'), 'utf8')) as Floor;

const engine = createAnswerEngine(loadKnowledgeOrExit().topics);
const report = evaluate(readEvalFile(file), (question) => {
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
