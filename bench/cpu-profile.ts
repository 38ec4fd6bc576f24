/**
 * `npm run bench:profile -- FILE.cpuprofile [--from NAME | --skip-ms N] [--top N]`: where a process's CPU went, from a
 * profile written by `node --cpu-prof` (`npm run bench:http -- --cpu-prof DIR` writes one per app).
 * Prints the time by stage of a request (search, layout, storing, Bolt's dispatch…), self time by where
 * the code lives (this project, each package, Node's internals, V8's own work), and the functions with
 * the most self time and the most total time (the function and what it calls).
 * Start-up (compiling, loading the knowledge) is left out with --from NAME, which counts from the first
 * sample with the function NAME on its stack (`--from processEvent`: Bolt's first request; for the bot,
 * `--from answerInAcknowledgement`: its first `/docker` question, answered before Bolt), or with
 * --skip-ms N, which leaves out the first N ms.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { argsOrExit, exitQuietlyWhenPipeCloses } from '../src/cli/shared.js';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const USAGE = 'Usage: npm run bench:profile -- FILE.cpuprofile [--from NAME | --skip-ms N] [--top N]';

const { values, positionals } = argsOrExit('bench:profile', () =>
  parseArgs({
    args: process.argv.slice(2),
    options: { 'skip-ms': { type: 'string' }, top: { type: 'string' }, from: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  }),
);
const file = positionals[0];
if (file === undefined) {
  console.error(USAGE);
  process.exit(1);
}
const startAt = values.from;
let skipMs = Number(values['skip-ms'] ?? 0);
const top = Number(values.top ?? 25);

exitQuietlyWhenPipeCloses();
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

/** One name per function: the same function reached through different stacks is one row. */
function functionKey(frame: CallFrame): string {
  const name = frame.functionName || '(anonymous)';
  if (frame.url === '') return name;
  return `${name}  ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
}

function shortUrl(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf('/node_modules/');
  if (modules >= 0) return path.slice(modules + '/node_modules/'.length);
  const src = path.search(/\/(src|bench|test)\//);
  return src >= 0 ? path.slice(src + 1) : path;
}

/** Where a function's code lives: a package, this project's folder, Node's internals, or V8 itself. */
function area(frame: CallFrame): string {
  const url = frame.url;
  if (url === '') return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  if (url.startsWith('node:')) return 'node: internals';
  const path = shortUrl(url);
  const pkg = /^(@[^/]+\/[^/]+|[^/]+)\//.exec(path);
  if (url.includes('/node_modules/') && pkg) return pkg[1] ?? path;
  const folder = /^(src\/[^/]+|bench|test)\//.exec(path);
  return folder?.[1] ?? path;
}

/** The function names on a sample's stack. */
function stackNames(id: number): string[] {
  const names: string[] = [];
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    names.push((byId.get(at) as ProfileNode).callFrame.functionName);
  }
  return names;
}

if (startAt !== undefined) {
  let at = 0;
  const first = profile.samples.findIndex((id, index) => {
    at += profile.timeDeltas[index] ?? 0;
    return stackNames(id).includes(startAt);
  });
  if (first < 0) {
    console.error(`No sample has ${startAt} on its stack.`);
    process.exit(1);
  }
  skipMs = at / 1000;
}

/**
 * The stages of the bot's request path, for the "by stage" table: a sample belongs to the first of these
 * whose code is anywhere on its stack (search called from the listener is search), else to the
 * nearest frame of Bolt, the bot's own layers or Node's HTTP, else "other".
 */
const STAGES: [string, (frame: CallFrame) => boolean][] = [
  ['garbage collection', (f) => f.functionName === '(garbage collector)'],
  ['search (src/search)', (f) => /\/src\/search\//.test(f.url)],
  [
    'writing the acknowledgement (Bolt buildContentResponse; the direct path: ack, messageJson)',
    (f) =>
      f.functionName === 'buildContentResponse' ||
      /\/src\/answers\/message-json\./.test(f.url) ||
      (f.functionName === 'ack' && /\/src\/slack\/direct-command\./.test(f.url)),
  ],
  ['answer layout and signed buttons (src/answers)', (f) => /\/src\/answers\//.test(f.url)],
  [
    'storing (src/store, better-sqlite3, pg)',
    (f) => /\/src\/store\/|\/node_modules\/(better-sqlite3|pg)\//.test(f.url),
  ],
  ['log lines (src/logger.ts)', (f) => /\/src\/logger\./.test(f.url)],
  [
    'signature check and body parsing (Bolt)',
    (f) => /^(parseAndVerifyHTTPRequest|parseHTTPRequestBody|verifySlackRequest)$/.test(f.functionName),
  ],
  [
    'body limit and timestamp checks (src/slack guards)',
    (f) => /\/src\/slack\/(guard-request-body|verify-timestamp)\./.test(f.url),
  ],
];
const NEAREST: [string, (frame: CallFrame) => boolean][] = [
  ['Bolt dispatch and middleware', (f) => f.url.includes('/node_modules/@slack/bolt/')],
  [
    "the bot's Slack and conversation layers (src/slack, src/conversation)",
    (f) => /\/src\/(slack|conversation)\/|\/src\/limits\./.test(f.url),
  ],
  ["Node's HTTP server and sockets", (f) => /^node:(_http_|net|internal\/stream)/.test(f.url)],
];
const stageOf = new Map<number, string>();

function stage(id: number): string {
  const known = stageOf.get(id);
  if (known !== undefined) return known;
  const frames: CallFrame[] = [];
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    frames.push((byId.get(at) as ProfileNode).callFrame);
  }
  const found =
    STAGES.find(([, test]) => frames.some(test))?.[0] ??
    frames.map((frame) => NEAREST.find(([, test]) => test(frame))?.[0]).find((name) => name !== undefined) ??
    'other (microtask queue, timers, V8 and native)';
  stageOf.set(id, found);
  return found;
}

const self = new Map<string, number>();
const total = new Map<string, number>();
const areas = new Map<string, number>();
const stages = new Map<string, number>();
/**
 * A sample's time delta is wall-clock time: on a busy machine it includes the time the process waited
 * for a CPU, charged to whatever function it was in. Each sample counts as the usual interval instead.
 */
const interval = median(profile.timeDeltas);
let elapsedUs = 0;
let countedUs = 0;
profile.samples.forEach((id, index) => {
  elapsedUs += profile.timeDeltas[index] ?? 0;
  if (elapsedUs < skipMs * 1000) return;
  const delta = interval;
  const node = byId.get(id);
  if (node === undefined || node.callFrame.functionName === '(idle)') return;
  countedUs += delta;
  const key = functionKey(node.callFrame);
  self.set(key, (self.get(key) ?? 0) + delta);
  areas.set(area(node.callFrame), (areas.get(area(node.callFrame)) ?? 0) + delta);
  stages.set(stage(id), (stages.get(stage(id)) ?? 0) + delta);
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const frameKey = functionKey((byId.get(at) as ProfileNode).callFrame);
    if (!seen.has(frameKey)) total.set(frameKey, (total.get(frameKey) ?? 0) + delta);
    seen.add(frameKey);
  }
});

console.log(
  `${file}: ${(elapsedUs / 1000).toFixed(0)} ms profiled, ${(countedUs / 1000).toFixed(0)} ms on a CPU ` +
    `after the first ${skipMs.toFixed(0)} ms (idle left out; ${profile.samples.length} samples, each ` +
    `counted as ${interval} µs).`,
);
printTable('time by stage of a request (the first listed stage on the stack)', stages, Infinity);
printTable('self time by area', areas, Infinity);
printTable('self time', self, top);
printTable('total time (self + callees)', total, top);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function printTable(title: string, times: Map<string, number>, rows: number): void {
  console.log(`\n${title}:`);
  const sorted = [...times].sort((a, b) => b[1] - a[1]).slice(0, rows);
  for (const [key, us] of sorted) {
    const share = ((us / countedUs) * 100).toFixed(1).padStart(5);
    console.log(`${share}%  ${(us / 1000).toFixed(1).padStart(8)} ms  ${key}`);
  }
}
