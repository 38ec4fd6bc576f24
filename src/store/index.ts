import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPostgresStore } from './postgres.js';
import { openSqliteStore } from './sqlite.js';
import type { Store } from './store.js';
import type { AppLogger } from '../logger.js';

export type { FeedbackRecord, QuestionRecord, Store, Surface } from './store.js';

/** Where the bot keeps its database when DATABASE_URL is not set, relative to the working directory. */
export const DEFAULT_SQLITE_PATH = 'data/bot.sqlite';

const ACCEPTED_FORMS =
  'leave it unset for ./data/bot.sqlite, or use sqlite:<path>, file:<path>, file:///<absolute path>, ' +
  'a plain path ending in .sqlite, .sqlite3 or .db, ' +
  'or postgres://<user>:<password>@<host>:<port>/<database> for PostgreSQL';

/** Thrown when DATABASE_URL names a database this version of the bot cannot open. */
export class StoreError extends Error {
  constructor(
    readonly code: 'DATABASE_URL_INVALID' | 'DATABASE_UNAVAILABLE',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}

/** What DATABASE_URL points at. */
export type DatabaseTarget =
  | {
      kind: 'sqlite';
      /** An absolute path, or `:memory:` for a database that lives and dies with the process. */
      path: string;
    }
  | {
      kind: 'postgres';
      /** The URL as given, password included: pass it to the driver, never to a message or a log. */
      url: string;
    };

/**
 * Opens the store DATABASE_URL names (see {@link parseDatabaseUrl} for the forms); `logger` hears of a
 * SQLite file deleted while the bot runs (see openSqliteStore). PostgreSQL is
 * connected to and migrated before this resolves, so a server that cannot be reached fails the start.
 */
export async function openStore(databaseUrl: string | undefined, logger?: AppLogger): Promise<Store> {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.kind === 'sqlite') {
    return openSqliteStore(target.path, (message, fields) => logger?.log('error', message, fields));
  }
  try {
    return await openPostgresStore(target.url);
  } catch (error) {
    const reason = describeError(error);
    throw new StoreError(
      'DATABASE_UNAVAILABLE',
      `Could not open the PostgreSQL database DATABASE_URL names (${redactDatabaseUrl(target.url)}): ` +
        withoutPassword(reason, target.url),
      { cause: error },
    );
  }
}

/**
 * The URL with its `user:password@` and query (which may carry `password=`) masked, for messages and
 * logs: `postgres://bot:s3cret@db:5432/bot?sslmode=require` → `postgres://***@db:5432/bot?***`.
 */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const credentials = parsed.username || parsed.password ? '***@' : '';
    const query = parsed.search ? '?***' : '';
    return `${parsed.protocol}//${credentials}${parsed.host}${parsed.pathname}${query}`;
  } catch {
    return 'an unreadable URL';
  }
}

/** The driver's messages carry no password today; this keeps it so if one ever echoes the URL. */
function withoutPassword(text: string, url: string): string {
  let password = '';
  try {
    password = new URL(url).password;
  } catch {
    // parseDatabaseUrl has already refused a URL that does not parse.
  }
  if (password === '') return text;
  let cleaned = text;
  for (const form of new Set([password, safeDecode(password)])) cleaned = cleaned.split(form).join('***');
  return cleaned;
}

/** Node reports a host that resolves to several addresses (localhost: ::1 and 127.0.0.1) as an AggregateError with no message. */
function describeError(error: unknown): string {
  if (error instanceof AggregateError && error.message === '') {
    return error.errors.map(describeError).join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Reads DATABASE_URL without opening anything; relative paths are taken from `cwd`. */
export function parseDatabaseUrl(databaseUrl: string | undefined, cwd = process.cwd()): DatabaseTarget {
  const url = databaseUrl?.trim() ?? '';
  if (url === '') return { kind: 'sqlite', path: resolve(cwd, DEFAULT_SQLITE_PATH) };

  if (/^postgres(ql)?:\/\//i.test(url)) {
    if (!URL.canParse(url)) {
      // The URL is left out of the message: it usually carries a password.
      throw new StoreError(
        'DATABASE_URL_INVALID',
        'DATABASE_URL is a PostgreSQL URL that does not parse (a password with @, / or : must be ' +
          `percent-encoded): ${ACCEPTED_FORMS}.`,
      );
    }
    return { kind: 'postgres', url };
  }

  const scheme = /^(sqlite|file):/i.exec(url);
  if (scheme) return { kind: 'sqlite', path: sqlitePath(url.slice(scheme[0].length), cwd) };

  const otherScheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url);
  if (!otherScheme && /\.(sqlite3?|db)$/i.test(url)) return { kind: 'sqlite', path: resolve(cwd, url) };

  // Only the scheme is echoed, for the same reason as above; a bare path holds no secret.
  const shown = otherScheme ? `a ${otherScheme[1]}: URL` : `"${url}"`;
  throw new StoreError(
    'DATABASE_URL_INVALID',
    `DATABASE_URL is ${shown}, which is not accepted: ${ACCEPTED_FORMS}.`,
  );
}

/** The part after `sqlite:` or `file:`: a path, or `//…` as in a file URL (`file:///var/bot.sqlite`). */
function sqlitePath(rest: string, cwd: string): string {
  if (rest === ':memory:') return rest;
  if (rest.startsWith('//')) {
    try {
      // Decodes %20 and friends, and refuses a host, which a local file cannot have.
      return fileURLToPath(`file:${rest}`);
    } catch (error) {
      throw new StoreError(
        'DATABASE_URL_INVALID',
        `DATABASE_URL is not a usable file URL (${error instanceof Error ? error.message : String(error)}): ${ACCEPTED_FORMS}.`,
      );
    }
  }
  if (rest === '') {
    throw new StoreError('DATABASE_URL_INVALID', `DATABASE_URL names no file: ${ACCEPTED_FORMS}.`);
  }
  return resolve(cwd, rest);
}
