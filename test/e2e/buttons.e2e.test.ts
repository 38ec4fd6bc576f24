/**
 * Buttons and stored text as an attacker or an over-eager clicker would use them, against the real HTTP
 * receiver and a stand-in Slack: one vote per person per answer, feedback only for what the bot knows,
 * stored questions capped, nothing shown back as live markup (text included), and a Share button that
 * posts only what the clicker's own answer said.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { answerButtons } from '../../src/answers/button-values.js';
import {
  blockActionPayload,
  eventBody,
  payloadBody,
  sendSigned,
  slashCommandBody,
} from '../support/signed.js';
import { StandInSlack, type RecordedCall } from '../support/stand-in-slack.js';
import { BOT_TOKEN, startBot, type RunningBot } from './harness.js';

const FORM = 'application/x-www-form-urlencoded';
const ADMIN = 'U0ADMIN';
const HOSTILE = ['<!channel>', '<@U123>', '<!subteam^S1>', '<https://evil.example|docs.docker.com>'];

let slack: StandInSlack;
let bot: RunningBot;

beforeAll(async () => {
  slack = await new StandInSlack().start();
  bot = await startBot(slack.url);
  bot.deps.adminUserIds = [ADMIN];
});

afterAll(async () => {
  await bot.stop();
  await slack.stop();
});

beforeEach(() => slack.reset());

let requests = 0;

/** `/docker <text>`: the reply in the acknowledgement, or the response_url post that follows it. */
async function docker(text: string, user = 'U0001'): Promise<Record<string, unknown>> {
  const id = `cmd${++requests}`;
  const body = slashCommandBody({ text, user_id: user, response_url: slack.responseUrl(id) });
  const ack = await sendSigned(`${bot.url}/slack/events`, body, FORM);
  expect(ack.status).toBe(200);
  if (ack.text !== '') return JSON.parse(ack.text) as Record<string, unknown>;
  const reply = await slack.waitFor(`the reply to "${text}"`, () =>
    slack.responses().find((r) => r.method === `/response/${id}`),
  );
  return reply.body;
}

/** Clicks a button as `user`; resolves with the response_url id the bot would answer on. */
async function click(actionId: string, value: string, user: string): Promise<string> {
  const id = `click${++requests}`;
  const payload = blockActionPayload({ actionId, value, user, responseUrl: slack.responseUrl(id) });
  const res = await sendSigned(`${bot.url}/slack/events`, payloadBody(payload), FORM);
  expect(res.status).toBe(200);
  return id;
}

function buttonValue(reply: Record<string, unknown>, actionId: string): string {
  const match = new RegExp(`"action_id":"${actionId}","value":("(?:[^"\\\\]|\\\\.)*")`).exec(
    JSON.stringify(reply.blocks),
  );
  if (!match?.[1]) throw new Error(`no ${actionId} button in ${JSON.stringify(reply.blocks)}`);
  return JSON.parse(match[1]) as string;
}

function rows(sql: string): Record<string, unknown>[] {
  const db = new Database(bot.dbPath, { readonly: true });
  try {
    return db.prepare(sql).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

function expectInert(body: Record<string, unknown>): void {
  for (const shown of [String(body.text), JSON.stringify(body.blocks ?? [])]) {
    for (const raw of HOSTILE) expect(shown).not.toContain(raw);
  }
}

const posted = (id: string) => (call: RecordedCall) => call.method === `/response/${id}`;

describe('Feedback', () => {
  it('counts 100 clicks on 👎 by one person as one vote, and the last click decides it', async () => {
    const answer = await docker('how do I keep data with volumes', 'U0100');
    const notHelpful = buttonValue(answer, 'feedback_not_helpful');
    const clicks: string[] = [];
    for (let i = 0; i < 100; i++) clicks.push(await click('feedback_not_helpful', notHelpful, 'U0100'));
    await slack.waitFor('100 thanks', () => slack.responses().length >= 100, 30_000);

    expect(rows("SELECT topic, helpful FROM feedback WHERE user_id = 'U0100'")).toEqual([
      { topic: 'volumes', helpful: 0 },
    ]);
    const report = String((await docker('admin report', ADMIN)).text);
    expect(report).toMatch(/1× volumes/);
    expect(report).not.toMatch(/\d{2,}× volumes/);

    const thanks = await click('feedback_helpful', buttonValue(answer, 'feedback_helpful'), 'U0100');
    await slack.waitFor('the thanks', () => slack.responses().find(posted(thanks)));
    expect(rows("SELECT topic, helpful FROM feedback WHERE user_id = 'U0100'")).toEqual([
      { topic: 'volumes', helpful: 1 },
    ]);
  }, 60_000);

  it('stores nothing for a topic the bot does not know, even in a correctly signed value', async () => {
    const value = answerButtons(BOT_TOKEN).value({
      topic: 'no-such-topic',
      lang: 'en',
      question: 'x'.repeat(1500),
      forUser: null,
    });
    await click('feedback_not_helpful', value, 'U0101');
    await slack.waitFor('the log line', () =>
      bot.logs.some((l) => l.includes('feedback for an unknown topic')),
    );

    expect(rows("SELECT * FROM feedback WHERE user_id = 'U0101'")).toEqual([]);
  });
});

describe('Stored questions', () => {
  it('keep at most 2,000 characters of a 30,000-character question', async () => {
    const dm = eventBody({
      type: 'message',
      channel_type: 'im',
      user: 'U0102',
      text: 'q'.repeat(30_000),
      ts: '1700002000.1',
      channel: 'D0102',
    });
    await sendSigned(`${bot.url}/slack/events`, dm, 'application/json');
    const stored = await slack.waitFor(
      'the stored question',
      () => rows("SELECT question FROM questions WHERE user_id = 'U0102'")[0],
    );
    expect(stored.question).toBe(`${'q'.repeat(1999)}…`);
  });
});

describe('Text shown back', () => {
  it('is escaped in the text as well as the blocks of the reply to a hostile tip subscription', async () => {
    const reply = await docker(`tip subscribe ${HOSTILE[0]} ${HOSTILE[3]}`);
    expect(String(reply.text)).toContain('&lt;');
    expectInert(reply);
  });

  it('is escaped in the text as well as the blocks of the admin report', async () => {
    await sendSigned(
      `${bot.url}/slack/events`,
      eventBody({
        type: 'message',
        channel_type: 'im',
        user: 'U0103',
        text: `lunch menu zorblax quibbit wumpus frobozz ${HOSTILE.join(' ')}`,
        ts: '1700002100.1',
        channel: 'D0103',
      }),
      'application/json',
    );
    await slack.waitFor(
      'the stored question',
      () => rows("SELECT * FROM questions WHERE user_id = 'U0103'")[0],
    );
    const report = await docker('admin report', ADMIN);
    // Unknown words keep it unanswered although the link label names docker: it is listed in the report.
    expect(String(report.text)).toContain('lunch menu zorblax quibbit wumpus frobozz &lt;!channel&gt;');
    expectInert(report);
  });
});

describe('Share in channel', () => {
  it("posts the clicker's own answer, and refuses someone else's button and a forged one", async () => {
    const answer = await docker('what is a docker volume', 'U0001');
    const share = buttonValue(answer, 'share_answer');

    const stolen = await click('share_answer', share, 'U0002');
    const forged = await click(
      'share_answer',
      JSON.stringify({ t: 'volumes', l: 'en', q: 'please post your password here', u: 'U0003' }),
      'U0003',
    );
    await slack.waitFor(
      'both refusals logged',
      () =>
        bot.logs.some((l) => l.includes('share button made for someone else')) &&
        bot.logs.some((l) => l.includes('share button with an unreadable value')),
    );
    const own = await click('share_answer', share, 'U0001');
    const shared = await slack.waitFor('the shared answer', () => slack.responses().find(posted(own)));

    expect(shared.body.response_type).toBe('in_channel');
    expect(String(shared.body.text)).toContain('<@U0001>');
    expect(String(shared.body.text)).toContain('what is a docker volume');
    expect(slack.responses().filter(posted(stolen))).toEqual([]);
    expect(slack.responses().filter(posted(forged))).toEqual([]);
    expect(slack.responses().some((r) => JSON.stringify(r.body).includes('password'))).toBe(false);
  });
});
