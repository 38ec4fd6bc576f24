import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/store.js';

/**
 * Real SQLite files for a test file: `tempDb()` names a fresh file in its own temporary folder,
 * `open(path)` opens the bot's store on it (several times, as restarts or replicas do), and every store
 * opened is closed after each test.
 */
export function sqliteFiles(prefix: string): { tempDb: () => string; open: (path: string) => Store } {
  const opened: Store[] = [];
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
  });
  return {
    tempDb: () => join(mkdtempSync(join(tmpdir(), `${prefix}-`)), 'bot.sqlite'),
    open: (path) => {
      const store = openSqliteStore(path);
      opened.push(store);
      return store;
    },
  };
}
