/**
 * `npm run bench:http`: the bot's Slack path under load beside a bare Bolt app (bench/http/bare-bolt.ts).
 * Both are compiled with tsc first (the production build, processes.ts buildApps) and run as child
 * processes started the way the Dockerfile starts the bot (`node <heap limits> dist/src/index.js`), with their Web API and every
 * response_url pointed at the stand-in Slack in this process, and receive signed `/docker <question>`
 * commands over loopback. Prints one Markdown table (the median of 3 rounds per app) and the targets, then
 * each process's resident memory and how many questions it answered.
 *
 * Options (`npm run bench:http -- --help`): options.ts. The other parts: processes.ts starts and stops
 * the apps and reads their CPU time and memory, load.ts sends the commands and times the answers,
 * database.ts makes and drops a PostgreSQL database for --postgres-admin-url, report.ts prints the tables
 * and targets, bare-bolt.ts is the floor.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { requireFile } from '../../src/cli/shared.js';
import { DEFAULT_EVAL_FILE } from '../../src/paths.js';
import { readEvalFile } from '../../src/search/evaluate.js';
import { StandInSlack } from '../../test/support/stand-in-slack.js';
import { createBenchDatabase, errorMessage, type BenchDatabase } from './database.js';
import { LoadDriver, type App, type Round } from './load.js';
import { readOptions } from './options.js';
import { buildApps, BUILT, ChildProcesses, readMemory } from './processes.js';
import { printMemory, printReport } from './report.js';

const ROUNDS = 3;

const options = readOptions(process.argv.slice(2));
const { replicaCount, labelled, databaseKind } = options;
const questions = readEvalFile(requireFile('bench:http', DEFAULT_EVAL_FILE, 'restore it from git.')).map(
  (c) => c.question,
);
const signingSecret = randomBytes(16).toString('hex');
const dataDir = mkdtempSync(join(tmpdir(), 'bench-http-'));
/** Set once the bench has created its own PostgreSQL database; dropped at the end. */
let benchDatabase: BenchDatabase | undefined;

// Compiled before anything starts: tsc's errors end the bench here.
console.error('Compiling the bot and the floor with tsc (the production build, bench/http/tsconfig.json)…');
buildApps();
const slack = await new StandInSlack().start();
const children = new ChildProcesses({
  signingSecret,
  slackUrl: slack.url,
  nodeFlags:
    options.cpuProfileDir === undefined
      ? []
      : ['--cpu-prof', `--cpu-prof-dir=${resolve(options.cpuProfileDir)}`],
});
const driver = new LoadDriver({
  slack,
  signingSecret,
  questions,
  requests: options.requests,
  warmUp: options.warmUp,
  concurrency: options.concurrency,
});

// Children must not outlive the bench, however it ends. A database created through
// --postgres-admin-url is dropped on a normal end and on Ctrl-C; a crash that skips both leaves it.
process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));
process.once('exit', () => {
  children.killAll();
  rmSync(dataDir, { recursive: true, force: true });
});

try {
  const databaseUrl = await botDatabaseUrl();
  const botName = labelled
    ? `this bot, ${replicaCount} ${replicaCount === 1 ? 'replica' : 'replicas'}, ${databaseKind}`
    : 'this bot';
  const bot: App = { name: botName, replicas: [], turn: 0 };
  // One after another: each replica migrates the shared database on start, under a lock.
  for (let i = 1; i <= replicaCount; i++) {
    const name = replicaCount === 1 ? botName : `${botName}: replica ${i}`;
    bot.replicas.push(await children.start(name, BUILT.bot, databaseUrl));
  }
  const bareName = labelled ? 'bare Bolt, 1 process, no database' : 'bare Bolt';
  const bare: App = {
    name: bareName,
    replicas: [await children.start(bareName, BUILT.floor, join(dataDir, 'bench.sqlite'))],
    turn: 0,
  };
  const rounds = new Map<App, Round[]>([
    [bot, []],
    [bare, []],
  ]);
  for (let round = 0; round < ROUNDS; round++) {
    for (const app of [bot, bare]) rounds.get(app)?.push(await driver.runRound(app));
  }
  await driver.answerAtLeast(bot, options.rssAfter);
  const memory = new Map([...bot.replicas, ...bare.replicas].map((child) => [child, readMemory(child)]));
  const run = { ...options, rounds: ROUNDS };
  const passed = printReport(run, bot, rounds.get(bot) ?? [], bare, rounds.get(bare) ?? []);
  const memoryPassed = printMemory(bot, bare, memory, options.rssAfter);
  if (!passed || !memoryPassed) process.exitCode = 1;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await cleanUp();
}

/**
 * The bots' DATABASE_URL: a fresh database made through --postgres-admin-url, else --database-url, else a
 * SQLite file in the temporary folder.
 */
async function botDatabaseUrl(): Promise<string> {
  if (options.adminUrl !== undefined) {
    benchDatabase = await createBenchDatabase(options.adminUrl);
    return benchDatabase.url;
  }
  return options.databaseUrl ?? join(dataDir, 'bench.sqlite');
}

async function cleanUp(): Promise<void> {
  await children.stopAll();
  await slack.stop();
  await benchDatabase?.drop().catch((error: unknown) => {
    const name = benchDatabase?.name ?? 'the bench database';
    console.error(`Could not drop ${name} (drop it by hand, WITH (FORCE)): ${errorMessage(error)}`);
    process.exitCode = 1;
  });
}
