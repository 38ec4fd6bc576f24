/**
 * One index build of a synthetic knowledge base of `--size` entries in this fresh process, for
 * `npm run bench`: a fresh process starts with the tokeniser's caches empty, as the bot does at start.
 * Prints `{"size", "buildMs"}`.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { argsOrExit, loadKnowledgeOrExit } from '../src/cli/shared.js';
import { createAnswerEngine } from '../src/search/engine.js';
import { synthesize } from './synthetic.js';

const { values } = argsOrExit('cold-build', () =>
  parseArgs({ args: process.argv.slice(2), options: { size: { type: 'string' } }, strict: true }),
);
const size = Number(values.size);
if (!Number.isInteger(size) || size < 1) {
  console.error('cold-build: --size must be a positive whole number of entries');
  process.exit(2);
}
const entries = synthesize(loadKnowledgeOrExit().topics, size);
const started = performance.now();
createAnswerEngine(entries);
console.log(JSON.stringify({ size, buildMs: performance.now() - started }));
