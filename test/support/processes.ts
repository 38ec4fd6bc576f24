import { spawn, type ChildProcess } from 'node:child_process';
import { sameClockEnv } from '../child-env.js';
import { createServer } from 'node:net';
import { PROJECT_ROOT } from '../../src/paths.js';
import { PRODUCTION_NODE_FLAGS } from '../../src/runtime.js';
import { SIGNING_SECRET } from './signed.js';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface BotProcess {
  child: ChildProcess;
  url: string;
  logs: string[];
  exited: Promise<{ code: number | null; at: number }>;
}

/**
 * Starts the bot exactly as production does (`src/index.ts` under the production heap limits, configured
 * only by the environment) in HTTP mode on a free loopback port, and resolves once it reports it has
 * started — or, at a level that hides that line (LOG_LEVEL=warn), once `/healthz` answers.
 */
export async function startBotProcess(apiUrl: string, env: Record<string, string>): Promise<BotProcess> {
  const port = await freePort();
  const logs: string[] = [];
  const child = spawn(process.execPath, [...PRODUCTION_NODE_FLAGS, '--import', 'tsx', 'src/index.ts'], {
    cwd: PROJECT_ROOT,
    env: {
      ...sameClockEnv(),
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `${apiUrl}/api/`,
      PORT: String(port),
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.on('exit', (code) => resolve({ code, at: Date.now() })),
  );
  // Generous: two processes compiling TypeScript on a busy 2-core machine can take a while to start.
  const deadline = Date.now() + 45_000;
  const url = `http://127.0.0.1:${port}`;
  while (!logs.join('').includes('bot started') && !(await answers(`${url}/healthz`))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the bot did not start:\n${logs.join('')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, url, logs, exited };
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}
