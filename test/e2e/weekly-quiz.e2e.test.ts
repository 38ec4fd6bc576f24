import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuizChoice } from '../../src/answers/button-values.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/paths.js';
import { weeklyQuizSlotKey, weeklyQuizSummaryKey } from '../../src/tips/weekly-quiz.js';
import { startBot, type RunningBot } from './harness.js';
import { blockActionPayload, payloadBody, sendSigned, slashCommandBody } from '../support/signed.js';
import { StandInSlack } from '../support/stand-in-slack.js';
import { dropTestDatabase } from '../support/drop-database.js';

/**
 * The weekly channel quiz through Slack, on two replicas sharing one database (PostgreSQL when
 * TEST_DATABASE_URL names a server, else one SQLite file): both tick at the same instants of the
 * scheduling clock, and the quiz and its summary line are posted once between them.
 */
const FORM = 'application/x-www-form-urlencoded';
const CHANNEL = 'CWEEKLY1';
const kb = loadKnowledge(DEFAULT_KNOWLEDGE_DIR);
const adminUrl = process.env.TEST_DATABASE_URL?.trim();
const database = `bot_weekly_${randomUUID().replaceAll('-', '')}`;
const admin = adminUrl ? new pg.Pool({ connectionString: adminUrl, max: 1 }) : undefined;

let slack: StandInSlack;
let replicas: [RunningBot, RunningBot];
let replies = 0;

beforeAll(async () => {
  let dbUrl = join(mkdtempSync(join(tmpdir(), 'weekly-quiz-e2e-')), 'bot.sqlite');
  if (adminUrl && admin) {
    await admin.query(`CREATE DATABASE ${database}`);
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    dbUrl = url.href;
  }
  slack = await new StandInSlack().start();
  replicas = [await startBot(slack.url, dbUrl), await startBot(slack.url, dbUrl)];
}, 60_000);

afterAll(async () => {
  await Promise.all((replicas ?? []).map((replica) => replica.stop()));
  await slack.stop();
  if (admin) {
    await dropTestDatabase(admin, database);
    await admin.end();
  }
});

/** Sets both replicas' scheduling clocks and ticks both at once; the slot keys they posted, together. */
async function tickBoth(now: Date): Promise<string[]> {
  for (const replica of replicas) replica.scheduleClock.now = now;
  const posted = await Promise.all(replicas.map((replica) => replica.running.tips.tick()));
  return posted.flat();
}

/** A button click in the channel, as `user`, sent to one replica; its private reply through response_url. */
async function click(replica: RunningBot, button: { action_id: string; value: string }, user: string) {
  const id = `weekly-${++replies}`;
  const payload = blockActionPayload({
    actionId: button.action_id,
    value: button.value,
    responseUrl: slack.responseUrl(id),
    user,
    ephemeral: false,
  });
  Object.assign(payload, { channel: { id: CHANNEL, name: 'docker-study' } });
  Object.assign(payload.container, { channel_id: CHANNEL });
  const res = await sendSigned(`${replica.url}/slack/events`, payloadBody(payload), FORM);
  expect(res.status).toBe(200);
  const reply = await slack.waitFor(`the reply to ${user}'s click`, () =>
    slack.responses().find((r) => r.method === `/response/${id}`),
  );
  return reply.body;
}

describe('The weekly channel quiz on two replicas sharing one database', () => {
  it('is posted once, answered privately per person, and summed up once the next day', async () => {
    // Subscribed through one replica, with the scheduling clock on a Tuesday evening in Tokyo.
    replicas[0].scheduleClock.now = new Date('2026-12-08T12:00:00Z');
    await sendSigned(
      `${replicas[0].url}/slack/events`,
      slashCommandBody({
        text: 'quiz subscribe 水曜 09:30 en tz=Asia/Tokyo',
        channel_id: CHANNEL,
        user_id: 'U0OWNER',
        response_url: slack.responseUrl('subscribed'),
      }),
      FORM,
    );
    const subscribed = await slack.waitFor('the subscription reply', () =>
      slack.responses().find((r) => r.method === '/response/subscribed'),
    );
    expect(String(subscribed.body.text)).toContain('毎週水曜日 09:30 (Asia/Tokyo)');

    // Wednesday 9 December 2026, 09:29 and then 09:30 in Tokyo.
    expect(await tickBoth(new Date('2026-12-09T00:29:00Z'))).toEqual([]);
    expect(await tickBoth(new Date('2026-12-09T00:30:00Z'))).toEqual([weeklyQuizSlotKey(CHANNEL)]);
    expect(await tickBoth(new Date('2026-12-09T00:31:00Z'))).toEqual([]);
    const posts = slack.api('chat.postMessage').filter((call) => call.body.channel === CHANNEL);
    expect(posts).toHaveLength(1);
    const post = posts[0]?.body ?? {};
    expect(String(post.text)).toContain('Weekly Docker quiz');
    const blocks = post.blocks as { type: string; elements?: { action_id: string; value: string }[] }[];
    const buttons = blocks.flatMap((block) => (block.type === 'actions' ? (block.elements ?? []) : []));
    const ref = parseQuizChoice(buttons[0]?.value ?? '');
    const answer = kb.byId.get(ref?.topic ?? '')?.quiz[ref?.item ?? -1]?.answer;
    const right = buttons.find((b) => parseQuizChoice(b.value)?.choice === answer);
    const wrong = buttons.find((b) => parseQuizChoice(b.value)?.choice !== answer);
    if (!right || !wrong) throw new Error('the post has no right and wrong choices');

    // Each click answers only the clicker, whichever replica receives it; a double click counts once.
    const first = await click(replicas[1], right, 'U0ALICE');
    expect(first).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(first.text)).toContain('✅ Right!');
    expect(JSON.stringify(first.blocks)).toContain('https://docs.docker.com/');
    expect(String((await click(replicas[0], wrong, 'U0BOB')).text)).toContain('Not quite');
    expect(String((await click(replicas[0], wrong, 'U0ALICE')).text)).toContain('already answered');
    expect(slack.api('chat.postMessage').filter((call) => call.body.channel === CHANNEL)).toHaveLength(1);

    // The next local day, from the same time: one line in the post's thread, from one replica.
    expect(await tickBoth(new Date('2026-12-10T00:29:00Z'))).toEqual([]);
    expect(await tickBoth(new Date('2026-12-10T00:30:00Z'))).toEqual([weeklyQuizSummaryKey(CHANNEL)]);
    expect(await tickBoth(new Date('2026-12-10T01:30:00Z'))).toEqual([]);
    const lines = slack
      .api('chat.postMessage')
      .filter((call) => call.body.channel === CHANNEL && call.body.thread_ts !== undefined);
    expect(lines.map((call) => call.body)).toEqual([
      expect.objectContaining({
        thread_ts: expect.any(String),
        text: "Yesterday's quiz: 2 answered, 1 right.",
      }),
    ]);
    expect(String(lines[0]?.body.text)).not.toMatch(/U0ALICE|U0BOB/);
  });
});
