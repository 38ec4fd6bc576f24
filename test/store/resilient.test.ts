import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { openResilientStore } from '../../src/store/resilient.js';
import { StoreError } from '../../src/store/index.js';
import type { Store } from '../../src/store/store.js';
import { createMemoryStore } from '../fakes/memory-store.js';

const NOW = new Date('2025-06-01T12:00:00Z');
const URL = 'postgres://bot@127.0.0.1:1/bot';

function logged() {
  const lines: string[] = [];
  const logger = createLogger('debug', (line) => lines.push(line));
  return { logger, messages: () => lines.map((line) => (JSON.parse(line) as { msg: string }).msg) };
}

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('When the database cannot be opened at start', () => {
  it('starts anyway, fails every call at once with DATABASE_UNAVAILABLE, and logs it', async () => {
    const log = logged();
    const store = await openResilientStore(URL, log.logger, {
      open: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:1')),
      reopenFirstMs: 60_000,
    });

    expect(store.status.state()).toBe('unavailable');
    await expect(store.claimDelivery('Ev1', NOW)).rejects.toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
    expect(log.messages()).toContain(
      'could not open the store: answering without it, trying again in the background',
    );
    await store.close();
  });

  it('opens it in the background once it is back, and works from then on', async () => {
    const log = logged();
    let attempts = 0;
    const database = createMemoryStore();
    const store = await openResilientStore(URL, log.logger, {
      open: async (): Promise<Store> => {
        if (++attempts < 3) throw new Error('the database system is starting up');
        return database;
      },
      reopenFirstMs: 1,
      reopenMaxMs: 2,
    });
    const available: string[] = [];
    store.status.onceAvailable(() => available.push('called'));

    await until(() => store.status.state() === 'ok');
    expect(await store.claimDelivery('Ev1', NOW)).toBe(true);
    expect(database.claims.has('Ev1')).toBe(true);
    expect(available).toEqual(['called']);
    expect(log.messages()).toContain('store opened');
    await store.close();
  });

  it('still refuses a DATABASE_URL that no wait would fix', async () => {
    await expect(openResilientStore('mysql://db/bot', logged().logger)).rejects.toThrow(StoreError);
  });
});

describe('When an open database fails', () => {
  it('reports the store unavailable until a call succeeds again, logging each change', async () => {
    const log = logged();
    const database = createMemoryStore();
    const store = await openResilientStore(URL, log.logger, { open: async () => database });
    database.failWith('recordFeedback', new Error('Connection terminated unexpectedly'));

    await expect(
      store.recordFeedback({
        question: 'q',
        topic: 't',
        channel: 'C1',
        userId: 'U1',
        helpful: true,
        at: NOW,
      }),
    ).rejects.toThrow('Connection terminated');
    expect(store.status.state()).toBe('unavailable');

    await store.claimDelivery('Ev1', NOW);
    expect(store.status.state()).toBe('ok');
    expect(log.messages()).toEqual(
      expect.arrayContaining([
        'store unavailable: answering without it; questions and feedback are not stored',
        'store available again',
      ]),
    );
  });
});
