/**
 * `npm run bench`: answer quality and speed of this engine beside plain Fuse.js and MiniSearch over the
 * same entries, then this engine on synthetic knowledge bases of 1,000 and 10,000 entries.
 * Prints one Markdown table; README quotes it. Run with `--expose-gc` (the npm script does) for heap figures.
 *
 * A synthetic row's build time is the median of COLD_BUILDS builds, each in a fresh process (see
 * cold-build.ts): one build on a shared machine is too noisy to quote, and builds repeated in this
 * process would find the tokeniser's caches warm.
 */
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { argsOrExit, loadKnowledgeOrExit, requireFile } from '../src/cli/shared.js';
import type { Topic } from '../src/knowledge/types.js';
import { DEFAULT_EVAL_FILE } from '../src/paths.js';
import { createAnswerEngine } from '../src/search/engine.js';
import { accuracy, evaluate, readEvalFile } from '../src/search/evaluate.js';
import { synthesize } from './synthetic.js';

const ROUNDS = 5;
const COLD_BUILDS = 3;

interface Row {
  name: string;
  entries: number;
  accuracy: string;
  offTopic: string;
  build: string;
  p50: string;
  p99: string;
  heap: string;
}

const { values } = argsOrExit('bench', () =>
  parseArgs({ args: process.argv.slice(2), options: { file: { type: 'string' } }, strict: true }),
);
const cases = readEvalFile(
  requireFile('bench', values.file ?? DEFAULT_EVAL_FILE, 'restore it from git, or pass --file.'),
);
const topics = loadKnowledgeOrExit().topics;
const questions = cases.map((c) => c.question);
const rows: Row[] = [];

rows.push(
  measure('this engine', topics, (entries) => {
    const engine = createAnswerEngine(entries);
    return (question) => engine.search(question).topic?.id ?? null;
  }),
);

rows.push(
  measure('plain Fuse.js (default options)', topics, (entries) => {
    const fuse = new Fuse(entries.map(flatten), { keys: ['title', 'aliases', 'answer'] });
    return (question) => fuse.search(question)[0]?.item.id ?? null;
  }),
);

rows.push(
  measure('MiniSearch (fuzzy 0.2, prefix)', topics, (entries) => {
    const mini = new MiniSearch({ fields: ['title', 'aliases', 'answer'], storeFields: ['id'] });
    mini.addAll(entries.map(flatten));
    return (question) => {
      const [best] = mini.search(question, { fuzzy: 0.2, prefix: true, boost: { aliases: 3, title: 2 } });
      return best ? String(best.id) : null;
    };
  }),
);

for (const size of [1_000, 10_000]) {
  const row = measure('this engine, synthetic', synthesize(topics, size), (entries) => {
    const engine = createAnswerEngine(entries);
    return (question) => engine.search(question).topic?.id ?? null;
  });
  const builds = coldBuilds(size).sort((a, b) => a - b);
  rows.push({ ...row, build: formatMs(percentile(builds, 0.5)) });
}

console.log(
  `Node ${process.version}, ${questions.length} questions from ${cases.length === 0 ? '-' : 'the eval file'} ` +
    `× ${ROUNDS} rounds per row; latency is per question, in process; synthetic index builds are the ` +
    `median of ${COLD_BUILDS} fresh processes.\n`,
);
console.log(
  '| engine | entries | in-scope accuracy | off-topic answered | index build | p50 | p99 | heap used |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.name} | ${r.entries} | ${r.accuracy} | ${r.offTopic} | ${r.build} | ${r.p50} | ${r.p99} | ${r.heap} |`,
  );
}

function measure(
  name: string,
  entries: Topic[],
  build: (entries: Topic[]) => (question: string) => string | null,
): Row {
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const answer = build(entries);
  const buildMs = performance.now() - started;
  collectGarbage();
  const heap = process.memoryUsage().heapUsed - heapBefore;

  for (const question of questions) answer(question); // warm-up: one round, not measured
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const question of questions) {
      const t0 = performance.now();
      answer(question);
      samples.push(performance.now() - t0);
    }
  }
  samples.sort((a, b) => a - b);

  const report = evaluate(cases, (q) => ({ topic: answer(q), score: 0 }));
  return {
    name,
    entries: entries.length,
    accuracy: `${(accuracy(report) * 100).toFixed(1)}%`,
    offTopic: `${report.offTopicAnswered}/${report.offTopic}`,
    build: formatMs(buildMs),
    p50: formatMs(percentile(samples, 0.5)),
    p99: formatMs(percentile(samples, 0.99)),
    heap:
      typeof globalThis.gc === 'function' ? `${(heap / 1024 / 1024).toFixed(1)} MB` : 'n/a (no --expose-gc)',
  };
}

/** Build times of a synthetic knowledge base of `size` entries, each in a fresh process. */
function coldBuilds(size: number): number[] {
  const script = fileURLToPath(new URL('./cold-build.ts', import.meta.url));
  return Array.from({ length: COLD_BUILDS }, () => {
    const output = execFileSync(process.execPath, [...process.execArgv, script, '--size', String(size)], {
      encoding: 'utf8',
    });
    return (JSON.parse(output) as { buildMs: number }).buildMs;
  });
}

function flatten(topic: Topic) {
  return {
    id: topic.id,
    title: `${topic.title.en} ${topic.title.ja}`,
    aliases: [...topic.aliases.en, ...topic.aliases.ja].join(' '),
    answer: `${topic.answer.en} ${topic.answer.ja}`,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

function formatMs(ms: number): string {
  return ms >= 1000
    ? `${(ms / 1000).toFixed(2)} s`
    : ms >= 1
      ? `${ms.toFixed(1)} ms`
      : `${(ms * 1000).toFixed(0)} µs`;
}

function collectGarbage() {
  (globalThis as { gc?: () => void }).gc?.();
}
