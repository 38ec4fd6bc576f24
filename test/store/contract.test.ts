/**
 * What every Store promises, run against each implementation: the in-memory store the unit tests use and
 * SQLite always, PostgreSQL when TEST_DATABASE_URL names a server (`eval "$(bash .ci/postgres.sh)"` starts
 * one). Each test gets an empty database of its own, and opening it twice stands for two processes or
 * replicas sharing it. The SQL stores are also checked table by table, bypassing the store.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TIME_LIMITS } from '../../src/limits.js';
import { openStore, StoreError } from '../../src/store/index.js';
import type {
  FeedbackRecord,
  HelpRequest,
  QuestionRecord,
  NewDraftTopic,
  NewLearnedPhrasing,
  QuizQuestion,
  Store,
  SuggestionClick,
  TipSubscription,
  QuizSubscription,
  QuizPost,
} from '../../src/store/store.js';
import { weeklyQuizSlotKey, weeklyQuizSummaryKey } from '../../src/tips/weekly-quiz.js';
import { createMemoryDatabase, createMemoryStore } from '../fakes/memory-store.js';
import { dropTestDatabase } from '../support/drop-database.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const NOW = new Date('2025-06-01T12:00:00Z');
const LATER = new Date(NOW.getTime() + 60_000);

function question(overrides: Partial<QuestionRecord> = {}): QuestionRecord {
  return {
    question: 'How do I list containers?',
    topic: 'container',
    answered: true,
    score: 0.82,
    lang: 'en',
    userId: 'U123',
    surface: 'command',
    at: NOW,
    ...overrides,
  };
}

function feedback(overrides: Partial<FeedbackRecord> = {}): FeedbackRecord {
  return {
    question: 'How do I list containers?',
    topic: 'container',
    channel: 'C100',
    userId: 'U123',
    helpful: true,
    at: NOW,
    ...overrides,
  };
}

function helpRequest(overrides: Partial<HelpRequest> = {}): HelpRequest {
  return {
    id: 'help-1',
    asker: 'U123',
    anonymous: false,
    question: 'Why does my container exit at once?',
    lang: 'en',
    askedIn: { channel: 'C100', threadTs: '1700000000.000100' },
    helpChannel: 'C900',
    helpTs: '1700000001.000200',
    createdAt: NOW,
    notifiedAt: null,
    ...overrides,
  };
}

function quizSubscription(overrides: Partial<QuizSubscription> = {}): QuizSubscription {
  return {
    channel: 'C100',
    weekday: 1,
    time: '10:00',
    lang: 'both',
    timeZone: 'Asia/Tokyo',
    subscriber: 'U123',
    pausedReason: null,
    ...overrides,
  };
}

function quizPost(overrides: Partial<QuizPost> = {}): QuizPost {
  return {
    channel: 'C100',
    localDate: '2025-06-02',
    topic: 'container',
    item: 1,
    lang: 'both',
    ts: null,
    postedAt: NOW,
    ...overrides,
  };
}

function subscription(overrides: Partial<TipSubscription> = {}): TipSubscription {
  return {
    channel: 'C100',
    time: '09:30',
    days: 'weekdays',
    lang: 'both',
    timeZone: 'Asia/Tokyo',
    subscriber: 'U123',
    source: 'slack',
    pausedReason: null,
    ...overrides,
  };
}

function shown(overrides: Partial<QuizQuestion> = {}): QuizQuestion {
  return { id: 'q-1', userId: 'U123', topic: 'container', item: 0, shownAt: NOW, ...overrides };
}

/** One empty database for one test. */
interface TestDatabase {
  /** A store on this database; each call is another process (or replica) sharing it. */
  open(): Promise<Store>;
  /** The database as any other client sees it, bypassing the store; undefined for the in-memory store. */
  sql?: SqlAccess;
}

interface SqlAccess {
  /** Rows as any other client reads them (PostgreSQL's BIGINT as numbers). */
  rows<T>(sql: string): Promise<T[]>;
  /** Runs SQL that both databases accept, bypassing the store. */
  run(sql: string): Promise<void>;
  tables(): Promise<string[]>;
}

interface Backend {
  /** Called once per test file, before its first test. */
  setUp(): Promise<void>;
  createDatabase(): Promise<TestDatabase>;
  tearDown(): Promise<void>;
}

/** Stores opened on one memory database share its collections, as processes share a database file. */
const memory: Backend = {
  async setUp() {},
  async tearDown() {},
  async createDatabase() {
    const database = createMemoryDatabase();
    return { open: async () => createMemoryStore(database) };
  },
};

const sqlite: Backend = {
  async setUp() {},
  async tearDown() {},
  async createDatabase() {
    const dir = mkdtempSync(join(tmpdir(), 'store-contract-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'bot.sqlite');
    const withDb = <T>(work: (db: Database.Database) => T): T => {
      const db = new Database(path);
      try {
        return work(db);
      } finally {
        db.close();
      }
    };
    return {
      open: () => openStore(`sqlite:${path}`),
      sql: {
        rows: async <T>(sql: string) => withDb((db) => db.prepare<[], T>(sql).all()),
        run: async (sql) => void withDb((db) => db.exec(sql)),
        tables: async () =>
          withDb((db) =>
            db
              .prepare<[], { name: string }>(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
              )
              .all()
              .map((row) => row.name)
              .sort(),
          ),
      },
    };
  },
};

/**
 * One database per test file, created through TEST_DATABASE_URL and dropped at the end, and one schema
 * per test, which the store reaches through the URL's `options=-c search_path=…`.
 */
function postgres(adminUrl: string): Backend {
  const admin = new pg.Pool({ connectionString: adminUrl, max: 1 });
  const database = `bot_test_${randomUUID().replaceAll('-', '')}`;
  let schemas = 0;

  // BIGINT arrives as a string by default; as numbers, rows compare equal to SQLite's.
  const types = new pg.TypeOverrides();
  types.setTypeParser(pg.types.builtins.INT8, Number);

  return {
    async setUp() {
      // An ICU collation unlike SQLite's byte order, as production databases often have, so a query that
      // sorts text without COLLATE "C" shows up here.
      await admin.query(
        `CREATE DATABASE ${database} TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US'`,
      );
    },
    async tearDown() {
      await dropTestDatabase(admin, database);
      await admin.end();
    },
    async createDatabase() {
      const schema = `test_${++schemas}`;
      const url = new URL(adminUrl);
      url.pathname = `/${database}`;
      url.searchParams.set('options', `-c search_path=${schema}`);
      const withClient = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
        const client = new pg.Client({ connectionString: url.href, types });
        await client.connect();
        try {
          return await work(client);
        } finally {
          await client.end();
        }
      };
      await withClient((client) => client.query(`CREATE SCHEMA ${schema}`));
      return {
        open: () => openStore(url.href),
        sql: {
          rows: <T>(sql: string) => withClient(async (client) => (await client.query(sql)).rows as T[]),
          run: (sql) => withClient(async (client) => void (await client.query(sql))),
          tables: () =>
            withClient(async (client) =>
              (
                await client.query<{ name: string }>(
                  'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()',
                )
              ).rows
                .map((row) => row.name)
                .sort(),
            ),
        },
      };
    },
  };
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** `sql`: the backend's databases have `sql` access, and its tables and migrations are checked too. */
function describeStore(
  name: string,
  backend: () => Backend,
  options: { sql: boolean; skip?: boolean },
): void {
  (options.skip ? describe.skip : describe)(`The ${name} store`, () => {
    let current: Backend;
    let db: TestDatabase;

    /** Opens a store on this test's database that is closed after the test, even when it fails. */
    async function open(): Promise<Store> {
      const store = await db.open();
      cleanups.push(() => store.close());
      return store;
    }

    /** This test's database seen with SQL; only the tests of SQL stores call it. */
    function sql(): SqlAccess {
      if (!db.sql) throw new Error(`the ${name} store has no SQL to check`);
      return db.sql;
    }

    beforeAll(async () => {
      current = backend();
      await current.setUp();
    });
    afterAll(async () => {
      await current.tearDown();
    });
    beforeEach(async () => {
      db = await current.createDatabase();
    });

    describe('claiming deliveries', () => {
      it('grants a key once and refuses it afterwards', async () => {
        const store = await open();
        expect(await store.claimDelivery('Ev123', NOW)).toBe(true);
        expect(await store.claimDelivery('Ev123', NOW)).toBe(false);
        expect(await store.claimDelivery('Ev456', NOW)).toBe(true);
      });

      it('refuses in one process a key another process sharing the database has claimed', async () => {
        const first = await open();
        const second = await open();

        expect(await first.claimDelivery('C1:1717243200.000100', NOW)).toBe(true);
        expect(await second.claimDelivery('C1:1717243200.000100', NOW)).toBe(false);
        expect(await second.claimDelivery('interaction-9', NOW)).toBe(true);
        expect(await first.claimDelivery('interaction-9', NOW)).toBe(false);
      });

      it('grants exactly one of many simultaneous claims from two processes', async () => {
        const stores = [await open(), await open()];
        const results = await Promise.all(
          Array.from({ length: 10 }, (_, i) => stores[i % 2]!.claimDelivery('Ev-retried', NOW)),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it('grants a claim never marked delivered again once its lease has run out, to one process', async () => {
        const first = await open();
        const second = await open();
        const leaseEnd = new Date(NOW.getTime() + TIME_LIMITS.deliveryLeaseMs);
        expect(await first.claimDelivery('Ev-killed', NOW)).toBe(true);

        expect(await second.claimDelivery('Ev-killed', new Date(leaseEnd.getTime() - 1))).toBe(false);
        const retries = await Promise.all(
          Array.from({ length: 6 }, (_, i) => [first, second][i % 2]!.claimDelivery('Ev-killed', leaseEnd)),
        );
        expect(retries.filter(Boolean)).toHaveLength(1);
        // The new claim is a lease of its own.
        expect(await first.claimDelivery('Ev-killed', new Date(leaseEnd.getTime() + 1))).toBe(false);
      });

      it('never grants a claim again once it is marked delivered', async () => {
        const first = await open();
        expect(await first.claimDelivery('Ev-posted', NOW)).toBe(true);
        await first.markDelivered('Ev-posted', NOW);

        expect(await (await open()).claimDelivery('Ev-posted', new Date(NOW.getTime() + DAY_MS))).toBe(false);
      });

      it('marks nothing for a key never claimed', async () => {
        const store = await open();
        await store.markDelivered('Ev-unknown', NOW);

        expect(await store.claimDelivery('Ev-unknown', NOW)).toBe(true);
      });

      it('still refuses a claimed key after the store is reopened', async () => {
        const store = await open();
        await store.claimDelivery('Ev123', NOW);
        await store.close();

        expect(await (await open()).claimDelivery('Ev123', NOW)).toBe(false);
      });
    });

    describe.runIf(options.sql)('opening a database', () => {
      it('applies each migration once however often the database is opened', async () => {
        await (await open()).close();
        await (await open()).recordQuestion(question());

        expect(await sql().rows('SELECT version FROM schema_version ORDER BY version')).toEqual([
          { version: 1 },
          { version: 2 },
          { version: 3 },
          { version: 4 },
          { version: 5 },
          { version: 6 },
          { version: 7 },
          { version: 8 },
          { version: 9 },
        ]);
        expect(await sql().tables()).toEqual([
          'deliveries',
          'draft_topics',
          'feedback',
          'help_requests',
          'learned_phrasings',
          'questions',
          'quiz_post_answers',
          'quiz_posts',
          'quiz_questions',
          'quiz_subscriptions',
          'schema_version',
          'settings',
          'study_lessons',
          'suggestion_clicks',
          'tip_rotations',
          'tip_slots',
          'tip_subscriptions',
        ]);
      });

      it('migrates once when several processes start together', async () => {
        const stores = await Promise.all([open(), open(), open()]);

        expect(await sql().rows('SELECT version FROM schema_version ORDER BY version')).toEqual([
          { version: 1 },
          { version: 2 },
          { version: 3 },
          { version: 4 },
          { version: 5 },
          { version: 6 },
          { version: 7 },
          { version: 8 },
          { version: 9 },
        ]);
        expect(await stores[2]!.claimDelivery('Ev1', NOW)).toBe(true);
      });

      it('upgrades version 2 feedback to one vote per user per answer, and cuts long questions', async () => {
        await (await open()).close();
        // Back to version 2's schema, with the rows an older bot could store.
        await sql().run('DROP INDEX feedback_one_vote');
        await sql().run('ALTER TABLE feedback DROP COLUMN channel');
        await sql().run('DELETE FROM schema_version WHERE version = 3');
        const long = 'x'.repeat(5000);
        await sql().run(
          `INSERT INTO feedback (question, topic, user_id, helpful, at) VALUES
             ('q', 'volumes', 'U1', 0, 1), ('q', 'volumes', 'U1', 0, 2), ('q', 'volumes', 'U1', 1, 3),
             ('q', 'volumes', 'U2', 0, 4), ('${long}', 'volumes', 'U1', 0, 5)`,
        );
        await sql().run(
          `INSERT INTO questions (question, topic, answered, score, lang, user_id, surface, at)
           VALUES ('${long}', NULL, 0, 0, 'en', 'U1', 'command', 1)`,
        );

        const store = await open();

        const capped = `${'x'.repeat(1999)}…`;
        expect(await store.listFeedback(new Date(0))).toEqual([
          { question: 'q', topic: 'volumes', channel: '', userId: 'U1', helpful: true, at: new Date(3) },
          { question: 'q', topic: 'volumes', channel: '', userId: 'U2', helpful: false, at: new Date(4) },
          { question: capped, topic: 'volumes', channel: '', userId: 'U1', helpful: false, at: new Date(5) },
        ]);
        expect((await store.listQuestions(new Date(0))).map((q) => q.question)).toEqual([capped]);
        await store.recordFeedback(feedback({ question: 'q', topic: 'volumes', channel: '', userId: 'U1' }));
        expect(await store.listFeedback(new Date(0))).toHaveLength(3);
      });

      it('counts the claims made before version 4 as delivered, so an upgrade answers no event again', async () => {
        await (await open()).close();
        // The database as version 3 left it: claims without a delivery time.
        await sql().run(
          'ALTER TABLE deliveries DROP COLUMN delivered_at; DELETE FROM schema_version WHERE version = 4',
        );
        await sql().run(
          `INSERT INTO deliveries (key, claimed_at) VALUES ('Ev-before-upgrade', ${NOW.getTime()})`,
        );

        const store = await open();
        expect(await store.claimDelivery('Ev-before-upgrade', new Date(NOW.getTime() + DAY_MS))).toBe(false);
      });

      it('refuses a schema written by a newer version of the bot', async () => {
        await (await open()).close();
        await sql().run('INSERT INTO schema_version (version, applied_at) VALUES (99, 0)');

        await expect(db.open()).rejects.toThrow(/schema is at version 99.*Upgrade the bot/);
      });
    });

    describe('closing', () => {
      it('may be closed twice', async () => {
        const store = await open();
        await store.close();
        await expect(store.close()).resolves.toBeUndefined();
      });
    });

    describe('recording questions and feedback', () => {
      const japanese = question({
        question: 'コンテナとは',
        topic: null,
        answered: false,
        score: 0.1,
        lang: 'ja',
        surface: 'dm',
      });

      /** Records two questions and a feedback, and closes the store. */
      async function recordAndClose() {
        const store = await open();
        await store.recordQuestion(question());
        await store.recordQuestion(japanese);
        await store.recordFeedback(feedback({ helpful: false, userId: 'U999' }));
        await store.close();
      }

      it('keeps every field after the store is closed, for another process to read', async () => {
        await recordAndClose();

        const other = await open();
        expect(await other.listQuestions(new Date(0))).toEqual([question(), japanese]);
        expect(await other.listFeedback(new Date(0))).toEqual([feedback({ helpful: false, userId: 'U999' })]);
      });

      it.runIf(options.sql)('writes one row per record, with dates as epoch milliseconds', async () => {
        await recordAndClose();

        expect(await sql().rows('SELECT * FROM questions ORDER BY id')).toEqual([
          {
            id: 1,
            question: 'How do I list containers?',
            topic: 'container',
            answered: 1,
            score: 0.82,
            lang: 'en',
            user_id: 'U123',
            surface: 'command',
            at: NOW.getTime(),
          },
          {
            id: 2,
            question: 'コンテナとは',
            topic: null,
            answered: 0,
            score: 0.1,
            lang: 'ja',
            user_id: 'U123',
            surface: 'dm',
            at: NOW.getTime(),
          },
        ]);
        expect(await sql().rows('SELECT * FROM feedback')).toEqual([
          {
            id: 1,
            question: 'How do I list containers?',
            topic: 'container',
            user_id: 'U999',
            channel: 'C100',
            helpful: 0,
            at: NOW.getTime(),
          },
        ]);
      });

      it('lists what was recorded since a date, oldest first', async () => {
        const store = await open();
        const before = new Date(NOW.getTime() - 1);
        await store.recordQuestion(question({ question: 'later', at: LATER }));
        await store.recordQuestion(question({ question: 'too old', at: before }));
        await store.recordQuestion(question({ question: 'first', topic: null, answered: false, lang: 'ja' }));
        await store.recordFeedback(feedback({ question: 'later', helpful: false, at: LATER }));
        await store.recordFeedback(feedback({ question: 'too old', at: before }));
        await store.recordFeedback(feedback({ question: 'first' }));

        expect(await store.listQuestions(NOW)).toEqual([
          question({ question: 'first', topic: null, answered: false, lang: 'ja' }),
          question({ question: 'later', at: LATER }),
        ]);
        expect(await store.listFeedback(NOW)).toEqual([
          feedback({ question: 'first' }),
          feedback({ question: 'later', helpful: false, at: LATER }),
        ]);
      });

      it('keeps one vote per user per answer: the last of 100 clicks counts', async () => {
        const store = await open();
        const other = await open();
        for (let i = 0; i < 100; i++) {
          const at = new Date(NOW.getTime() + i * 1000);
          await (i % 2 === 0 ? store : other).recordFeedback(feedback({ helpful: i % 3 === 0, at }));
        }

        expect(await store.listFeedback(new Date(0))).toEqual([
          feedback({ helpful: 99 % 3 === 0, at: new Date(NOW.getTime() + 99_000) }),
        ]);
      });

      it('counts votes on different answers, and by different users, separately', async () => {
        const store = await open();
        const votes = [
          feedback(),
          feedback({ userId: 'U456' }),
          feedback({ channel: 'C200' }),
          feedback({ topic: 'image' }),
          feedback({ question: 'how do I list containers' }),
          feedback({ question: 'コンテナの一覧'.repeat(285) }),
          feedback({ question: 'コンテナの一覧'.repeat(285) + '？' }),
        ];
        for (const vote of votes) {
          await store.recordFeedback(vote);
          await store.recordFeedback({ ...vote, helpful: false });
        }

        expect(await store.listFeedback(new Date(0))).toEqual(
          votes.map((vote) => ({ ...vote, helpful: false })),
        );
      });

      it('refuses an invalid date instead of storing a row that could never be pruned', async () => {
        const store = await open();
        const invalid = new Date(Number.NaN);
        await expect(store.recordQuestion(question({ at: invalid }))).rejects.toThrow(RangeError);
        await expect(store.recordFeedback(feedback({ at: invalid }))).rejects.toThrow(RangeError);
        await expect(store.claimDelivery('Ev1', invalid)).rejects.toThrow(RangeError);
        await expect(store.markDelivered('Ev1', invalid)).rejects.toThrow(RangeError);
        await expect(store.prune(invalid)).rejects.toThrow(RangeError);
      });
    });

    describe('pruning', () => {
      const old = new Date(NOW.getTime() - 31 * DAY_MS);
      const recent = new Date(NOW.getTime() - DAY_MS);

      /** Records an old and a recent question, feedback and claim, and prunes at 30 days. */
      async function recordAndPrune(): Promise<Store> {
        const store = await open();
        await store.recordQuestion(question({ question: 'old', at: old }));
        await store.recordQuestion(question({ question: 'recent', at: recent }));
        await store.recordFeedback(feedback({ question: 'old', at: old }));
        await store.recordFeedback(feedback({ question: 'recent', at: recent }));
        await store.claimDelivery('old-event', old);
        await store.markDelivered('old-event', old);
        await store.claimDelivery('recent-event', recent);
        await store.markDelivered('recent-event', recent);

        await store.prune(new Date(NOW.getTime() - 30 * DAY_MS));
        return store;
      }

      it('forgets questions, feedback and claims older than the cutoff and keeps newer ones', async () => {
        const store = await recordAndPrune();

        expect(await store.listQuestions(new Date(0))).toEqual([
          question({ question: 'recent', at: recent }),
        ]);
        expect(await store.listFeedback(new Date(0))).toEqual([feedback({ question: 'recent', at: recent })]);
        expect(await store.claimDelivery('recent-event', NOW)).toBe(false);
        // A pruned claim is free again; by then Slack has long stopped retrying that delivery.
        expect(await store.claimDelivery('old-event', NOW)).toBe(true);
      });

      it.runIf(options.sql)('deletes their rows', async () => {
        await recordAndPrune();

        expect(await sql().rows('SELECT question FROM questions')).toEqual([{ question: 'recent' }]);
        expect(await sql().rows('SELECT question FROM feedback')).toEqual([{ question: 'recent' }]);
        expect(await sql().rows('SELECT key FROM deliveries')).toEqual([{ key: 'recent-event' }]);
      });
    });

    describe('tip subscriptions', () => {
      it('stores a subscription and reads it back from another process', async () => {
        const store = await open();
        await store.saveTipSubscription(subscription({ subscriber: null, source: 'config', lang: 'ja' }));

        expect(await (await open()).getTipSubscription('C100')).toEqual(
          subscription({ subscriber: null, source: 'config', lang: 'ja' }),
        );
        expect(await store.getTipSubscription('C999')).toBeNull();
      });

      it('replaces a channel’s subscription and un-pauses it', async () => {
        const store = await open();
        await store.saveTipSubscription(subscription());
        await store.pauseTipSubscription('C100', 'not_in_channel');
        expect((await store.getTipSubscription('C100'))?.pausedReason).toBe('not_in_channel');

        // Even a subscription passed in paused is saved active: saving is subscribing again.
        await store.saveTipSubscription(
          subscription({ time: '18:00', days: 'daily', lang: 'en', timeZone: 'UTC', pausedReason: 'stale' }),
        );

        expect(await store.listTipSubscriptions()).toEqual([
          subscription({ time: '18:00', days: 'daily', lang: 'en', timeZone: 'UTC' }),
        ]);
      });

      it('pauses only a channel that is subscribed', async () => {
        const store = await open();
        await store.pauseTipSubscription('C404', 'channel_not_found');
        expect(await store.listTipSubscriptions()).toEqual([]);
      });

      it('removes a subscription once, saying whether there was one', async () => {
        const store = await open();
        await store.saveTipSubscription(subscription());

        expect(await store.removeTipSubscription('C100')).toBe(true);
        expect(await store.removeTipSubscription('C100')).toBe(false);
        expect(await store.getTipSubscription('C100')).toBeNull();
      });

      it('lists subscriptions by channel id in code point order, as SQLite sorts', async () => {
        const store = await open();
        for (const channel of ['Cb', 'C_1', 'CC', 'C1'])
          await store.saveTipSubscription(subscription({ channel }));

        const channels = (await store.listTipSubscriptions()).map((entry) => entry.channel);
        expect(channels).toEqual(['C1', 'CC', 'C_1', 'Cb']);
      });
    });

    describe('weekly quiz subscriptions', () => {
      it('stores a subscription and reads it back from another process', async () => {
        const store = await open();
        await store.saveQuizSubscription(quizSubscription({ weekday: 5, lang: 'ja' }));

        expect(await (await open()).getQuizSubscription('C100')).toEqual(
          quizSubscription({ weekday: 5, lang: 'ja' }),
        );
        expect(await store.getQuizSubscription('C999')).toBeNull();
      });

      it('keeps apart from the channel’s tip of the day', async () => {
        const store = await open();
        await store.saveQuizSubscription(quizSubscription());
        await store.saveTipSubscription(subscription());

        expect(await store.removeTipSubscription('C100')).toBe(true);
        expect(await store.listQuizSubscriptions()).toEqual([quizSubscription()]);
        expect(await store.listTipSubscriptions()).toEqual([]);
      });

      it('replaces a channel’s subscription and un-pauses it', async () => {
        const store = await open();
        await store.saveQuizSubscription(quizSubscription());
        await store.pauseQuizSubscription('C100', 'not_in_channel');
        expect((await store.getQuizSubscription('C100'))?.pausedReason).toBe('not_in_channel');

        await store.saveQuizSubscription(
          quizSubscription({ weekday: 0, time: '18:00', lang: 'en', timeZone: 'UTC', pausedReason: 'stale' }),
        );

        expect(await store.listQuizSubscriptions()).toEqual([
          quizSubscription({ weekday: 0, time: '18:00', lang: 'en', timeZone: 'UTC' }),
        ]);
      });

      it('pauses only a channel that is subscribed', async () => {
        const store = await open();
        await store.pauseQuizSubscription('C404', 'channel_not_found');
        expect(await store.listQuizSubscriptions()).toEqual([]);
      });

      it('removes a subscription once, saying whether there was one', async () => {
        const store = await open();
        await store.saveQuizSubscription(quizSubscription());

        expect(await store.removeQuizSubscription('C100')).toBe(true);
        expect(await store.removeQuizSubscription('C100')).toBe(false);
        expect(await store.getQuizSubscription('C100')).toBeNull();
      });

      it('lists subscriptions by channel id in code point order, as SQLite sorts', async () => {
        const store = await open();
        for (const channel of ['Cb', 'C_1', 'CC', 'C1'])
          await store.saveQuizSubscription(quizSubscription({ channel }));

        const channels = (await store.listQuizSubscriptions()).map((entry) => entry.channel);
        expect(channels).toEqual(['C1', 'CC', 'C_1', 'Cb']);
      });

      it('claims a weekly post and its summary once, apart from the channel’s tip slots', async () => {
        const [first, second] = [await open(), await open()];

        expect(await first.claimTipSlot(weeklyQuizSlotKey('C100'), '2025-06-02', NOW)).toBe(true);
        expect(await second.claimTipSlot(weeklyQuizSlotKey('C100'), '2025-06-02', LATER)).toBe(false);
        expect(await second.claimTipSlot(weeklyQuizSummaryKey('C100'), '2025-06-02', LATER)).toBe(true);
        expect(await first.claimTipSlot(weeklyQuizSummaryKey('C100'), '2025-06-02', LATER)).toBe(false);
        expect(await first.claimTipSlot('C100', '2025-06-02', NOW)).toBe(true);
      });
    });

    describe('weekly quiz posts and their answers', () => {
      it('records a post, then its ts, and reads it back from another process', async () => {
        const store = await open();
        await store.recordQuizPost(quizPost());
        await store.recordQuizPost(quizPost({ ts: '1700000000.000100', postedAt: LATER }));

        expect(await (await open()).getQuizPost('C100', '2025-06-02')).toEqual(
          quizPost({ ts: '1700000000.000100', postedAt: LATER }),
        );
        expect(await store.getQuizPost('C100', '2025-06-09')).toBeNull();
        expect(await store.getQuizPost('C200', '2025-06-02')).toBeNull();
      });

      it("lists one channel's posts, oldest first", async () => {
        const store = await open();
        await store.recordQuizPost(quizPost({ localDate: '2025-06-09', topic: 'image', item: 0 }));
        await store.recordQuizPost(quizPost());
        await store.recordQuizPost(quizPost({ channel: 'C200' }));

        expect(await store.listQuizPosts('C100')).toEqual([
          quizPost(),
          quizPost({ localDate: '2025-06-09', topic: 'image', item: 0 }),
        ]);
        expect(await store.listQuizPosts('C999')).toEqual([]);
      });

      it('counts one answer per person per post, the first, across processes', async () => {
        const [first, second] = [await open(), await open()];
        const answer = { channel: 'C100', localDate: '2025-06-02', userId: 'U1', correct: true, at: NOW };
        expect(await first.answerQuizPost(answer)).toBe(true);
        expect(await second.answerQuizPost({ ...answer, correct: false, at: LATER })).toBe(false);
        expect(await second.answerQuizPost({ ...answer, userId: 'U2', correct: false })).toBe(true);
        expect(await first.answerQuizPost({ ...answer, userId: 'U3' })).toBe(true);
        expect(await first.answerQuizPost({ ...answer, localDate: '2025-06-09' })).toBe(true);

        expect(await second.tallyQuizPost('C100', '2025-06-02')).toEqual({ answered: 3, right: 2 });
        expect(await second.tallyQuizPost('C100', '2025-06-09')).toEqual({ answered: 1, right: 1 });
        expect(await second.tallyQuizPost('C200', '2025-06-02')).toEqual({ answered: 0, right: 0 });
      });

      it('grants exactly one of many simultaneous answers by one person (double clicks on two replicas)', async () => {
        const [first, second] = [await open(), await open()];
        const answer = { channel: 'C100', localDate: '2025-06-02', userId: 'U1', correct: false, at: NOW };
        const results = await Promise.all(
          Array.from({ length: 10 }, (_, i) => (i % 2 ? first : second).answerQuizPost(answer)),
        );

        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await first.tallyQuizPost('C100', '2025-06-02')).toEqual({ answered: 1, right: 0 });
      });

      it('prunes answers older than the cutoff and keeps the posts (the rotation)', async () => {
        const store = await open();
        await store.recordQuizPost(quizPost({ postedAt: new Date(NOW.getTime() - 40 * DAY_MS) }));
        const answer = { channel: 'C100', localDate: '2025-06-02', correct: true };
        await store.answerQuizPost({ ...answer, userId: 'U1', at: new Date(NOW.getTime() - 31 * DAY_MS) });
        await store.answerQuizPost({ ...answer, userId: 'U2', at: new Date(NOW.getTime() - DAY_MS) });

        await store.prune(new Date(NOW.getTime() - 30 * DAY_MS));

        expect(await store.tallyQuizPost('C100', '2025-06-02')).toEqual({ answered: 1, right: 1 });
        expect(await store.listQuizPosts('C100')).toHaveLength(1);
      });

      it('refuses invalid dates', async () => {
        const store = await open();
        const invalid = new Date(Number.NaN);
        await expect(store.recordQuizPost(quizPost({ postedAt: invalid }))).rejects.toThrow();
        await expect(
          store.answerQuizPost({
            channel: 'C1',
            localDate: '2025-06-02',
            userId: 'U1',
            correct: true,
            at: invalid,
          }),
        ).rejects.toThrow();
      });
    });

    describe('tip slots and rotation', () => {
      it('grants a channel’s slot for a date once, across processes', async () => {
        const first = await open();
        const second = await open();

        expect(await first.claimTipSlot('C100', '2025-06-02', NOW)).toBe(true);
        expect(await second.claimTipSlot('C100', '2025-06-02', LATER)).toBe(false);
        expect(await first.claimTipSlot('C100', '2025-06-02', LATER)).toBe(false);
        expect(await second.claimTipSlot('C100', '2025-06-03', NOW)).toBe(true);
        expect(await second.claimTipSlot('C200', '2025-06-02', NOW)).toBe(true);
      });

      it('grants exactly one of simultaneous slot claims from two processes', async () => {
        const stores = [await open(), await open()];
        const results = await Promise.all(
          Array.from({ length: 10 }, (_, i) => stores[i % 2]!.claimTipSlot('C100', '2025-06-02', NOW)),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it('gives a new channel a random seed at cycle 0, the same for every process', async () => {
        const first = await open();
        const second = await open();

        const rotation = await first.tipRotation('C100');
        expect(rotation).toEqual({ seed: expect.stringMatching(/\S/), cycle: 0, posted: [] });
        expect(await second.tipRotation('C100')).toEqual(rotation);
        expect((await second.tipRotation('C200')).seed).not.toBe(rotation.seed);
      });

      it('lists the topics posted in the current cycle, by date', async () => {
        const store = await open();
        await store.tipRotation('C100');
        for (const date of ['2025-06-03', '2025-06-02', '2025-06-04'])
          await store.claimTipSlot('C100', date, NOW);
        await store.recordTipPosted('C100', '2025-06-03', 'volumes', 0);
        await store.recordTipPosted('C100', '2025-06-02', 'images', 0);
        // 2025-06-04 is claimed but not posted (the post failed), so it is not in the list.
        await store.claimTipSlot('C200', '2025-06-02', NOW);
        await store.recordTipPosted('C200', '2025-06-02', 'networks', 0);

        expect((await store.tipRotation('C100')).posted).toEqual(['images', 'volumes']);
      });

      it('records a posted topic only for a claimed slot', async () => {
        const store = await open();
        await store.recordTipPosted('C100', '2025-06-02', 'images', 0);
        expect((await store.tipRotation('C100')).posted).toEqual([]);
      });

      it('starts a new cycle with nothing posted, and never goes back a cycle', async () => {
        const store = await open();
        const { seed } = await store.tipRotation('C100');
        await store.claimTipSlot('C100', '2025-06-02', NOW);
        await store.recordTipPosted('C100', '2025-06-02', 'images', 0);

        await store.startTipCycle('C100', 1);
        expect(await store.tipRotation('C100')).toEqual({ seed, cycle: 1, posted: [] });

        await store.claimTipSlot('C100', '2025-06-03', NOW);
        await store.recordTipPosted('C100', '2025-06-03', 'volumes', 1);
        // A second process finishing the same cycle late must not undo the first one's new cycle.
        await (await open()).startTipCycle('C100', 0);
        expect(await store.tipRotation('C100')).toEqual({ seed, cycle: 1, posted: ['volumes'] });
      });

      it('ignores a new cycle for a channel with no rotation yet', async () => {
        const store = await open();
        await store.startTipCycle('C100', 3);
        expect((await store.tipRotation('C100')).cycle).toBe(0);
      });
    });

    describe('quiz answers and lessons', () => {
      it('keeps a shown question for another process to read, and knows no other id', async () => {
        await (await open()).saveQuizQuestion(shown({ id: 'q-1', topic: 'image', item: 1 }));

        const other = await open();
        expect(await other.getQuizQuestion('q-1')).toEqual(shown({ id: 'q-1', topic: 'image', item: 1 }));
        expect(await other.getQuizQuestion('q-2')).toBeNull();
      });

      it('counts the first answer to a shown question only, across processes', async () => {
        const first = await open();
        const second = await open();
        await first.saveQuizQuestion(shown({ id: 'q-1' }));

        expect(await first.answerQuizQuestion('q-1', false, NOW)).toBe(true);
        expect(await second.answerQuizQuestion('q-1', true, LATER)).toBe(false);
        expect(await second.answerQuizQuestion('never-shown', true, NOW)).toBe(false);
        expect(await second.listQuizAnswers('U123')).toEqual([
          { topic: 'container', item: 0, correct: false, at: NOW },
        ]);
      });

      it('grants exactly one of many simultaneous answers (double clicks on two replicas)', async () => {
        const stores = [await open(), await open()];
        await stores[0]!.saveQuizQuestion(shown({ id: 'q-double' }));
        const results = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            stores[i % 2]!.answerQuizQuestion('q-double', i % 3 === 0, NOW),
          ),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await stores[1]!.listQuizAnswers('U123')).toHaveLength(1);
      });

      it("lists one user's answered questions, oldest first, and none that are only shown", async () => {
        const store = await open();
        await store.saveQuizQuestion(shown({ id: 'b', topic: 'image', item: 1 }));
        await store.saveQuizQuestion(shown({ id: 'a', topic: 'volumes' }));
        await store.saveQuizQuestion(shown({ id: 'c', topic: 'docker-run' }));
        await store.saveQuizQuestion(shown({ id: 'theirs', userId: 'U999' }));
        await store.answerQuizQuestion('b', true, LATER);
        await store.answerQuizQuestion('a', false, NOW);
        await store.answerQuizQuestion('theirs', true, NOW);

        expect(await store.listQuizAnswers('U123')).toEqual([
          { topic: 'volumes', item: 0, correct: false, at: NOW },
          { topic: 'image', item: 1, correct: true, at: LATER },
        ]);
        expect(await store.listQuizAnswers('U404')).toEqual([]);
      });

      it('marks a lesson done once, keeping the first date, per user', async () => {
        const store = await open();
        await store.markLessonDone('U123', 'image', LATER);
        await store.markLessonDone('U123', 'container', NOW);
        await (await open()).markLessonDone('U123', 'image', new Date(LATER.getTime() + DAY_MS));
        await store.markLessonDone('U999', 'volumes', NOW);

        expect(await store.listLessonsDone('U123')).toEqual([
          { topic: 'container', at: NOW },
          { topic: 'image', at: LATER },
        ]);
      });

      it("resets one user's questions, answers and lessons, and nobody else's", async () => {
        const store = await open();
        await store.saveQuizQuestion(shown({ id: 'mine' }));
        await store.answerQuizQuestion('mine', true, NOW);
        await store.saveQuizQuestion(shown({ id: 'theirs', userId: 'U999' }));
        await store.answerQuizQuestion('theirs', true, NOW);
        await store.markLessonDone('U123', 'container', NOW);
        await store.markLessonDone('U999', 'container', NOW);

        await (await open()).resetStudyProgress('U123');

        expect(await store.listQuizAnswers('U123')).toEqual([]);
        expect(await store.listLessonsDone('U123')).toEqual([]);
        expect(await store.getQuizQuestion('mine')).toBeNull();
        expect(await store.listQuizAnswers('U999')).toHaveLength(1);
        expect(await store.listLessonsDone('U999')).toHaveLength(1);
      });

      it('prunes questions shown before the cutoff, answered or not, and keeps lessons done', async () => {
        const store = await open();
        const old = new Date(NOW.getTime() - 31 * DAY_MS);
        await store.saveQuizQuestion(shown({ id: 'old', shownAt: old }));
        await store.answerQuizQuestion('old', false, old);
        await store.saveQuizQuestion(shown({ id: 'old-unanswered', shownAt: old }));
        await store.saveQuizQuestion(shown({ id: 'recent', item: 1 }));
        await store.answerQuizQuestion('recent', true, NOW);
        await store.markLessonDone('U123', 'container', old);

        await store.prune(new Date(NOW.getTime() - 30 * DAY_MS));

        expect(await store.listQuizAnswers('U123')).toEqual([
          { topic: 'container', item: 1, correct: true, at: NOW },
        ]);
        expect(await store.getQuizQuestion('old-unanswered')).toBeNull();
        expect(await store.listLessonsDone('U123')).toEqual([{ topic: 'container', at: old }]);
      });

      it('refuses invalid dates', async () => {
        const store = await open();
        const invalid = new Date(Number.NaN);
        await expect(store.saveQuizQuestion(shown({ shownAt: invalid }))).rejects.toThrow(RangeError);
        await store.saveQuizQuestion(shown({ id: 'q-1' }));
        await expect(store.answerQuizQuestion('q-1', true, invalid)).rejects.toThrow(RangeError);
        await expect(store.markLessonDone('U123', 'image', invalid)).rejects.toThrow(RangeError);
      });
    });

    describe('learned phrasings, draft topics and suggestion clicks', () => {
      const taught = (overrides: Partial<NewLearnedPhrasing> = {}): NewLearnedPhrasing => ({
        phrasing: 'Where do my files go?',
        normalized: 'where do my files go',
        topic: 'volumes',
        taughtBy: 'UADMIN',
        taughtAt: NOW,
        ...overrides,
      });
      const draft = (overrides: Partial<NewDraftTopic> = {}): NewDraftTopic => ({
        topicId: 'docker-scout',
        title: { en: 'Docker Scout', ja: 'Docker Scout とは' },
        answer: { en: 'Scout scans images.', ja: 'Scout はイメージを検査します。' },
        links: ['https://docs.docker.com/scout/'],
        related: ['image'],
        sourceQuestion: 'how do I scan an image?',
        expertReply: 'Use docker scout cves.',
        taughtBy: 'UADMIN',
        createdAt: NOW,
        ...overrides,
      });
      const click = (overrides: Partial<SuggestionClick> = {}): SuggestionClick => ({
        question: 'Where do my files go?',
        normalized: 'where do my files go',
        topic: 'volumes',
        userId: 'U1',
        at: NOW,
        ...overrides,
      });

      it('stores a phrasing once per normalised form, for another process to read', async () => {
        const first = await open();
        const stored = await first.saveLearnedPhrasing(taught());
        expect(stored.created).toBe(true);
        expect(stored.phrasing).toEqual({ ...taught(), id: stored.phrasing.id });

        const other = await open();
        const again = await other.saveLearnedPhrasing(
          taught({ phrasing: 'where do my files go', topic: 'image' }),
        );
        expect(again).toEqual({ phrasing: stored.phrasing, created: false });
        expect(await other.listLearnedPhrasings()).toEqual([stored.phrasing]);
      });

      it('lists phrasings oldest first and removes one by id', async () => {
        const store = await open();
        const a = (await store.saveLearnedPhrasing(taught())).phrasing;
        const b = (
          await store.saveLearnedPhrasing(taught({ normalized: 'b', phrasing: 'b?', topic: 'image' }))
        ).phrasing;
        expect((await store.listLearnedPhrasings()).map((entry) => entry.id)).toEqual([a.id, b.id]);

        expect(await store.removeLearnedPhrasing(a.id)).toBe(true);
        expect(await store.removeLearnedPhrasing(a.id)).toBe(false);
        expect(await store.listLearnedPhrasings()).toEqual([b]);
      });

      it('changes its marker whenever a phrasing is added or removed, as another process sees it', async () => {
        const store = await open();
        const other = await open();
        const seen = [await other.learnedVersion()];
        const a = (await store.saveLearnedPhrasing(taught())).phrasing;
        seen.push(await other.learnedVersion());
        await store.saveLearnedPhrasing(taught());
        expect(await other.learnedVersion()).toBe(seen[1]);
        await store.removeLearnedPhrasing(a.id);
        seen.push(await other.learnedVersion());
        // Removed and another added between two polls: still a new marker.
        const b = (await store.saveLearnedPhrasing(taught({ normalized: 'b' }))).phrasing;
        seen.push(await other.learnedVersion());
        await store.removeLearnedPhrasing(b.id);
        await store.saveLearnedPhrasing(taught({ normalized: 'c' }));
        seen.push(await other.learnedVersion());
        // A poller compares with the marker it saw last: each must differ from the one before.
        for (let i = 1; i < seen.length; i++) expect(seen[i]).not.toBe(seen[i - 1]);
      });

      it('stores draft topics with who and when, lists and removes them', async () => {
        const store = await open();
        const saved = await store.saveDraftTopic(draft());
        expect(saved).toEqual({ ...draft(), id: saved.id });
        const second = await store.saveDraftTopic(draft({ topicId: 'other', links: [], related: [] }));

        const other = await open();
        expect(await other.listDraftTopics()).toEqual([saved, second]);
        expect(await other.removeDraftTopic(saved.id)).toBe(true);
        expect(await other.removeDraftTopic(saved.id)).toBe(false);
        expect(await store.listDraftTopics()).toEqual([second]);
      });

      it('records a suggestion click once per question, topic and user, and prunes old ones', async () => {
        const store = await open();
        await store.recordSuggestionClick(click());
        await store.recordSuggestionClick(click({ at: LATER }));
        await store.recordSuggestionClick(click({ userId: 'U2', at: LATER }));
        await store.recordSuggestionClick(click({ topic: 'image', at: LATER }));
        const old = new Date(NOW.getTime() - 40 * DAY_MS);
        await store.recordSuggestionClick(click({ userId: 'U3', at: old }));

        expect(await (await open()).listSuggestionClicks(new Date(0))).toEqual([
          click({ userId: 'U3', at: old }),
          click(),
          click({ topic: 'image', at: LATER }),
          click({ userId: 'U2', at: LATER }),
        ]);
        await store.prune(new Date(NOW.getTime() - 30 * DAY_MS));
        expect(await store.listSuggestionClicks(new Date(0))).toHaveLength(3);
        expect(await store.listSuggestionClicks(LATER)).toHaveLength(2);
      });

      it('keys a long Japanese question without hitting an index size limit', async () => {
        const store = await open();
        const long = 'コンテナ'.repeat(500);
        await store.recordSuggestionClick(click({ question: long, normalized: long }));
        expect((await store.listSuggestionClicks(new Date(0)))[0]?.normalized).toBe(long);
      });
    });

    describe('settings and help requests', () => {
      it('keeps a setting for another process to read, replaces it, and clears it', async () => {
        const store = await open();
        expect(await store.getSetting('help_channel')).toBeNull();
        await store.saveSetting('help_channel', 'C900', NOW);
        await store.saveSetting('experts', 'S123', NOW);
        await store.saveSetting('help_channel', 'C901', LATER);

        const other = await open();
        expect(await other.getSetting('help_channel')).toBe('C901');
        expect(await other.getSetting('experts')).toBe('S123');
        await other.saveSetting('help_channel', null, LATER);
        expect(await store.getSetting('help_channel')).toBeNull();
        expect(await store.getSetting('experts')).toBe('S123');
      });

      it('finds a help request by its post in the help channel, from another process', async () => {
        const anonymous = helpRequest({
          id: 'help-2',
          anonymous: true,
          askedIn: null,
          helpTs: '1700000002.000300',
          lang: 'ja',
        });
        await (await open()).saveHelpRequest(helpRequest());
        await (await open()).saveHelpRequest(anonymous);

        const other = await open();
        expect(await other.findHelpRequest('C900', '1700000001.000200')).toEqual(helpRequest());
        expect(await other.findHelpRequest('C900', '1700000002.000300')).toEqual(anonymous);
        expect(await other.findHelpRequest('C901', '1700000001.000200')).toBeNull();
        expect(await other.findHelpRequest('C900', '1700000009.000000')).toBeNull();
      });

      it('grants the notification of a request once, across processes, and none for an unknown id', async () => {
        const first = await open();
        const second = await open();
        await first.saveHelpRequest(helpRequest());

        expect(await first.claimHelpNotification('help-1', NOW)).toBe(true);
        expect(await second.claimHelpNotification('help-1', LATER)).toBe(false);
        expect(await second.claimHelpNotification('no-such-request', NOW)).toBe(false);
        expect((await second.findHelpRequest('C900', '1700000001.000200'))?.notifiedAt).toEqual(NOW);
      });

      it('grants exactly one of many simultaneous notification claims (replies on two replicas)', async () => {
        const stores = [await open(), await open()];
        await stores[0]!.saveHelpRequest(helpRequest());
        const results = await Promise.all(
          Array.from({ length: 10 }, (_, i) => stores[i % 2]!.claimHelpNotification('help-1', NOW)),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it('prunes help requests made before the cutoff and keeps newer ones', async () => {
        const store = await open();
        const old = new Date(NOW.getTime() - 31 * DAY_MS);
        await store.saveHelpRequest(helpRequest({ id: 'old', helpTs: '1.1', createdAt: old }));
        await store.saveHelpRequest(helpRequest({ id: 'recent', helpTs: '2.2' }));

        await store.prune(new Date(NOW.getTime() - 30 * DAY_MS));

        expect(await store.findHelpRequest('C900', '1.1')).toBeNull();
        expect(await store.findHelpRequest('C900', '2.2')).toEqual(
          helpRequest({ id: 'recent', helpTs: '2.2' }),
        );
      });

      it('refuses invalid dates', async () => {
        const store = await open();
        const invalid = new Date(Number.NaN);
        await expect(store.saveHelpRequest(helpRequest({ createdAt: invalid }))).rejects.toThrow(RangeError);
        await expect(store.saveSetting('experts', 'S123', invalid)).rejects.toThrow(RangeError);
        await store.saveHelpRequest(helpRequest());
        await expect(store.claimHelpNotification('help-1', invalid)).rejects.toThrow(RangeError);
      });
    });
  });
}

describeStore('in-memory', () => memory, { sql: false });
describeStore('SQLite', () => sqlite, { sql: true });

const postgresUrl = process.env.TEST_DATABASE_URL?.trim();
if (postgresUrl) {
  describeStore('PostgreSQL', () => postgres(postgresUrl), { sql: true });

  describe('Opening PostgreSQL with a wrong password', () => {
    it('names DATABASE_URL and the server but never the password', async () => {
      const url = new URL(postgresUrl);
      url.password = 'wr0ng-s3cret';
      const error = await openStore(url.href).then(
        () => {
          throw new Error('expected openStore to reject');
        },
        (rejection: unknown) => rejection,
      );

      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).code).toBe('DATABASE_UNAVAILABLE');
      expect((error as StoreError).message).toMatch(/DATABASE_URL.*password authentication failed/);
      expect((error as StoreError).message).not.toMatch(/wr0ng-s3cret/);
    });
  });
} else if (process.env.CI === 'true') {
  describe('The PostgreSQL store', () => {
    it('runs in CI, which must set TEST_DATABASE_URL', () => {
      throw new Error(
        'TEST_DATABASE_URL is unset, so the PostgreSQL store was not tested. ' +
          'CI runs eval "$(bash .ci/postgres.sh)" before the tests to set it.',
      );
    });
  });
} else {
  console.warn(
    'Skipping the PostgreSQL store tests: TEST_DATABASE_URL is unset. ' +
      'Run eval "$(bash .ci/postgres.sh)" (as root) to start a server and set it.',
  );
  describeStore('PostgreSQL (skipped: TEST_DATABASE_URL is unset)', () => postgres(''), {
    sql: true,
    skip: true,
  });
}
