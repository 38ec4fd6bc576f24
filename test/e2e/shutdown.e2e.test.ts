import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotProcess, type BotProcess } from '../support/processes.js';
import { sendSigned, slashCommandBody } from '../support/signed.js';
import { StandInSlack } from '../support/stand-in-slack.js';

let slack: StandInSlack;
let bot: BotProcess | undefined;

beforeAll(async () => {
  slack = await new StandInSlack().start();
});

afterAll(async () => {
  bot?.child.kill('SIGKILL');
  await slack.stop();
});

describe('npm start in HTTP mode', () => {
  it('on SIGTERM stops accepting, finishes the answer in flight, and exits 0 within 10 s', async () => {
    bot = await startBotProcess(slack.url, {
      DATABASE_URL: join(mkdtempSync(join(tmpdir(), 'shutdown-')), 'bot.sqlite'),
    });
    const { url, logs, exited, child } = bot;
    expect((await fetch(`${url}/healthz`)).status).toBe(200);

    // A reply whose delivery takes 1.5 s is in flight when SIGTERM arrives (`/docker` alone looks up
    // the asker's language, then replies through response_url).
    slack.script('/response/slow', { delayMs: 1500 });
    const body = slashCommandBody({ text: '', response_url: slack.responseUrl('slow') });
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
