/**
 * `npm run bench:http`: the bot's Slack path under load beside a bare Bolt app (src/cli/bare-bolt.ts).
 * Both run as child processes started the way production starts the bot, with their Web API and every
 * response_url pointed at the stand-in Slack in this process, and receive signed `/docker <question>`
 * commands over loopback. Prints one Markdown table (the median of 3 rounds per app) and the targets.
 *
 * Options: `--requests N` (default 1,000 per round), `--concurrency N` (default 20).
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { subscribe } from 'node:diagnostics_channel';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { sendSigned, slashCommandBody } from '../../test/e2e/signed.js';
import { StandInSlack } from '../../test/e2e/stand-in-slack.js';
import { DEFAULT_EVAL_FILE, PROJECT_ROOT } from '../paths.js';
import { readEvalFile } from '../search/evaluate.js';
import { parseArgs } from './shared.js';

const WARM_UP_REQUESTS = 50;
const ROUNDS = 3;
/** How long after the last acknowledgement a missing response_url POST still counts as delivered. */
const DELIVERY_GRACE_MS = 5_000;
/** A request with no HTTP response by then counts as a failed acknowledgement (Slack gives up at 3 s). */
const ACK_TIMEOUT_MS = 10_000;
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 3_000;
const FORM = 'application/x-www-form-urlencoded';

const TARGETS = { cpuRatio: 1.5, p99Ms: 1_000 };

/** An app under test, running as a child process. */
interface Child {
  name: string;
  url: string;
  process: ChildProcess;
  /** The last lines it wrote, to explain a crash. */
  output: string[];
}

/** One signed command: when it was sent, how long the acknowledgement took, with which status (0: none). */
interface Sample {
  id: number;
  sentAt: number;
  ackMs: number;
  status: number;
}

interface Round {
  ackMs: number[];
  answerMs: number[];
  failedAcks: number;
  missing: number;
  delivered: number;
  cpuMsPerRequest: number;
}

const { options } = parseArgs(process.argv.slice(2), ['requests', 'concurrency']);
const requests = positiveInteger('requests', 1_000);
const concurrency = positiveInteger('concurrency', 20);
const questions = readEvalFile(DEFAULT_EVAL_FILE).map((c) => c.question);
const clockTicks = clockTicksPerSecond();
const signingSecret = randomBytes(16).toString('hex');
const dataDir = mkdtempSync(join(tmpdir(), 'bench-http-'));
const deliveredAt = watchResponseUrlPosts();
const children = new Set<ChildProcess>();
let nextRequestId = 0;

// Children must not outlive the bench, however it ends.
process.once('SIGINT', () => void stopChildren().finally(() => process.exit(130)));
process.once('exit', () => {
  children.forEach((child) => child.kill('SIGKILL'));
  rmSync(dataDir, { recursive: true, force: true });
});

const slack = await new StandInSlack().start();
try {
  const bot = await startChild('this bot', 'src/index.ts');
  const bare = await startChild('bare Bolt', 'src/cli/bare-bolt.ts');
  const rounds = new Map<Child, Round[]>([
    [bot, []],
    [bare, []],
  ]);
  for (let round = 0; round < ROUNDS; round++) {
    for (const child of [bot, bare]) rounds.get(child)?.push(await runRound(child));
  }
  const passed = printReport(rounds.get(bot) ?? [], rounds.get(bare) ?? []);
  if (!passed) process.exitCode = 1;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await stopChildren();
  await slack.stop();
}

/** Warm-up, then the measured requests, with the child's CPU time read around the measured ones. */
async function runRound(child: Child): Promise<Round> {
  slack.reset(); // the stand-in keeps every call; a round needs none of the previous ones
  await sendCommands(child, WARM_UP_REQUESTS);
  const ticksBefore = cpuTicks(child);
  const samples = await sendCommands(child, requests);
  const ticksAfter = cpuTicks(child);

  const acked = samples.filter((s) => s.status === 200);
  const answerMs = samples.flatMap((s) => {
    const at = deliveredAt.get(s.id);
    return at === undefined ? [] : [at - s.sentAt];
  });
  return {
    ackMs: sorted(acked.map((s) => s.ackMs)),
    answerMs: sorted(answerMs),
    failedAcks: samples.length - acked.length,
    missing: samples.length - answerMs.length,
    delivered: answerMs.length,
    cpuMsPerRequest: (((ticksAfter - ticksBefore) / clockTicks) * 1000) / requests,
  };
}

/**
 * Sends `count` signed `/docker <question>` commands, `concurrency` at a time, each with its own
 * response_url, then waits (at most the grace period) for every answer to reach the stand-in.
 */
async function sendCommands(child: Child, count: number): Promise<Sample[]> {
  const samples: Sample[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const question = questions[next++ % questions.length] ?? '';
      const id = nextRequestId++;
      const body = slashCommandBody({ text: question, response_url: slack.responseUrl(String(id)) });
      const sentAt = performance.now();
      const status = await withTimeout(
        sendSigned(`${child.url}/slack/events`, body, FORM, { secret: signingSecret }).then((r) => r.status),
        ACK_TIMEOUT_MS,
      ).catch(() => 0);
      samples.push({ id, sentAt, ackMs: performance.now() - sentAt, status });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));

  const deadline = performance.now() + DELIVERY_GRACE_MS;
  while (samples.some((s) => !deliveredAt.has(s.id)) && performance.now() < deadline) await sleep(10);
  assertRunning(child);
  return samples;
}

/**
 * When the stand-in has received (and answered) each response_url POST, by request id. The stand-in
 * records calls but not their time; Node's HTTP diagnostics channel reports the moment without changing
 * it. The stand-in is the only HTTP server in this process.
 */
function watchResponseUrlPosts(): Map<number, number> {
  const at = new Map<number, number>();
  subscribe('http.server.response.finish', (message) => {
    const { request } = message as { request: IncomingMessage };
    const id = /^\/response\/(\d+)$/.exec(request.url ?? '')?.[1];
    if (id !== undefined && request.method === 'POST') at.set(Number(id), performance.now());
  });
  return at;
}

/** Starts `entry` like production (`node --import tsx`) on a free loopback port; resolves once /healthz is 200. */
async function startChild(name: string, entry: string): Promise<Child> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: signingSecret,
      // Empty counts as unset, and dotenv does not override it: a developer's token cannot switch the
      // bot to Socket Mode.
      SLACK_APP_TOKEN: '',
      PORT: String(port),
      SLACK_API_URL: `${slack.url}/api/`,
      DATABASE_URL: join(dataDir, 'bench.sqlite'),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const started: Child = { name, url: `http://127.0.0.1:${port}`, process: child, output: [] };
  const keep = (chunk: Buffer) => {
    started.output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    started.output.splice(0, Math.max(0, started.output.length - 20));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const deadline = performance.now() + READY_TIMEOUT_MS;
  while (performance.now() < deadline) {
    assertRunning(started);
    const status = await fetch(`${started.url}/healthz`, { signal: AbortSignal.timeout(1_000) }).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return started;
    await sleep(100);
  }
  throw new Error(`${name} did not answer GET /healthz within ${READY_TIMEOUT_MS / 1000} s`);
}

function assertRunning(child: Child): void {
  const { exitCode, signalCode } = child.process;
  if (exitCode !== null || signalCode !== null) {
    throw new Error(
      `${child.name} exited (${exitCode ?? signalCode}); its last output:\n${child.output.join('\n')}`,
    );
  }
}

/** SIGTERM (the bot then closes its store), SIGKILL for any child still there after a few seconds. */
async function stopChildren(): Promise<void> {
  await Promise.all(
    [...children].map(async (child) => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, sleep(STOP_TIMEOUT_MS, undefined, { ref: false })]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      children.delete(child);
    }),
  );
}

/** User plus system CPU time of the process, in clock ticks: fields 14 and 15 of /proc/<pid>/stat. */
function cpuTicks(child: Child): number {
  const stat = readFileSync(`/proc/${child.process.pid}/stat`, 'utf8');
  // The command name (field 2) is in parentheses and may hold spaces; count fields after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function clockTicksPerSecond(): number {
  try {
    const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return ticks > 0 ? ticks : 100;
  } catch {
    return 100;
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Prints the table, the ratio and the targets; true when every target passes. */
function printReport(botRounds: Round[], bareRounds: Round[]): boolean {
  const bot = medianRound(botRounds);
  const bare = medianRound(bareRounds);
  console.log(
    `Node ${process.version}, ${cpus().length} CPUs. Per round: ${WARM_UP_REQUESTS} warm-up, then ` +
      `${requests.toLocaleString('en-US')} signed /docker commands at concurrency ${concurrency}, questions from the eval file. ` +
      `Median of ${ROUNDS} rounds by CPU per request; rounds alternate between the apps. Latency from the ` +
      `bench process: ack = HTTP response to the POST, answer = the stand-in receiving the response_url POST.\n`,
  );
  console.log(
    '| app | ack p50 | ack p99 | answer p50 | answer p99 | errors | delivered | CPU / request (all rounds) |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const [name, round, all] of [
    ['this bot', bot, botRounds],
    ['bare Bolt', bare, bareRounds],
  ] as const) {
    const errors = round.failedAcks + round.missing;
    const errorCell =
      errors === 0 ? '0' : `${errors} (${round.failedAcks} failed acks, ${round.missing} missing)`;
    const everyRound = all.map((r) => r.cpuMsPerRequest.toFixed(2)).join(', ');
    console.log(
      `| ${name} | ${formatMs(percentile(round.ackMs, 0.5))} | ${formatMs(percentile(round.ackMs, 0.99))} ` +
        `| ${formatMs(percentile(round.answerMs, 0.5))} | ${formatMs(percentile(round.answerMs, 0.99))} ` +
        `| ${errorCell} | ${round.delivered}/${requests} ` +
        `| ${round.cpuMsPerRequest.toFixed(2)} ms (${everyRound}) |`,
    );
  }

  const ratio = bot.cpuMsPerRequest / bare.cpuMsPerRequest;
  const worstP99 = Math.max(percentile(bot.ackMs, 0.99), percentile(bot.answerMs, 0.99));
  const botErrors = botRounds.reduce((sum, r) => sum + r.failedAcks + r.missing, 0);
  const botDelivered = botRounds.reduce((sum, r) => sum + r.delivered, 0);
  const targets: [string, boolean][] = [
    [`CPU per request ≤ ${TARGETS.cpuRatio}× bare Bolt: ${ratio.toFixed(2)}×`, ratio <= TARGETS.cpuRatio],
    [
      `p99 < ${formatMs(TARGETS.p99Ms)} (ack and answer, median round): ${formatMs(worstP99)}`,
      worstP99 < TARGETS.p99Ms,
    ],
    [`0 errors (all ${ROUNDS} rounds of the bot): ${botErrors}`, botErrors === 0],
    [
      `all delivered (all ${ROUNDS} rounds of the bot): ${botDelivered}/${ROUNDS * requests}`,
      botDelivered === ROUNDS * requests,
    ],
  ];
  console.log(`\nCPU per request: bot / bare Bolt = ${ratio.toFixed(2)}×\n`);
  for (const [text, ok] of targets) console.log(`- ${ok ? 'PASS' : 'FAIL'} ${text}`);
  return targets.every(([, ok]) => ok);
}

function medianRound(rounds: Round[]): Round {
  const byCpu = [...rounds].sort((a, b) => a.cpuMsPerRequest - b.cpuMsPerRequest);
  return byCpu[Math.floor(byCpu.length / 2)] as Round;
}

function sorted(values: number[]): number[] {
  return values.sort((a, b) => a - b);
}

function percentile(sortedValues: number[], p: number): number {
  return sortedValues[Math.min(sortedValues.length - 1, Math.floor(p * sortedValues.length))] ?? NaN;
}

function formatMs(ms: number): string {
  if (Number.isNaN(ms)) return 'n/a';
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  const timer = new AbortController();
  try {
    return await Promise.race([
      promise,
      sleep(ms, undefined, { signal: timer.signal }).then(() => {
        throw new Error(`no response within ${ms} ms`);
      }),
    ]);
  } finally {
    timer.abort();
  }
}

function positiveInteger(name: string, fallback: number): number {
  const raw = options.get(name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    console.error(`--${name} takes a positive whole number, not "${raw}"`);
    process.exit(1);
  }
  return Number(raw);
}
