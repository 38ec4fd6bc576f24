import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqliteStore } from './sqlite.js';
import type { Store } from './store.js';

export type { FeedbackRecord, QuestionRecord, Store, Surface } from './store.js';

/** Where the bot keeps its database when DATABASE_URL is not set, relative to the working directory. */
export const DEFAULT_SQLITE_PATH = 'data/bot.sqlite';

const ACCEPTED_FORMS =
  'leave it unset for ./data/bot.sqlite, or use sqlite:<path>, file:<path>, file:///<absolute path>, ' +
  'or a plain path ending in .sqlite, .sqlite3 or .db';

/** Thrown when DATABASE_URL names a database this version of the bot cannot open. */
export class StoreError extends Error {
  constructor(
    readonly code: 'DATABASE_URL_INVALID' | 'DATABASE_UNSUPPORTED',
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** What DATABASE_URL points at; PostgreSQL will join this union when its store exists. */
export interface DatabaseTarget {
  kind: 'sqlite';
  /** An absolute path, or `:memory:` for a database that lives and dies with the process. */
  path: string;
}

/** Opens the store DATABASE_URL names (see {@link parseDatabaseUrl} for the forms). */
export function openStore(databaseUrl: string | undefined): Store {
  return openSqliteStore(parseDatabaseUrl(databaseUrl).path);
}

/** Reads DATABASE_URL without opening anything; relative paths are taken from `cwd`. */
export function parseDatabaseUrl(databaseUrl: string | undefined, cwd = process.cwd()): DatabaseTarget {
  const url = databaseUrl?.trim() ?? '';
  if (url === '') return { kind: 'sqlite', path: resolve(cwd, DEFAULT_SQLITE_PATH) };

  if (/^postgres(ql)?:\/\//i.test(url)) {
    // The URL is left out of the message: it usually carries a password.
    throw new StoreError(
      'DATABASE_UNSUPPORTED',
      'DATABASE_URL names a PostgreSQL database, but PostgreSQL is not available in this version yet. ' +
        `Use SQLite instead: ${ACCEPTED_FORMS}.`,
    );
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
