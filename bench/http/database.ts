import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { redactDatabaseUrl } from '../../src/store/index.js';

/** Tries, half a second apart, at dropping the bench's PostgreSQL database. */
const DROP_ATTEMPTS = 10;

/** A PostgreSQL database the bench made for its bots (--postgres-admin-url), to drop at the end. */
export interface BenchDatabase {
  name: string;
  /** The bots' DATABASE_URL. */
  url: string;
  /** Drops the database once the bots are gone; a second call does nothing more. */
  drop(): Promise<void>;
}

/**
 * Creates `bench_<random>` through the admin URL. The admin connection stays open until the drop:
 * .ci/postgres.sh gives the role a new password each time it runs, and an open session outlives that,
 * where a new connection at the end would be refused.
 */
export async function createBenchDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  // An idle client that loses its server emits 'error', which would otherwise end the bench; the drop reports it.
  admin.on('error', () => {});
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (error) {
    await admin.end().catch(() => {});
    throw new Error(
      `Could not create ${name} through ${redactDatabaseUrl(adminUrl)}: ${errorMessage(error)}`,
    );
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped: Promise<void> | undefined;
  return {
    name,
    url: url.href,
    drop: () => (dropped ??= dropDatabase(admin, name)),
  };
}

/**
 * FORCE ends a straggling bot connection, but a role without pg_signal_backend may not end an autovacuum
 * worker still busy with the bots' inserts; that is refused, so the drop is tried again for a few seconds.
 */
async function dropDatabase(admin: pg.Client, name: string): Promise<void> {
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        return;
      } catch (error) {
        if (attempt >= DROP_ATTEMPTS) throw error;
        await sleep(500);
      }
    }
  } finally {
    await admin.end().catch(() => {});
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
