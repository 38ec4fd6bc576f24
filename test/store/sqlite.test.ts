import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SQLITE_PATH,
  openStore,
  parseDatabaseUrl,
  redactDatabaseUrl,
  StoreError,
} from '../../src/store/index.js';
import { FILE_CHECK_INTERVAL_MS, openSqliteStore } from '../../src/store/sqlite.js';
import type { QuestionRecord, Store } from '../../src/store/store.js';

/**
 * What is particular to SQLite, and how DATABASE_URL is read. The behaviour both stores share (claims,
 * migrations, questions, pruning, tips) is tested against each of them in contract.test.ts.
 */
const NOW = new Date('2025-06-01T12:00:00Z');

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

describe('Opening a database file', () => {
  it('creates missing parent folders and turns on WAL', () => {
    const path = join(dir, 'nested', 'deeper', 'bot.sqlite');
    open(path);

    expect(existsSync(path)).toBe(true);
    expect(readRows<{ journal_mode: string }>(path, 'PRAGMA journal_mode')).toEqual([
      { journal_mode: 'wal' },
    ]);
  });
});

describe('Recording questions', () => {
  const asked = (text: string, overrides: Partial<QuestionRecord> = {}): QuestionRecord => ({
    question: text,
    topic: 'docker-run',
    answered: true,
    score: 0.8,
    lang: 'en',
    userId: 'U0001',
    surface: 'command',
    at: NOW,
    ...overrides,
  });

  /** Frames in the write-ahead log, as another connection sees them: every commit appends its pages. */
  function walFrames(path: string): number {
    const db = new Database(path);
    try {
      const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
      return result?.log ?? 0;
    } finally {
      db.close();
    }
  }

  it('writes the questions asked in the same turn in one commit, and each await means stored', async () => {
    const together = join(dir, 'together.sqlite');
    const oneByOne = join(dir, 'one-by-one.sqlite');
    const a = open(together);
    const b = open(oneByOne);
    walFrames(together);
    walFrames(oneByOne);

    await Promise.all([1, 2, 3, 4, 5].map((n) => a.recordQuestion(asked(`question ${n}`))));
    for (const n of [1, 2, 3, 4, 5]) await b.recordQuestion(asked(`question ${n}`));

    for (const path of [together, oneByOne]) {
      expect(readRows<{ question: string }>(path, 'SELECT question FROM questions ORDER BY id')).toEqual(
        [1, 2, 3, 4, 5].map((n) => ({ question: `question ${n}` })),
      );
    }
    expect(walFrames(together)).toBeLessThan(walFrames(oneByOne));
  });

  it('fails only the question that cannot be stored when several are written together', async () => {
    const path = join(dir, 'bot.sqlite');
    const store = open(path);

    const results = await Promise.allSettled([
      store.recordQuestion(asked('first')),
      // NOT NULL refuses it: the row fails inside the shared transaction.
      store.recordQuestion(asked('no language', { lang: null as unknown as QuestionRecord['lang'] })),
      store.recordQuestion(asked('third')),
    ]);

    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(readRows<{ question: string }>(path, 'SELECT question FROM questions ORDER BY id')).toEqual([
      { question: 'first' },
      { question: 'third' },
    ]);
  });

  it('writes the questions still waiting when it is closed or read', async () => {
    const path = join(dir, 'bot.sqlite');
    const store = openSqliteStore(path);
    const waiting = store.recordQuestion(asked('asked just before a read'));
    expect((await store.listQuestions(new Date(0))).map((q) => q.question)).toEqual([
      'asked just before a read',
    ]);
    const lastOne = store.recordQuestion(asked('asked just before shutdown'));
    await store.close();
    await Promise.all([waiting, lastOne]);

    expect(readRows<{ question: string }>(path, 'SELECT question FROM questions ORDER BY id')).toEqual([
      { question: 'asked just before a read' },
      { question: 'asked just before shutdown' },
    ]);
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
    'reads %s as PostgreSQL, keeping the URL for the driver',
    (url) => {
      expect(parseDatabaseUrl(url, cwd)).toEqual({ kind: 'postgres', url });
    },
  );

  it('refuses a PostgreSQL URL that does not parse, without echoing the password', () => {
    const error = errorFrom(() => parseDatabaseUrl('postgres://bot:s3cret@[db/bot', cwd));
    expect(error.code).toBe('DATABASE_URL_INVALID');
    expect(error.message).toMatch(/DATABASE_URL/);
    expect(error.message).toMatch(/percent-encoded/);
    expect(error.message).not.toMatch(/s3cret/);
  });

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
    const store = await openStore(pathToFileURL(path).href);
    opened.push(store);

    expect(await store.claimDelivery('Ev1', NOW)).toBe(true);
    expect(existsSync(path)).toBe(true);
  });

  it('names DATABASE_URL and the server, but not the credentials, when PostgreSQL cannot be reached', async () => {
    // Nothing listens on port 1, so the connection is refused at once.
    const error = await openStore('postgres://bot:s3cret@127.0.0.1:1/bot?password=s3cret').then(
      () => {
        throw new Error('expected openStore to reject');
      },
      (rejection: unknown) => rejection,
    );

    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('DATABASE_UNAVAILABLE');
    expect((error as StoreError).message).toMatch(/DATABASE_URL/);
    expect((error as StoreError).message).toContain('postgres://***@127.0.0.1:1/bot?***');
    expect((error as StoreError).message).toMatch(/ECONNREFUSED/);
    expect((error as StoreError).message).not.toMatch(/s3cret|bot:/);
  });

  it.each([
    ['postgres://bot:s3cret@db.internal:5432/bot', 'postgres://***@db.internal:5432/bot'],
    ['postgresql://bot@db.internal/bot?sslmode=require', 'postgresql://***@db.internal/bot?***'],
    ['postgres://db.internal/bot', 'postgres://db.internal/bot'],
    ['postgres://bot:p%40ss%2Fw0rd@[::1]:5433/bot', 'postgres://***@[::1]:5433/bot'],
  ])('shows %s as %s in messages', (url, shown) => {
    expect(redactDatabaseUrl(url)).toBe(shown);
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

describe('When the database file is deleted while the bot runs', () => {
  const question = (text: string) => ({
    question: text,
    topic: 'container',
    answered: true,
    score: 0.9,
    lang: 'en' as const,
    userId: 'U1',
    surface: 'command' as const,
    at: NOW,
  });

  /** A store whose clock moves only when the test says, and what it reported. */
  function openReporting(path: string) {
    const reports: string[] = [];
    let clock = 0;
    const store = openSqliteStore(path, (message) => reports.push(message), { now: () => clock });
    opened.push(store);
    /** Moves the clock to when the next call looks at the file again. */
    const waitForCheck = () => {
      clock += FILE_CHECK_INTERVAL_MS;
    };
    return { store, reports, waitForCheck };
  }

  it.each([
    ['the file alone', ['']],
    ['the file and its write-ahead log', ['', '-wal', '-shm']],
  ])(
    'notices %s gone at the first call a check interval later, says so loudly, and puts back everything stored',
    async (_, suffixes) => {
      const path = join(dir, 'bot.sqlite');
      const { store, reports, waitForCheck } = openReporting(path);
      await store.recordQuestion(question('before the deletion'));
      await store.claimDelivery('Ev-answered', NOW);
      await store.markDelivered('Ev-answered', NOW);
      for (const suffix of suffixes) rmSync(path + suffix, { force: true });

      await store.recordQuestion(question('after the deletion'));
      expect(reports).toEqual([]);
      waitForCheck();
      await store.recordQuestion(question('a second later'));

      expect(reports).toEqual([expect.stringContaining('deleted while the bot was running')]);
      expect(reports[0]).toContain('nothing lost');
      // As the next process, or the bot after a restart, finds the file.
      const next = open(path);
      expect((await next.listQuestions(new Date(0))).map((entry) => entry.question)).toEqual([
        'before the deletion',
        'after the deletion',
        'a second later',
      ]);
      expect(await next.claimDelivery('Ev-answered', new Date(NOW.getTime() + 3_600_000))).toBe(false);
    },
  );

  it('looks at the file when it is closed, so what was written since the last check is put back too', async () => {
    const path = join(dir, 'bot.sqlite');
    const { store, reports } = openReporting(path);
    await store.recordQuestion(question('before the deletion'));
    rmSync(path);
    await store.recordQuestion(question('after the deletion'));

    await store.close();

    expect(reports).toEqual([expect.stringContaining('deleted while the bot was running')]);
    expect((await open(path).listQuestions(new Date(0))).map((entry) => entry.question)).toEqual([
      'before the deletion',
      'after the deletion',
    ]);
  });

  it('uses a file that replaced it, saying so', async () => {
    const path = join(dir, 'bot.sqlite');
    const { store, reports, waitForCheck } = openReporting(path);
    await store.recordQuestion(question('in the old file'));
    const elsewhere = join(dir, 'restored.sqlite');
    await open(elsewhere).recordQuestion(question('in the restored file'));
    await opened.at(-1)?.close();
    for (const suffix of ['-wal', '-shm']) rmSync(path + suffix, { force: true });
    rmSync(path);
    renameSync(elsewhere, path);
    waitForCheck();

    expect((await store.listQuestions(new Date(0))).map((entry) => entry.question)).toEqual([
      'in the restored file',
    ]);
    expect(reports).toEqual([expect.stringContaining('replaced while the bot was running')]);
  });
});
