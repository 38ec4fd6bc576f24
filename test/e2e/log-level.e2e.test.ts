import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotProcess, type BotProcess } from '../support/processes.js';
import { blockActionPayload, payloadBody, sendSigned, slashCommandBody } from '../support/signed.js';
import { StandInSlack } from '../support/stand-in-slack.js';

const FORM = 'application/x-www-form-urlencoded';

let slack: StandInSlack;
const bots: Partial<Record<'warn' | 'debug', BotProcess>> = {};

beforeAll(async () => {
  slack = await new StandInSlack().start();
  const start = (level: 'warn' | 'debug') =>
    startBotProcess(slack.url, {
      DATABASE_URL: join(mkdtempSync(join(tmpdir(), `log-${level}-`)), 'bot.sqlite'),
      LOG_LEVEL: level,
    }).then((bot) => (bots[level] = bot));
  await Promise.all([start('warn'), start('debug')]);
}, 90_000);

afterAll(async () => {
  for (const bot of Object.values(bots)) bot.child.kill('SIGKILL');
  await slack?.stop();
});

/** A question, a button no listener handles, and a forged request: work that logs at every level. */
async function exercise(bot: BotProcess) {
  const endpoint = `${bot.url}/slack/events`;
  const ack = await sendSigned(
    endpoint,
    slashCommandBody({ text: 'what is an image', response_url: slack.responseUrl('q') }),
    FORM,
  );
  expect(ack.status).toBe(200);
  await sendSigned(
    endpoint,
    payloadBody(blockActionPayload({ actionId: 'no_such_action', value: 'x' })),
    FORM,
  );
  await sendSigned(endpoint, 'null', 'application/json', { secret: 'not-the-secret' });
  // The question is stored, and logged, just after the reply.
  await new Promise((resolve) => setTimeout(resolve, 300));
}

function levelsWritten(bot: BotProcess): Set<unknown> {
  const lines = bot.logs.join('').split('\n').filter(Boolean);
  return new Set(lines.map((line) => (JSON.parse(line) as { level: unknown }).level));
}

describe('LOG_LEVEL in HTTP mode (issue 14, row 14)', () => {
  it('warn: writes no info or debug line, from the bot or from Bolt', async () => {
    const bot = bots.warn as BotProcess;
    await exercise(bot);
    const levels = levelsWritten(bot);
    expect(levels.has('info')).toBe(false);
    expect(levels.has('debug')).toBe(false);
    // Something was written at warn: the forged request Bolt refused.
    expect(levels.has('warn')).toBe(true);
  });

  it('debug: writes debug lines, from the bot and from Bolt', async () => {
    const bot = bots.debug as BotProcess;
    await exercise(bot);
    const text = bot.logs.join('');
    expect(levelsWritten(bot).has('debug')).toBe(true);
    expect(text).toMatch(/"level":"debug","name":"[^"]*","msg":"ack\(\) call begins/);
    expect(text).toMatch(/"level":"debug","name":"[^"]*","msg":"unhandled request acknowledged"/);
  });
});
