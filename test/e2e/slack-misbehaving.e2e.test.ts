import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { helpMessage } from '../../src/answers/slack-messages.js';
import { TIME_LIMITS } from '../../src/limits.js';
import { startBot, type RunningBot } from './harness.js';
import { eventBody, sendSigned, slashCommandBody } from '../support/signed.js';
import { StandInSlack, type RecordedCall } from '../support/stand-in-slack.js';

/**
 * Slack's Web API misbehaving: slow, failing, rate limited, per method and channel. The bot runs with
 * shorter limits than in production, so a limit fires well within a test; each scripted hang is longer
 * than the limit it tests.
 */
const LIMITS = { ...TIME_LIMITS, slackCallMs: 1_500, slackUsersInfoMs: 1_000 };
const HANG_MS = 4_000;

let slack: StandInSlack;
let bot: RunningBot;

beforeAll(async () => {
  slack = await new StandInSlack().start();
  bot = await startBot(
    slack.url,
    undefined,
    { TIP_CHANNELS: 'CTIP1@09:00@daily@tz=UTC,CTIP2@09:00@daily@tz=UTC' },
    LIMITS,
  );
});

afterAll(async () => {
  await bot.stop();
  await slack.stop();
});

beforeEach(() => {
  slack.reset();
  slack.userLocale = 'en-US';
});

let mentions = 0;
/** A top-level mention of the bot in `channel`. */
function mention(channel: string, text = '<@UBOT> what is an image') {
  const ts = `1700002${String(++mentions).padStart(3, '0')}.000100`;
  return sendSigned(
    `${bot.url}/slack/events`,
    eventBody({ type: 'app_mention', user: 'U0001', text, ts, channel, event_ts: ts }),
    'application/json',
  );
}

function command(text: string, id: string) {
  return sendSigned(
    `${bot.url}/slack/events`,
    slashCommandBody({ text, response_url: slack.responseUrl(id) }),
    'application/x-www-form-urlencoded',
  );
}

function logged(msg: string): Record<string, unknown>[] {
  return bot.logs
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry) => entry.msg === msg);
}

describe('When chat.postMessage hangs or fails (row 3)', () => {
  it('posts once, never again after the timeout, and tells the asker privately', async () => {
    slack.hang('chat.postMessage', { channel: 'C1', ms: HANG_MS });
    await mention('C1');
    // The apology follows the last attempt: any retry would have come before it.
    await slack.waitFor('the apology', () => slack.api('chat.postEphemeral', 'C1')[0]);
    expect(slack.api('chat.postMessage', 'C1')).toHaveLength(1);
    expect(logged('chat.postMessage failed')).toContainEqual(
      expect.objectContaining({ code: 'timeout', channel: 'C1' }),
    );
  });

  it('posts once after a 503, whose outcome is unknown', async () => {
    slack.fail('chat.postMessage', { channel: 'C1', status: 503 });
    await mention('C1');
    await slack.waitFor('the apology', () => slack.api('chat.postEphemeral', 'C1')[0]);
    expect(slack.api('chat.postMessage', 'C1')).toHaveLength(1);
  });
});

describe('When Slack rate limits one channel (row 4)', () => {
  it('answers in another channel at once, and in the limited one after its Retry-After', async () => {
    slack.rateLimit('chat.postMessage', { channel: 'C1', retryAfter: 2 });
    await mention('C1');
    const limited = await slack.waitFor('the 429 in C1', () =>
      slack.api('chat.postMessage', 'C1').find((call) => call.answer?.status === 429),
    );
    const windowEnd = limited.at + Number(limited.answer?.headers['retry-after']) * 1000;

    await mention('C2');
    const other = await slack.waitFor('the answer in C2', () =>
      answered(slack.api('chat.postMessage', 'C2')),
    );
    const retry = await slack.waitFor(
      'the retry in C1',
      () => answered(slack.api('chat.postMessage', 'C1')),
      10_000,
    );
    // C2 was answered while C1 was still limited; C1's retry waited for the end of its window.
    expect(other.at).toBeLessThan(windowEnd);
    expect(retry.at).toBeGreaterThanOrEqual(windowEnd);
    expect(slack.api('chat.postMessage', 'C1')).toHaveLength(2);
    expect(slack.api('chat.postEphemeral')).toHaveLength(0);
  });
});

describe('When users.info hangs or fails (row 5)', () => {
  it('replies to /docker in English well before the look-up ends, and logs it', async () => {
    slack.userLocale = 'ja-JP';
    slack.hang('users.info', { ms: HANG_MS });
    await command('', 'u1');
    const reply = await slack.waitFor('the usage', () => slack.responses()[0]);
    // The look-up was still hanging when the reply came.
    expect(slack.api('users.info')[0]?.answer).toBeUndefined();
    expect(reply.body).toMatchObject({ response_type: 'ephemeral', text: helpMessage('en').text });
    expect(logged('could not read the asker’s Slack profile')).toContainEqual(
      expect.objectContaining({ code: 'timeout', user: 'U0001' }),
    );
    expect(slack.api('users.info')).toHaveLength(1);
  });

  it('logs a refused look-up (missing_scope) and replies in English', async () => {
    slack.userLocale = 'ja-JP';
    slack.script('users.info', { body: { ok: false, error: 'missing_scope' } });
    await command('', 'u2');
    const reply = await slack.waitFor('the usage', () => slack.responses()[0]);
    expect(reply.body).toMatchObject({ text: helpMessage('en').text });
    expect(logged('could not read the asker’s Slack profile')).toContainEqual(
      expect.objectContaining({ code: 'missing_scope', user: 'U0001' }),
    );
    expect(slack.api('users.info')).toHaveLength(1);
  });
});

describe('When a tip of the day meets the same Slack', () => {
  it('posts a tip once after a 503, and waits out a 429 in its own channel only', async () => {
    slack.fail('chat.postMessage', { channel: 'CTIP1', status: 503 });
    slack.rateLimit('chat.postMessage', { channel: 'CTIP2', retryAfter: 1 });
    bot.scheduleClock.now = new Date('2026-03-02T09:00:00Z');
    expect(await bot.running.tips.tick()).toEqual(['CTIP2']);
    expect(slack.api('chat.postMessage', 'CTIP1')).toHaveLength(1);
    expect(slack.api('chat.postMessage', 'CTIP2').map((call) => call.answer?.status)).toEqual([429, 200]);
    expect(logged('tip could not be posted')).toContainEqual(
      expect.objectContaining({ channel: 'CTIP1', code: 'http_503' }),
    );
  });
});

/** The first call answered with success. */
function answered(calls: RecordedCall[]): RecordedCall | undefined {
  return calls.find((call) => call.answer?.status === 200);
}
