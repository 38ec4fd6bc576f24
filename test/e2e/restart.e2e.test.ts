import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TIME_LIMITS } from '../../src/limits.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { eventBody, sendSigned } from '../support/signed.js';
import { StandInSlack } from '../support/stand-in-slack.js';
import { startBot, type RunningBot } from './harness.js';

/**
 * A bot killed after it claimed an event but before it posted the answer, and started again: Slack's
 * retry of that event must be answered, once.
 */
const EVENT_ID = 'EvKILLED1';
const CHANNEL = 'CRESTART';
const TS = '1750000000.000900';

let slack: StandInSlack;
let bot: RunningBot;

beforeAll(async () => {
  slack = await new StandInSlack().start();
  const dbPath = join(mkdtempSync(join(tmpdir(), 'bot-restart-')), 'bot.sqlite');
  // What the killed process left in the database: both claims, taken a lease ago, never delivered.
  const killed = openSqliteStore(dbPath);
  const claimedAt = new Date(Date.now() - TIME_LIMITS.deliveryLeaseMs - 1_000);
  await killed.claimDelivery(`event:${EVENT_ID}`, claimedAt);
  await killed.claimDelivery(`message:${CHANNEL}:${TS}`, claimedAt);
  await killed.close();
  bot = await startBot(slack.url, dbPath);
});

afterAll(async () => {
  await bot?.stop();
  await slack?.stop();
});

describe('When Slack retries an event the previous process claimed but never answered', () => {
  const retry = () =>
    sendSigned(
      `${bot.url}/slack/events`,
      eventBody(
        {
          type: 'app_mention',
          user: 'U0001',
          text: '<@UBOT> what is a volume',
          ts: TS,
          event_ts: TS,
          channel: CHANNEL,
        },
        EVENT_ID,
      ),
      'application/json',
      { headers: { 'X-Slack-Retry-Num': '1', 'X-Slack-Retry-Reason': 'http_timeout' } },
    );

  it('answers it once the claim has outlived its lease, and ignores the retries after that', async () => {
    expect((await retry()).status).toBe(200);
    await slack.waitFor('the answer', () => slack.api('chat.postMessage')[0]);

    expect((await retry()).status).toBe(200);
    await slack.waitFor('the duplicate ignored', () =>
      bot.logs.find((line) => line.includes('duplicate event ignored') && line.includes(EVENT_ID)),
    );
    expect(slack.api('chat.postMessage')).toHaveLength(1);
  });
});
