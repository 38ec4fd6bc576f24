import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { PROJECT_ROOT } from '../../src/paths.js';
import { PRODUCTION_NODE_FLAGS } from '../../src/runtime.js';
import { freePort } from '../../test/support/processes.js';

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 3_000;

/** An app under test, running as a child process. */
export interface Child {
  name: string;
  url: string;
  process: ChildProcess;
  /** The last lines it wrote, to explain a crash. */
  output: string[];
  /** Questions whose answer reached the stand-in, warm-up included. */
  answered: number;
}

/** Resident memory from /proc/<pid>/status, in kB as the kernel reports it. */
export interface Memory {
  rssKb: number;
  peakKb: number;
}

/** Where buildApps puts the apps: the bot as `npm run build` compiles it, and the floor beside it. */
export const BUILT = {
  bot: join(PROJECT_ROOT, 'dist', 'src', 'index.js'),
  floor: join(PROJECT_ROOT, 'dist', 'bench', 'http', 'bare-bolt.js'),
};

/**
 * Compiles both apps with tsc into dist/ (bench/http/tsconfig.json: the production build's settings,
 * tsconfig.build.json, with the floor added), as the Dockerfile's `npm run build` does for the bot. The
 * bench then runs JavaScript, as production does: under `--import tsx` every closure the bot creates per
 * request is wrapped in a naming call, which the Docker image does not pay.
 */
export function buildApps(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', join(PROJECT_ROOT, 'bench', 'http', 'tsconfig.json')], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
  });
}

/**
 * The apps under test as child processes, started the way production starts the bot, with their Web API
 * (and so every response_url the bench hands them) on the stand-in Slack.
 */
export class ChildProcesses {
  private readonly running = new Set<ChildProcess>();

  constructor(private readonly settings: { signingSecret: string; slackUrl: string; nodeFlags: string[] }) {}

  /**
   * Starts `entry`, a file tsc compiled (buildApps), as the Dockerfile starts the bot (`node <heap limits>
   * dist/src/index.js`, no TypeScript loader) on a free loopback port; resolves once /healthz is 200.
   */
  async start(name: string, entry: string, databaseUrl: string): Promise<Child> {
    const port = await freePort();
    // Both apps run with the production heap limits, as the Dockerfile starts the bot.
    const child = spawn(process.execPath, [...PRODUCTION_NODE_FLAGS, ...this.settings.nodeFlags, entry], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: this.settings.signingSecret,
        // Empty counts as unset, and dotenv does not override it: a developer's token cannot switch the
        // bot to Socket Mode.
        SLACK_APP_TOKEN: '',
        PORT: String(port),
        SLACK_API_URL: `${this.settings.slackUrl}/api/`,
        DATABASE_URL: databaseUrl,
        // Production's default: the bot's per-request log line is part of its cost.
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.running.add(child);
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

  /** SIGTERM (the bot then closes its store), SIGKILL for any child still there after a few seconds. */
  async stopAll(): Promise<void> {
    await Promise.all(
      [...this.running].map(async (child) => {
        if (child.exitCode === null && child.signalCode === null) {
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.kill('SIGTERM');
          await Promise.race([exited, sleep(STOP_TIMEOUT_MS, undefined, { ref: false })]);
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        }
        this.running.delete(child);
      }),
    );
  }

  /** For the process's 'exit' event, where nothing asynchronous runs: children must not outlive the bench. */
  killAll(): void {
    this.running.forEach((child) => child.kill('SIGKILL'));
  }
}

export function assertRunning(child: Child): void {
  const { exitCode, signalCode } = child.process;
  if (exitCode !== null || signalCode !== null) {
    throw new Error(
      `${child.name} exited (${exitCode ?? signalCode}); its last output:\n${child.output.join('\n')}`,
    );
  }
}

/** VmRSS (resident now) and VmHWM (the peak of it) from /proc/<pid>/status, in kB. */
export function readMemory(child: Child): Memory {
  const status = readFileSync(`/proc/${child.process.pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status)?.[1] ?? NaN);
  return { rssKb: kb('VmRSS'), peakKb: kb('VmHWM') };
}

/**
 * CPU time the process has used so far, in milliseconds: the time on a CPU of each of its threads
 * (the first field of /proc/<pid>/task/<tid>/schedstat, in nanoseconds), summed. A round of a few hundred
 * requests uses a few hundred milliseconds; /proc/<pid>/stat counts in clock ticks (10 ms), too coarse
 * for that. Node's threads (main, V8 platform workers, libuv pool) live as long as the process, so none
 * goes missing between two readings. Falls back to user plus system time from /proc/<pid>/stat where
 * the kernel keeps no schedstat.
 */
export function cpuMs(child: Child): number {
  const pid = child.process.pid;
  try {
    let ns = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    }
    if (Number.isFinite(ns) && ns > 0) return ns / 1e6;
  } catch {
    // a thread that ended while being read, or no schedstat: the coarse count below
  }
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) is in parentheses and may hold spaces; count fields after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) / clockTicksPerSecond()) * 1000;
}

let ticksPerSecond: number | undefined;

/** The unit of /proc/<pid>/stat's CPU times. */
function clockTicksPerSecond(): number {
  if (ticksPerSecond !== undefined) return ticksPerSecond;
  try {
    const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    ticksPerSecond = ticks > 0 ? ticks : 100;
  } catch {
    ticksPerSecond = 100;
  }
  return ticksPerSecond;
}
