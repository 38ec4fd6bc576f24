import type { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { createAnswerService } from '../../src/answers/answer-service.js';
import { parseQuizChoice } from '../../src/answers/button-values.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { createLogger } from '../../src/logger.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/paths.js';
import type { QuizSubscription, Store } from '../../src/store/store.js';
import { createTipScheduler } from '../../src/tips/scheduler.js';
import { weeklyQuizSlotKey, weeklyQuizSummaryKey } from '../../src/tips/weekly-quiz.js';
import { platformError } from '../fakes/slack-client.js';
import { sqliteFiles } from '../support/sqlite-files.js';

const answers = createAnswerService(loadKnowledge(DEFAULT_KNOWLEDGE_DIR));
const { tempDb, open } = sqliteFiles('weekly-quiz');

interface Post {
  channel: string;
  text?: string;
  thread_ts?: string;
  blocks?: { type: string; elements?: { value?: string }[] }[];
}

/** Records posts (each gets a ts of its own) and fails some channels with a Slack error code. */
function fakeClient(posts: Post[], failing: Record<string, string> = {}) {
  return {
    chat: {
      postMessage: async (args: Post) => {
        const code = failing[args.channel];
        if (code) throw platformError(code);
        posts.push(args);
        return { ok: true, ts: `1700000000.${String(posts.length).padStart(6, '0')}` };
      },
    },
  } as unknown as WebClient;
}

function subscription(overrides: Partial<QuizSubscription> = {}): QuizSubscription {
  return {
    channel: 'C0001',
    weekday: 1,
    time: '10:00',
    lang: 'en',
    timeZone: 'Asia/Tokyo',
    subscriber: 'U0001',
    pausedReason: null,
    ...overrides,
  };
}

function scheduler(store: Store, clock: { now: Date }, posts: Post[], failing: Record<string, string> = {}) {
  return createTipScheduler({
    store,
    client: fakeClient(posts, failing),
    answers,
    logger: createLogger('error', () => {}),
    scheduleClock: () => clock.now,
  });
}

/** The quiz item a posted weekly quiz asks, read back from its first choice button. */
function askedItem(post: Post | undefined): string {
  const buttons = post?.blocks?.find((block) => block.type === 'actions')?.elements ?? [];
  const ref = parseQuizChoice(buttons[0]?.value ?? '');
  return ref ? `${ref.topic}#${ref.item}` : '';
}

const POST = weeklyQuizSlotKey('C0001');
const SUMMARY = weeklyQuizSummaryKey('C0001');
// Monday 7 December 2026, 10:00 in Tokyo; the scheduling clock is passed in, whatever today is.
const MONDAY_10_TOKYO = new Date('2026-12-07T01:00:00Z');
const at = (offsetMinutes: number) => new Date(MONDAY_10_TOKYO.getTime() + offsetMinutes * 60_000);
const DAY = 24 * 60;

describe('The weekly quiz, driven by the tip scheduler', () => {
  it("posts at the channel's weekday and local time, once, and not again after a restart", async () => {
    const path = tempDb();
    const posts: Post[] = [];
    const before = open(path);
    await before.saveQuizSubscription(subscription());
    const clock = { now: at(-1) };
    expect(await scheduler(before, clock, posts).tick()).toEqual([]);
    clock.now = at(0);
    expect(await scheduler(before, clock, posts).tick()).toEqual([POST]);
    clock.now = at(5);
    expect(await scheduler(before, clock, posts).tick()).toEqual([]);
    await before.close();

    clock.now = at(30);
    expect(await scheduler(open(path), clock, posts).tick()).toEqual([]);
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ channel: 'C0001', text: expect.stringContaining('Weekly Docker quiz') });
    const stored = await open(path).listQuizPosts('C0001');
    expect(stored).toEqual([
      expect.objectContaining({ localDate: '2026-12-07', ts: '1700000000.000001', lang: 'en' }),
    ]);
  });

  it('posts nothing on the other days of the week', async () => {
    const store = open(tempDb());
    await store.saveQuizSubscription(subscription());
    const posts: Post[] = [];
    for (let day = 1; day < 7; day++) {
      expect(await scheduler(store, { now: at(day * DAY) }, posts).tick()).not.toContain(POST);
    }
    expect(posts.filter((post) => post.thread_ts === undefined)).toHaveLength(0);
  });

  it('asks a question the channel has not had yet, week after week', async () => {
    const store = open(tempDb());
    await store.saveQuizSubscription(subscription());
    const posts: Post[] = [];
    for (let week = 0; week < 6; week++) {
      expect(await scheduler(store, { now: at(week * 7 * DAY) }, posts).tick()).toContain(POST);
    }
    const asked = posts.filter((post) => post.thread_ts === undefined).map(askedItem);
    expect(asked).toHaveLength(6);
    expect(new Set(asked).size).toBe(6);
    expect(asked.every((item) => /^[a-z0-9-]+#\d+$/.test(item))).toBe(true);
  });

  it('adds one line in the thread the next day: how many answered and how many were right', async () => {
    const path = tempDb();
    const store = open(path);
    await store.saveQuizSubscription(subscription());
    const posts: Post[] = [];
    const clock = { now: at(0) };
    await scheduler(store, clock, posts).tick();
    const answer = { channel: 'C0001', localDate: '2026-12-07', at: at(10) };
    await store.answerQuizPost({ ...answer, userId: 'U1', correct: true });
    await store.answerQuizPost({ ...answer, userId: 'U2', correct: false });
    await store.answerQuizPost({ ...answer, userId: 'U3', correct: true });

    clock.now = at(DAY - 1);
    expect(await scheduler(store, clock, posts).tick()).toEqual([]);
    clock.now = at(DAY);
    const tips = scheduler(store, clock, posts);
    expect(await tips.tick()).toEqual([SUMMARY]);
    clock.now = at(DAY + 1);
    expect(await tips.tick()).toEqual([]);
    // After a restart, a second process on the same database: still one line.
    expect(await scheduler(open(path), clock, posts).tick()).toEqual([]);

    const lines = posts.filter((post) => post.thread_ts !== undefined);
    expect(lines).toEqual([
      { channel: 'C0001', thread_ts: '1700000000.000001', text: "Yesterday's quiz: 3 answered, 2 right." },
    ]);
    expect(lines[0]?.text).not.toMatch(/U1|U2|U3/);
  });

  it('says kindly that nobody answered, in both languages for a bilingual quiz', async () => {
    const store = open(tempDb());
    await store.saveQuizSubscription(subscription({ lang: 'both' }));
    const posts: Post[] = [];
    await scheduler(store, { now: at(0) }, posts).tick();
    expect(posts[0]?.text).toContain('今週の Docker クイズ');
    expect(await scheduler(store, { now: at(DAY + 60) }, posts).tick()).toEqual([SUMMARY]);
    expect(posts[1]?.text).toBe(
      "Yesterday's quiz: nobody answered yet. The buttons still work. / 昨日のクイズ: まだ回答がありません。ボタンはまだ使えます。",
    );
  });

  it('pauses a channel it cannot post to and tells the subscriber by DM', async () => {
    const store = open(tempDb());
    await store.saveQuizSubscription(subscription({ channel: 'CGONE', subscriber: 'U0042' }));
    const posts: Post[] = [];
    const failing = { CGONE: 'is_archived' };
    expect(await scheduler(store, { now: at(0) }, posts, failing).tick()).toEqual([]);
    expect((await store.getQuizSubscription('CGONE'))?.pausedReason).toBe('is_archived');
    expect(posts).toEqual([
      {
        channel: 'U0042',
        text: expect.stringMatching(/weekly Docker quiz for <#CGONE>.*is_archived.*\/docker quiz subscribe/),
      },
    ]);
    expect(await scheduler(store, { now: at(7 * DAY) }, posts).tick()).toEqual([]);
    expect(posts).toHaveLength(1);
  });

  it('pauses when the summary line cannot be posted either (the channel was archived in between)', async () => {
    const store = open(tempDb());
    await store.saveQuizSubscription(subscription({ subscriber: 'U0042' }));
    const posts: Post[] = [];
    await scheduler(store, { now: at(0) }, posts).tick();
    const failing = { C0001: 'is_archived' };
    expect(await scheduler(store, { now: at(DAY) }, posts, failing).tick()).toEqual([]);
    expect((await store.getQuizSubscription('C0001'))?.pausedReason).toBe('is_archived');
    expect(posts.map((post) => post.channel)).toEqual(['C0001', 'U0042']);
    // Paused: nothing more is posted until someone subscribes the channel again.
    expect(await scheduler(store, { now: at(DAY + 5) }, posts).tick()).toEqual([]);
  });

  it('keeps the tip of the day and the weekly quiz of one channel apart', async () => {
    const store = open(tempDb());
    await store.saveQuizSubscription(subscription({ time: '09:00' }));
    await store.saveTipSubscription({
      channel: 'C0001',
      time: '09:00',
      days: 'daily',
      lang: 'en',
      timeZone: 'Asia/Tokyo',
      subscriber: 'U0001',
      source: 'slack',
      pausedReason: null,
    });
    const posts: Post[] = [];
    expect(await scheduler(store, { now: at(-60) }, posts).tick()).toEqual(['C0001', POST]);
    expect(posts[0]?.text).toMatch(/^Docker tip: /);
    expect(posts[1]?.text).toMatch(/^Weekly Docker quiz: /);
  });
});
