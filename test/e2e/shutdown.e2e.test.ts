import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';
import { SIGNING_SECRET, sendSigned, slashCommandBody } from './signed.js';
import { StandInSlack } from './stand-in-slack.js';

let slack: StandInSlack;
let child: ChildProcess | undefined;

beforeAll(async () => {
  slack = await new StandInSlack().start();
});

afterAll(async () => {
  child?.kill('SIGKILL');
  await slack.stop();
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('npm start in HTTP mode', () => {
  it('on SIGTERM stops accepting, finishes the answer in flight, and exits 0 within 10 s', async () => {
    const port = await freePort();
    const logs: string[] = [];
    child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
      cwd: PROJECT_ROOT,
      env: {
        PATH: process.env.PATH,
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: `${slack.url}/api/`,
        PORT: String(port),
        DATABASE_URL: join(mkdtempSync(join(tmpdir(), 'shutdown-')), 'bot.sqlite'),
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr?.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
    const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
      child?.on('exit', (code) => resolve({ code, at: Date.now() })),
    );
    const url = `http://127.0.0.1:${port}`;
    await slack.waitFor('the bot to be healthy', () => logs.join('').includes('bot started'), 15_000);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);

    // An answer whose delivery takes 1.5 s is in flight when SIGTERM arrives.
    slack.script('/response/slow', { delayMs: 1500 });
    const body = slashCommandBody({ text: 'what is an image', response_url: slack.responseUrl('slow') });
    expect((await sendSigned(`${url}/slack/events`, body, 'application/x-www-form-urlencoded')).status).toBe(
      200,
    );
    await slack.waitFor('the answer to be on its way', () => slack.responses()[0]);
    const signalled = Date.now();
    child.kill('SIGTERM');

    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();

    const { code, at } = await exited;
    expect(code).toBe(0);
    expect(at - signalled).toBeLessThan(10_000);
    // It waited for the slow delivery instead of cutting it off.
    expect(at - signalled).toBeGreaterThan(1000);
    expect(logs.join('')).toContain('"msg":"stopped"');
    expect(logs.join('')).not.toContain('xoxb-test');
  }, 30_000);
});
