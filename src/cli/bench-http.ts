/**
 * `npm run bench:http`: the bot's Slack path under load beside a bare Bolt app (src/cli/bare-bolt.ts).
 * Both run as child processes started the way production starts the bot, with their Web API and every
 * response_url pointed at the stand-in Slack in this process, and receive signed `/docker <question>`
 * commands over loopback. Prints one Markdown table (the median of 3 rounds per app) and the targets, then
 * each process's resident memory and how many questions it answered.
 *
 * Options: `--requests N` (default 1,000 per round), `--concurrency N` (default 20);
 * `--replicas N` (default 1): N bot processes on one database, requests spread round-robin over them
 * like a load balancer, CPU per request summed over them (bare Bolt stays one process);
 * `--database-url URL` (default: a SQLite file in a temporary folder) or `--postgres-admin-url URL`,
 * which creates a fresh PostgreSQL database `bench_<random>` through that URL and drops it at the end;
 * `--rss-after N` (default 0): before reading memory, keep sending commands until every bot replica has
 * answered at least N questions (from 10,000 on, the memory target is checked).
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
import pg from 'pg';
import { sendSigned, slashCommandBody } from '../../test/e2e/signed.js';
import { StandInSlack } from '../../test/e2e/stand-in-slack.js';
import { DEFAULT_EVAL_FILE, PROJECT_ROOT } from '../paths.js';
import { PRODUCTION_NODE_FLAGS } from '../runtime.js';
import { readEvalFile } from '../search/evaluate.js';
import { parseDatabaseUrl, redactDatabaseUrl, StoreError } from '../store/index.js';
import { parseArgs, requireFile } from './shared.js';

/** Enough for both apps' hot paths to be compiled by V8 before measuring. */
const WARM_UP_REQUESTS = 1500;
const ROUNDS = 3;
/** How long after the last acknowledgement a missing response_url POST still counts as delivered. */
const DELIVERY_GRACE_MS = 5_000;
/** A request with no HTTP response by then counts as a failed acknowledgement (Slack gives up at 3 s). */
const ACK_TIMEOUT_MS = 10_000;
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 3_000;
/** Tries, half a second apart, at dropping the bench's PostgreSQL database. */
const DROP_ATTEMPTS = 10;
const FORM = 'application/x-www-form-urlencoded';

/** Commands sent at most per batch while topping replicas up for --rss-after, between stand-in resets. */
const TOP_UP_BATCH = 2_000;

const TARGETS = { cpuRatio: 1.5, p99Ms: 1_000 };
/** Resident memory per replica once it has answered this many questions; 1 MB = 10^6 bytes. */
const MEMORY_TARGET = { rssMb: 150, afterQuestions: 10_000 };

/** An app under test, running as a child process. */
interface Child {
  name: string;
  url: string;
  process: ChildProcess;
  /** The last lines it wrote, to explain a crash. */
  output: string[];
  /** Questions whose answer reached the stand-in, warm-up included. */
  answered: number;
}

/** A configuration under load: one process, or replicas behind a round-robin balancer. */
interface App {
  name: string;
  replicas: Child[];
  /** The replica the next request goes to, kept across calls like a balancer's. */
  turn: number;
}

/** Resident memory from /proc/<pid>/status, in kB as the kernel reports it. */
interface Memory {
  rssKb: number;
  peakKb: number;
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

const { flags, options } = parseArgs(process.argv.slice(2), [
  'requests',
  'concurrency',
  'replicas',
  'database-url',
  'postgres-admin-url',
  'rss-after',
]);
const requests = wholeNumber('requests', 1_000, 1);
const concurrency = wholeNumber('concurrency', 20, 1);
const replicaCount = wholeNumber('replicas', 1, 1);
const rssAfter = wholeNumber('rss-after', 0, 0);
const adminUrl = options.get('postgres-admin-url');
const databaseKind = chosenDatabaseKind();
/** The default run prints the table it always has; any database or replica option names both in it. */
const labelled = replicaCount > 1 || options.has('database-url') || adminUrl !== undefined;
const questions = readEvalFile(requireFile('bench:http', DEFAULT_EVAL_FILE, 'restore it from git.')).map(
  (c) => c.question,
);
const clockTicks = clockTicksPerSecond();
const signingSecret = randomBytes(16).toString('hex');
const dataDir = mkdtempSync(join(tmpdir(), 'bench-http-'));
/** Which process each request went to, by request id. */
const routedTo = new Map<number, Child>();
const deliveredAt = watchResponseUrlPosts();
const children = new Set<ChildProcess>();
let nextRequestId = 0;
/** Set once the bench has created its own PostgreSQL database; dropped at the end. */
let benchDatabase: { name: string; admin: pg.Client } | undefined;

// Children must not outlive the bench, however it ends. A database created through
// --postgres-admin-url is dropped on a normal end and on Ctrl-C; a crash that skips both leaves it.
process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));
process.once('exit', () => {
  children.forEach((child) => child.kill('SIGKILL'));
  rmSync(dataDir, { recursive: true, force: true });
});

const slack = await new StandInSlack().start();
try {
  const databaseUrl = adminUrl === undefined ? botDatabaseUrl() : await createBenchDatabase(adminUrl);
  const botName = labelled
    ? `this bot, ${replicaCount} ${replicaCount === 1 ? 'replica' : 'replicas'}, ${databaseKind}`
    : 'this bot';
  const bot: App = { name: botName, replicas: [], turn: 0 };
  // One after another: each replica migrates the shared database on start, under a lock.
  for (let i = 1; i <= replicaCount; i++) {
    const name = replicaCount === 1 ? botName : `${botName}: replica ${i}`;
    bot.replicas.push(await startChild(name, 'src/index.ts', databaseUrl));
  }
  const bareName = labelled ? 'bare Bolt, 1 process, no database' : 'bare Bolt';
  const bare: App = {
    name: bareName,
    replicas: [await startChild(bareName, 'src/cli/bare-bolt.ts', join(dataDir, 'bench.sqlite'))],
    turn: 0,
  };
  const rounds = new Map<App, Round[]>([
    [bot, []],
    [bare, []],
  ]);
  for (let round = 0; round < ROUNDS; round++) {
    for (const app of [bot, bare]) rounds.get(app)?.push(await runRound(app));
  }
  await answerAtLeast(bot, rssAfter);
  const memory = new Map([...bot.replicas, ...bare.replicas].map((child) => [child, readMemory(child)]));
  const passed = printReport(bot, rounds.get(bot) ?? [], bare, rounds.get(bare) ?? []);
  const memoryPassed = printMemory(bot, bare, memory);
  if (!passed || !memoryPassed) process.exitCode = 1;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await cleanUp();
}

async function cleanUp(): Promise<void> {
  await stopChildren();
  await slack.stop();
  await dropBenchDatabase().catch((error: unknown) => {
    const name = benchDatabase?.name ?? 'the bench database';
    console.error(`Could not drop ${name} (drop it by hand, WITH (FORCE)): ${describe(error)}`);
    process.exitCode = 1;
  });
}

/** Warm-up, then the measured requests, with the app's CPU time (all replicas) read around the measured ones. */
async function runRound(app: App): Promise<Round> {
  slack.reset(); // the stand-in keeps every call; a round needs none of the previous ones
  await sendCommands(app, WARM_UP_REQUESTS);
  const ticksBefore = sum(app.replicas.map(cpuTicks));
  const samples = await sendCommands(app, requests);
  const ticksAfter = sum(app.replicas.map(cpuTicks));

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
 * Before memory is read: sends more commands until every replica has answered at least `minimum`
 * questions. Gives up when a batch brings no replica any closer, so a broken replica cannot loop forever.
 */
async function answerAtLeast(app: App, minimum: number): Promise<void> {
  for (;;) {
    const behind = app.replicas.filter((child) => child.answered < minimum);
    if (behind.length === 0) return;
    const largestGap = Math.max(...behind.map((child) => minimum - child.answered));
    const before = sum(behind.map((child) => child.answered));
    slack.reset(); // the stand-in would otherwise keep every one of these calls
    await sendCommands(
      { name: app.name, replicas: behind, turn: 0 },
      Math.min(TOP_UP_BATCH, largestGap * behind.length),
    );
    if (sum(behind.map((child) => child.answered)) === before) {
      throw new Error(
        `${behind.map((child) => child.name).join(', ')} stopped answering before ${minimum} questions`,
      );
    }
  }
}

/**
 * Sends `count` signed `/docker <question>` commands, `concurrency` at a time, each with its own
 * response_url and to the app's replicas in turn, then waits (at most the grace period) for every answer
 * to reach the stand-in.
 */
async function sendCommands(app: App, count: number): Promise<Sample[]> {
  const samples: Sample[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const question = questions[next++ % questions.length] ?? '';
      const id = nextRequestId++;
      const child = app.replicas[app.turn++ % app.replicas.length] as Child;
      routedTo.set(id, child);
      const body = slashCommandBody({ text: question, response_url: slack.responseUrl(String(id)) });
      const sentAt = performance.now();
      const response = await withTimeout(
        sendSigned(`${child.url}/slack/events`, body, FORM, { secret: signingSecret }),
        ACK_TIMEOUT_MS,
      ).catch(() => ({ status: 0, text: '' }));
      const ackedAt = performance.now();
      // An answer may come back in the acknowledgement itself (the bot does that for questions):
      // then it is delivered when the acknowledgement arrives.
      if (response.status === 200 && response.text !== '' && !deliveredAt.has(id)) {
        deliveredAt.set(id, ackedAt);
        child.answered++;
      }
      samples.push({ id, sentAt, ackMs: ackedAt - sentAt, status: response.status });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));

  const deadline = performance.now() + DELIVERY_GRACE_MS;
  while (samples.some((s) => !deliveredAt.has(s.id)) && performance.now() < deadline) await sleep(10);
  app.replicas.forEach(assertRunning);
  return samples;
}

/**
 * When the stand-in has received (and answered) each response_url POST, by request id, counting each
 * request's first one as a question answered by the process it was sent to. The stand-in records calls
 * but not their time; Node's HTTP diagnostics channel reports the moment without changing it. The
 * stand-in is the only HTTP server in this process.
 */
function watchResponseUrlPosts(): Map<number, number> {
  const at = new Map<number, number>();
  subscribe('http.server.response.finish', (message) => {
    const { request } = message as { request: IncomingMessage };
    const match = /^\/response\/(\d+)$/.exec(request.url ?? '')?.[1];
    if (match === undefined || request.method !== 'POST') return;
    const id = Number(match);
    const child = routedTo.get(id);
    if (child !== undefined && !at.has(id)) child.answered++;
    at.set(id, performance.now());
  });
  return at;
}

/** The bot's DATABASE_URL unless --postgres-admin-url makes one: --database-url, else a file in the temp folder. */
function botDatabaseUrl(): string {
  return options.get('database-url') ?? join(dataDir, 'bench.sqlite');
}

/** Checks the database options before anything starts, and names the kind for the table. */
function chosenDatabaseKind(): 'SQLite' | 'PostgreSQL' {
  for (const name of ['database-url', 'postgres-admin-url']) {
    if (flags.has(name)) return exitWith(`--${name} needs a value`);
  }
  const given = options.get('database-url');
  if (given !== undefined && adminUrl !== undefined) {
    return exitWith('Give --database-url or --postgres-admin-url, not both.');
  }
  let kind: 'sqlite' | 'postgres' = 'sqlite';
  try {
    kind = parseDatabaseUrl(adminUrl ?? given).kind;
  } catch (error) {
    if (error instanceof StoreError) return exitWith(error.message);
    throw error;
  }
  if (adminUrl !== undefined && kind !== 'postgres') {
    return exitWith('--postgres-admin-url takes a postgres:// URL (the one .ci/postgres.sh prints).');
  }
  if (kind === 'sqlite' && replicaCount > 1) {
    console.warn(
      `Note: ${replicaCount} replicas on one SQLite file; replicas are deployed on PostgreSQL ` +
        '(--postgres-admin-url).',
    );
  }
  return kind === 'postgres' ? 'PostgreSQL' : 'SQLite';
}

/**
 * Creates `bench_<random>` through the admin URL; returns the URL of the new database. The admin
 * connection stays open until the drop: .ci/postgres.sh gives the role a new password each time it
 * runs, and an open session outlives that, where a new connection at the end would be refused.
 */
async function createBenchDatabase(adminUrl: string): Promise<string> {
  const name = `bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  // An idle client that loses its server emits 'error', which would otherwise end the bench; the drop reports it.
  admin.on('error', () => {});
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (error) {
    await admin.end().catch(() => {});
    throw new Error(`Could not create ${name} through ${redactDatabaseUrl(adminUrl)}: ${describe(error)}`);
  }
  benchDatabase = { name, admin };
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.href;
}

/**
 * Drops the database createBenchDatabase made, once the bots are gone. FORCE ends a straggling bot
 * connection, but a role without pg_signal_backend may not end an autovacuum worker still busy with the
 * bots' inserts; that is refused, so the drop is tried again for a few seconds.
 */
async function dropBenchDatabase(): Promise<void> {
  if (benchDatabase === undefined) return;
  const { name, admin } = benchDatabase;
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        benchDatabase = undefined;
        return;
      } catch (error) {
        if (attempt >= DROP_ATTEMPTS) throw error;
        await sleep(500);
      }
    }
  } finally {
    await admin.end().catch(() => {});
  }
}

/** Starts `entry` like production (`node --import tsx`) on a free loopback port; resolves once /healthz is 200. */
async function startChild(name: string, entry: string, databaseUrl: string): Promise<Child> {
  const port = await freePort();
  // Both apps run with the production heap limits, as the Dockerfile starts the bot.
  const child = spawn(process.execPath, [...PRODUCTION_NODE_FLAGS, '--import', 'tsx', entry], {
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
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const started: Child = { name, url: `http://127.0.0.1:${port}`, process: child, output: [], answered: 0 };
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

/** VmRSS (resident now) and VmHWM (the peak of it) from /proc/<pid>/status, in kB. */
function readMemory(child: Child): Memory {
  const status = readFileSync(`/proc/${child.process.pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status)?.[1] ?? NaN);
  return { rssKb: kb('VmRSS'), peakKb: kb('VmHWM') };
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
function printReport(botApp: App, botRounds: Round[], bareApp: App, bareRounds: Round[]): boolean {
  const bot = medianRound(botRounds);
  const bare = medianRound(bareRounds);
  const replicasNote =
    replicaCount === 1
      ? ''
      : ` The bot runs as ${replicaCount} processes on one ${databaseKind} database, and each request ` +
        'goes to the next of them in turn, like a round-robin load balancer; its CPU per request is the ' +
        "processes' CPU time summed, over the requests. bare Bolt stays one process.";
  console.log(
    `Node ${process.version}, ${cpus().length} CPUs. Per round: ${WARM_UP_REQUESTS} warm-up, then ` +
      `${requests.toLocaleString('en-US')} signed /docker commands at concurrency ${concurrency}, questions from the eval file. ` +
      `Median of ${ROUNDS} rounds by CPU per request; rounds alternate between the apps. Latency from the ` +
      `bench process: ack = HTTP response to the POST, answer = the answer received, in the acknowledgement or as the response_url POST.` +
      `${replicasNote}\n`,
  );
  console.log(
    '| app | ack p50 | ack p99 | answer p50 | answer p99 | errors | delivered | CPU / request (all rounds) |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const [name, round, all] of [
    [botApp.name, bot, botRounds],
    [bareApp.name, bare, bareRounds],
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

/**
 * Prints each process's memory and questions answered; with --rss-after of at least the target's count,
 * the memory target too. True unless that target fails.
 */
function printMemory(bot: App, bare: App, memory: Map<Child, Memory>): boolean {
  const when =
    rssAfter > 0
      ? `once every bot replica had answered at least ${rssAfter.toLocaleString('en-US')} questions`
      : 'after the measured rounds';
  console.log(
    `\nMemory ${when}: RSS = VmRSS, peak = VmHWM, from /proc/<pid>/status (1 MB = 10^6 bytes). ` +
      'Questions answered: answers received, warm-up included.\n',
  );
  console.log('| process | RSS | peak RSS | questions answered |');
  console.log('|---|---|---|---|');
  const rows: [Child, string][] = [
    ...bot.replicas.map((child): [Child, string] => [child, child.name]),
    ...bare.replicas.map((child): [Child, string] => [child, `${child.name} (for reference)`]),
  ];
  for (const [child, name] of rows) {
    const { rssKb, peakKb } = memory.get(child) ?? { rssKb: NaN, peakKb: NaN };
    console.log(
      `| ${name} | ${formatMb(rssKb)} | ${formatMb(peakKb)} | ${child.answered.toLocaleString('en-US')} |`,
    );
  }
  if (rssAfter < MEMORY_TARGET.afterQuestions) return true;

  const largest = Math.max(...bot.replicas.map((child) => memory.get(child)?.rssKb ?? NaN));
  const ok = kbToMb(largest) < MEMORY_TARGET.rssMb;
  console.log(
    `\n- ${ok ? 'PASS' : 'FAIL'} RSS < ${MEMORY_TARGET.rssMb} MB per bot replica after ` +
      `${rssAfter.toLocaleString('en-US')} questions each: largest ${formatMb(largest)}`,
  );
  return ok;
}

function kbToMb(kb: number): number {
  return (kb * 1024) / 1e6;
}

function formatMb(kb: number): string {
  return Number.isNaN(kb) ? 'n/a' : `${kbToMb(kb).toFixed(1)} MB`;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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

/** A whole-number option of at least `minimum`; a missing or malformed value ends the bench. */
function wholeNumber(name: string, fallback: number, minimum: 0 | 1): number {
  if (flags.has(name)) return exitWith(`--${name} needs a value`);
  const raw = options.get(name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < minimum) {
    return exitWith(`--${name} takes a ${minimum === 1 ? 'positive ' : ''}whole number, not "${raw}"`);
  }
  return Number(raw);
}

function exitWith(message: string): never {
  console.error(message);
  process.exit(1);
}
