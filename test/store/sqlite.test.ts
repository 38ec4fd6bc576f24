import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SQLITE_PATH, openStore, parseDatabaseUrl, StoreError } from '../../src/store/index.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { FeedbackRecord, QuestionRecord, Store } from '../../src/store/store.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const NOW = new Date('2025-06-01T12:00:00Z');

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
    userId: 'U123',
    helpful: true,
    at: NOW,
    ...overrides,
  };
}

/** Reads the file as any other SQLite client would, bypassing the store under test. */
function readRows<T>(path: string, sql: string): T[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare<[], T>(sql).all();
  } finally {
    db.close();
  }
}

let dir: string;
const opened: Store[] = [];

/** Opens a store that is closed after the test, even when the test fails. */
function open(path: string): Store {
  const store = openSqliteStore(path);
  opened.push(store);
  return store;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'store-test-'));
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
  rmSync(dir, { recursive: true, force: true });
});

describe('Claiming deliveries', () => {
  it('grants a key once and refuses it afterwards', async () => {
    const store = open(join(dir, 'bot.sqlite'));
    expect(await store.claimDelivery('Ev123', NOW)).toBe(true);
    expect(await store.claimDelivery('Ev123', NOW)).toBe(false);
    expect(await store.claimDelivery('Ev456', NOW)).toBe(true);
  });

  it('refuses in one process a key another process sharing the file has claimed', async () => {
    const path = join(dir, 'bot.sqlite');
    const first = open(path);
    const second = open(path);

    expect(await first.claimDelivery('C1:1717243200.000100', NOW)).toBe(true);
    expect(await second.claimDelivery('C1:1717243200.000100', NOW)).toBe(false);
    expect(await second.claimDelivery('interaction-9', NOW)).toBe(true);
    expect(await first.claimDelivery('interaction-9', NOW)).toBe(false);
  });

  it('still refuses a claimed key after the store is reopened', async () => {
    const path = join(dir, 'bot.sqlite');
    const store = open(path);
    await store.claimDelivery('Ev123', NOW);
    await store.close();

    expect(await open(path).claimDelivery('Ev123', NOW)).toBe(false);
  });
});

describe('Opening a database file', () => {
  it('creates missing parent folders and turns on WAL', () => {
    const path = join(dir, 'nested', 'deeper', 'bot.sqlite');
    open(path);

    expect(existsSync(path)).toBe(true);
    expect(readRows<{ journal_mode: string }>(path, 'PRAGMA journal_mode')).toEqual([
      { journal_mode: 'wal' },
    ]);
  });

  it('applies each migration once however often the file is opened', async () => {
    const path = join(dir, 'bot.sqlite');
    await open(path).close();
    const again = open(path);
    await again.recordQuestion(question());

    expect(readRows<{ version: number }>(path, 'SELECT version FROM schema_version')).toEqual([
      { version: 1 },
    ]);
    const tables = readRows<{ name: string }>(
      path,
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    ).map((row) => row.name);
    expect(tables).toEqual(['deliveries', 'feedback', 'questions', 'schema_version']);
  });

  it('refuses a schema written by a newer version of the bot', async () => {
    const path = join(dir, 'bot.sqlite');
    await open(path).close();
    const db = new Database(path);
    db.prepare('INSERT INTO schema_version (version, applied_at) VALUES (99, 0)').run();
    db.close();

    expect(() => openSqliteStore(path)).toThrow(/schema is at version 99.*Upgrade the bot/);
  });
});

describe('Recording questions and feedback', () => {
  it('keeps every field, with dates as epoch milliseconds, after the store is closed', async () => {
    const path = join(dir, 'bot.sqlite');
    const store = open(path);
    await store.recordQuestion(question());
    await store.recordQuestion(
      question({
        question: 'コンテナとは',
        topic: null,
        answered: false,
        score: 0.1,
        lang: 'ja',
        surface: 'dm',
      }),
    );
    await store.recordFeedback(feedback({ helpful: false, userId: 'U999' }));
    await store.close();

    expect(readRows(path, 'SELECT * FROM questions ORDER BY id')).toEqual([
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
    expect(readRows(path, 'SELECT * FROM feedback')).toEqual([
      {
        id: 1,
        question: 'How do I list containers?',
        topic: 'container',
        user_id: 'U999',
        helpful: 0,
        at: NOW.getTime(),
      },
    ]);
  });

  it('refuses an invalid date instead of storing a row that could never be pruned', async () => {
    const store = open(join(dir, 'bot.sqlite'));
    await expect(store.recordQuestion(question({ at: new Date(Number.NaN) }))).rejects.toThrow(RangeError);
  });
});

describe('Pruning', () => {
  it('deletes questions, feedback and claims older than the cutoff and keeps newer ones', async () => {
    const path = join(dir, 'bot.sqlite');
    const store = open(path);
    const old = new Date(NOW.getTime() - 31 * DAY_MS);
    const recent = new Date(NOW.getTime() - DAY_MS);
    await store.recordQuestion(question({ question: 'old', at: old }));
    await store.recordQuestion(question({ question: 'recent', at: recent }));
    await store.recordFeedback(feedback({ question: 'old', at: old }));
    await store.recordFeedback(feedback({ question: 'recent', at: recent }));
    await store.claimDelivery('old-event', old);
    await store.claimDelivery('recent-event', recent);

    await store.prune(new Date(NOW.getTime() - 30 * DAY_MS));

    expect(readRows(path, 'SELECT question FROM questions')).toEqual([{ question: 'recent' }]);
    expect(readRows(path, 'SELECT question FROM feedback')).toEqual([{ question: 'recent' }]);
    expect(readRows(path, 'SELECT key FROM deliveries')).toEqual([{ key: 'recent-event' }]);
    // A pruned claim is free again; by then Slack has long stopped retrying that delivery.
    expect(await store.claimDelivery('old-event', NOW)).toBe(true);
  });
});

describe('Choosing the store from DATABASE_URL', () => {
  const cwd = '/srv/bot';

  it('uses ./data/bot.sqlite when DATABASE_URL is unset or blank', () => {
    const expected = { kind: 'sqlite', path: join(cwd, DEFAULT_SQLITE_PATH) };
    expect(parseDatabaseUrl(undefined, cwd)).toEqual(expected);
    expect(parseDatabaseUrl('', cwd)).toEqual(expected);
    expect(parseDatabaseUrl('  ', cwd)).toEqual(expected);
  });

  it.each([
    ['sqlite:state/bot.sqlite', '/srv/bot/state/bot.sqlite'],
    ['sqlite:/var/lib/bot/bot.sqlite', '/var/lib/bot/bot.sqlite'],
    ['sqlite:///var/lib/bot/bot.sqlite', '/var/lib/bot/bot.sqlite'],
    ['SQLITE:state/bot.db', '/srv/bot/state/bot.db'],
    ['file:./dev.db', '/srv/bot/dev.db'],
    ['file:///var/lib/my%20bot/bot.sqlite', '/var/lib/my bot/bot.sqlite'],
    ['state/bot.sqlite', '/srv/bot/state/bot.sqlite'],
    ['/var/lib/bot/bot.db', '/var/lib/bot/bot.db'],
    ['bot.sqlite3', '/srv/bot/bot.sqlite3'],
    ['sqlite::memory:', ':memory:'],
  ])('reads %s as SQLite at %s', (url, path) => {
    expect(parseDatabaseUrl(url, cwd)).toEqual({ kind: 'sqlite', path });
  });

  it.each(['postgres://bot:s3cret@db.internal:5432/bot', 'postgresql://bot:s3cret@db.internal/bot'])(
    'says PostgreSQL is not available yet for %s, without echoing the password',
    (url) => {
      const error = errorFrom(() => parseDatabaseUrl(url, cwd));
      expect(error.code).toBe('DATABASE_UNSUPPORTED');
      expect(error.message).toMatch(/DATABASE_URL/);
      expect(error.message).toMatch(/PostgreSQL is not available in this version yet/);
      expect(error.message).toMatch(/SQLite/);
      expect(error.message).not.toMatch(/s3cret/);
    },
  );

  it.each(['mysql://root:s3cret@localhost/bot', 'bot.txt', 'sqlite:', 'file://otherhost/bot.sqlite'])(
    'names DATABASE_URL and the accepted forms for %s',
    (url) => {
      const error = errorFrom(() => parseDatabaseUrl(url, cwd));
      expect(error.code).toBe('DATABASE_URL_INVALID');
      expect(error.message).toMatch(/DATABASE_URL/);
      expect(error.message).toMatch(/sqlite:<path>/);
      expect(error.message).not.toMatch(/s3cret/);
    },
  );

  it('opens a working SQLite store at the path a URL names', async () => {
    const path = join(dir, 'from-url', 'bot.sqlite');
    const store = openStore(pathToFileURL(path).href);
    opened.push(store);

    expect(await store.claimDelivery('Ev1', NOW)).toBe(true);
    expect(existsSync(path)).toBe(true);
  });

  it('throws from openStore before creating anything for PostgreSQL', () => {
    expect(() => openStore('postgres://localhost/bot')).toThrow(StoreError);
  });
});

function errorFrom(fn: () => unknown): StoreError {
  try {
    fn();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error('expected a StoreError, but nothing was thrown');
}
