import type { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { createAnswerService } from '../../src/answers/answer-service.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { createLogger } from '../../src/logger.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/paths.js';
import type { Store, TipSubscription } from '../../src/store/store.js';
import { createTipScheduler } from '../../src/tips/scheduler.js';
import { platformError } from '../fakes/slack-client.js';
import { sqliteFiles } from '../support/sqlite-files.js';

const answers = createAnswerService(loadKnowledge(DEFAULT_KNOWLEDGE_DIR));
const { tempDb, open } = sqliteFiles('tips');

interface Post {
  channel: string;
  text?: string;
}

/** A Web API client that records posts and can fail some channels with a Slack error code. */
function fakeClient(posts: Post[], failing: Record<string, string> = {}) {
  return {
    chat: {
      postMessage: async (args: Post) => {
        const code = failing[args.channel];
        if (code) throw platformError(code);
        posts.push(args);
        return { ok: true };
      },
    },
  } as unknown as WebClient;
}

function subscription(overrides: Partial<TipSubscription> = {}): TipSubscription {
  return {
    channel: 'C0001',
    time: '09:00',
    days: 'daily',
    lang: 'en',
    timeZone: 'Asia/Tokyo',
    subscriber: 'U0001',
    source: 'slack',
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

describe('The tip scheduler', () => {
  it("posts at the channel's local time, once that day", async () => {
    const store = open(tempDb());
    await store.saveTipSubscription(subscription());
    const clock = { now: new Date('2026-12-01T23:59:00Z') }; // 08:59 in Tokyo
    const posts: Post[] = [];
    const tips = scheduler(store, clock, posts);
    expect(await tips.tick()).toEqual([]);
    clock.now = new Date('2026-12-02T00:00:00Z'); // 09:00
    expect(await tips.tick()).toEqual(['C0001']);
    clock.now = new Date('2026-12-02T00:05:00Z');
    expect(await tips.tick()).toEqual([]);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.text).toMatch(/^Docker tip: /);
  });

  it('skips weekends for a weekdays schedule', async () => {
    const store = open(tempDb());
    await store.saveTipSubscription(subscription({ days: 'weekdays' }));
    const posts: Post[] = [];
    const clock = { now: new Date('2026-11-28T00:30:00Z') }; // Saturday 09:30 in Tokyo
    expect(await scheduler(store, clock, posts).tick()).toEqual([]);
    clock.now = new Date('2026-11-30T00:30:00Z'); // Monday
    expect(await scheduler(store, clock, posts).tick()).toEqual(['C0001']);
  });

  it('shows every tip once before any repeats', async () => {
    const store = open(tempDb());
    await store.saveTipSubscription(subscription());
    const posts: Post[] = [];
    const topicCount = answers.current().kb.topics.length;
    for (let day = 0; day < topicCount + 1; day++) {
      const clock = { now: new Date(Date.UTC(2027, 0, 1 + day, 0, 1)) };
      expect(await scheduler(store, clock, posts).tick()).toEqual(['C0001']);
    }
    const firstCycle = posts.slice(0, topicCount).map((post) => post.text);
    expect(new Set(firstCycle).size).toBe(topicCount);
    expect(firstCycle).toContain(posts[topicCount]?.text);
  });

  it('posts once per channel and day when two processes share one SQLite file', async () => {
    const path = tempDb();
    const first = open(path);
    const second = open(path);
    await first.saveTipSubscription(subscription());
    await first.saveTipSubscription(subscription({ channel: 'C0002' }));
    const clock = { now: new Date('2026-12-02T00:00:30Z') };
    const posts: Post[] = [];
    const results = await Promise.all([
      scheduler(first, clock, posts).tick(),
      scheduler(second, clock, posts).tick(),
    ]);
    expect(results.flat().sort()).toEqual(['C0001', 'C0002']);
    expect(posts.map((post) => post.channel).sort()).toEqual(['C0001', 'C0002']);
  });

  it('does not post again after a restart the same day', async () => {
    const path = tempDb();
    const posts: Post[] = [];
    const clock = { now: new Date('2026-12-02T00:10:00Z') };
    const before = open(path);
    await before.saveTipSubscription(subscription());
    expect(await scheduler(before, clock, posts).tick()).toEqual(['C0001']);
    await before.close();
    clock.now = new Date('2026-12-02T01:00:00Z');
    expect(await scheduler(open(path), clock, posts).tick()).toEqual([]);
    expect(posts).toHaveLength(1);
  });

  it('catches up a tip that fell due less than 3 hours ago, and skips older ones', async () => {
    const store = open(tempDb());
    await store.saveTipSubscription(subscription({ channel: 'CLATE', time: '07:00' })); // due 4 h ago
    await store.saveTipSubscription(subscription({ channel: 'CSOON', time: '09:30' })); // due 1.5 h ago
    const posts: Post[] = [];
    const clock = { now: new Date('2026-12-02T02:00:00Z') }; // 11:00 in Tokyo, just started
    expect(await scheduler(store, clock, posts).tick()).toEqual(['CSOON']);
  });

  it('pauses a channel it cannot post to and tells the subscriber by DM', async () => {
    const store = open(tempDb());
    await store.saveTipSubscription(subscription({ channel: 'CGONE', subscriber: 'U0042' }));
    const posts: Post[] = [];
    const clock = { now: new Date('2026-12-02T00:00:00Z') };
    expect(await scheduler(store, clock, posts, { CGONE: 'not_in_channel' }).tick()).toEqual([]);
    expect((await store.getTipSubscription('CGONE'))?.pausedReason).toBe('not_in_channel');
    expect(posts).toEqual([
      expect.objectContaining({ channel: 'U0042', text: expect.stringContaining('not_in_channel') }),
    ]);
    clock.now = new Date('2026-12-03T00:00:00Z');
    expect(await scheduler(store, clock, posts).tick()).toEqual([]);
    expect(posts).toHaveLength(1);
  });

  it('posts once, at 09:00 local, on the day New York springs forward', async () => {
    const store = open(tempDb());
    await store.saveTipSubscription(subscription({ timeZone: 'America/New_York' }));
    const posts: { at: string }[] = [];
    const clock = { now: new Date('2026-03-08T05:00:00Z') }; // midnight EST
    const tips = createTipScheduler({
      store,
      client: {
        chat: { postMessage: async () => posts.push({ at: clock.now.toISOString() }) },
      } as unknown as WebClient,
      answers,
      logger: createLogger('error', () => {}),
      scheduleClock: () => clock.now,
    });
    for (let minute = 0; minute < 24 * 60; minute += 5) {
      clock.now = new Date(Date.parse('2026-03-08T05:00:00Z') + minute * 60_000);
      await tips.tick();
    }
    expect(posts).toEqual([{ at: '2026-03-08T13:00:00.000Z' }]);
  });

  it('posts once on the day New York falls back, when 01:30 happens twice', async () => {
    const store = open(tempDb());
    await store.saveTipSubscription(subscription({ timeZone: 'America/New_York', time: '01:30' }));
    const posts: Post[] = [];
    for (let minute = 0; minute < 6 * 60; minute += 5) {
      const clock = { now: new Date(Date.parse('2026-11-01T04:00:00Z') + minute * 60_000) };
      await scheduler(store, clock, posts).tick();
    }
    expect(posts).toHaveLength(1);
  });
});
