import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from './harness.js';
import { sendSigned, slashCommandBody } from './signed.js';
import { StandInSlack } from './stand-in-slack.js';

let slack: StandInSlack;
let bot: RunningBot;

beforeAll(async () => {
  slack = await new StandInSlack().start();
  bot = await startBot(slack.url, undefined, { TIP_CHANNELS: 'CCONF01@10:30@daily@tz=Asia/Tokyo' });
});

afterAll(async () => {
  await bot.stop();
  await slack.stop();
});

beforeEach(() => slack.reset());

async function tipCommand(text: string, channel_id = 'CTIPS01') {
  const id = `tip-${Math.random()}`;
  await sendSigned(
    `${bot.url}/slack/events`,
    slashCommandBody({ text, channel_id, user_id: 'U0005', response_url: slack.responseUrl(id) }),
    'application/x-www-form-urlencoded',
  );
  const reply = await slack.waitFor(`the reply to "${text}"`, () =>
    slack.responses().find((r) => r.method === `/response/${id}`),
  );
  return String(reply.body.text);
}

describe('Requests judged by the real clock, whatever the scheduling clock says', () => {
  const YEAR_MS = 365 * 24 * 3_600_000;

  it.each([
    ['a year ahead', YEAR_MS],
    ['a year behind', -YEAR_MS],
  ])('accepts a signed request with the scheduling clock %s', async (_label, shift) => {
    bot.scheduleClock.now = new Date(Date.now() + shift);
    expect(await tipCommand('tip')).toMatch(/^Docker tip: /);
  });

  it('still refuses a request signed 6 minutes in the future', async () => {
    bot.scheduleClock.now = new Date(Date.now() + YEAR_MS);
    const body = slashCommandBody({
      text: 'tip',
      channel_id: 'CTIPS01',
      response_url: slack.responseUrl('future'),
    });
    const res = await sendSigned(`${bot.url}/slack/events`, body, 'application/x-www-form-urlencoded', {
      timestamp: Math.floor(Date.now() / 1000) + 6 * 60,
    });
    expect(res.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(slack.responses()).toHaveLength(0);
  });
});

describe('Tip of the day from Slack', () => {
  it('gives a tip now, privately', async () => {
    expect(await tipCommand('tip')).toMatch(/^Docker tip: /);
  });

  it("subscribes a channel in the subscriber's time zone, reports status, and posts at the set time", async () => {
    slack.userTz = 'Asia/Tokyo';
    bot.scheduleClock.now = new Date('2026-12-01T12:00:00Z'); // 21:00 Tuesday in Tokyo
    const subscribed = await tipCommand('tip subscribe 08:15 daily');
    expect(subscribed).toContain('08:15 (Asia/Tokyo)');
    expect(subscribed).toContain('every day');

    const status = await tipCommand('tip status');
    expect(status).toContain('08:15 (Asia/Tokyo)');
    expect(status).toMatch(/Wed.*2 Dec.*08:15/);

    bot.scheduleClock.now = new Date('2026-12-01T23:14:00Z'); // 08:14 in Tokyo
    expect(await bot.running.tips.tick()).not.toContain('CTIPS01');
    bot.scheduleClock.now = new Date('2026-12-01T23:15:00Z'); // 08:15
    expect(await bot.running.tips.tick()).toContain('CTIPS01');
    const post = slack.api('chat.postMessage').find((call) => call.body.channel === 'CTIPS01');
    expect(String(post?.body.text)).toMatch(/^Docker tip: /);
    expect(JSON.stringify(post?.body.blocks)).toContain('show_topic:');
  });

  it("takes tz= over the subscriber's zone and explains a bad schedule", async () => {
    expect(await tipCommand('tip subscribe 07:00 tz=America/New_York ja', 'CTIPS02')).toContain(
      'America/New_York',
    );
    expect(await tipCommand('tip subscribe 25:00', 'CTIPS02')).toContain('"25:00" is not a time of day');
    expect(await tipCommand('tip subscribe tz=Mars/Olympus', 'CTIPS02')).toContain(
      '"Mars/Olympus" is not a time zone',
    );
  });

  it('unsubscribes', async () => {
    await tipCommand('tip subscribe 09:00', 'CTIPS03');
    expect(await tipCommand('tip unsubscribe', 'CTIPS03')).toContain('No more Docker tips');
    expect(await tipCommand('tip status', 'CTIPS03')).toContain('no tip of the day');
  });

  it('shows channels configured with TIP_CHANNELS', async () => {
    const status = await tipCommand('tip status', 'CCONF01');
    expect(status).toContain('10:30 (Asia/Tokyo)');
    expect(status).toContain('TIP_CHANNELS');
  });
});
