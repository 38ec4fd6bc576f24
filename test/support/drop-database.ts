import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';

/**
 * PostgreSQL refuses `DROP DATABASE … WITH (FORCE)` to a non-superuser while a backend of another role
 * is attached to the database — an autovacuum worker that started on a test database full of fresh
 * rows (42501), or one still starting (55006). Both pass within moments: try again for a few seconds.
 */
const PASSING = new Set(['42501', '55006']);

/** Drops a database a test created, waiting out the autovacuum workers PostgreSQL may have started on it. */
export async function dropTestDatabase(admin: pg.Pool, database: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (!PASSING.has(code) || attempt >= 20) throw error;
      await sleep(250);
    }
  }
}
