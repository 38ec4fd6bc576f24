import { describe, expect, it } from 'vitest';
import { createAnswerService } from '../../src/answers/answer-service.js';
import { startLearnedSync } from '../../src/conversation/learned-sync.js';
import { createLogger } from '../../src/logger.js';
import { FIXED_NOW, realKnowledge } from '../fakes/deps.js';
import { createMemoryDatabase, createMemoryStore } from '../fakes/memory-store.js';

/** Timers a test ticks by hand. */
function manualTimers() {
  const callbacks: (() => void)[] = [];
  return {
    timers: {
      setInterval: (callback: () => void) => callbacks.push(callback),
      clearInterval: () => void callbacks.splice(0),
    },
    tick: () => callbacks.forEach((callback) => callback()),
  };
}

describe('When another replica teaches a phrasing', () => {
  it('answers it here after the next poll of the store', async () => {
    const database = createMemoryDatabase();
    const here = createMemoryStore(database);
    const there = createMemoryStore(database);
    const answers = createAnswerService(realKnowledge());
    const lines: string[] = [];
    const { timers, tick } = manualTimers();
    const sync = startLearnedSync(
      { store: here, answers, logger: createLogger('debug', (l) => lines.push(l)) },
      3000,
      timers,
    );
    await sync.poll();
    expect(answers.answer('kb keeps forgetting stuff').topic).toBeNull();

    await there.saveLearnedPhrasing({
      phrasing: 'kb keeps forgetting stuff',
      normalized: 'kb keeps forgetting stuff',
      topic: 'volumes',
      taughtBy: 'UADMIN',
      taughtAt: FIXED_NOW,
    });
    tick();
    await sync.poll();
    expect(answers.answer('kb keeps forgetting stuff').topic).toBe('volumes');
    sync.stop();
  });

  it('keeps serving what it loaded when the store fails, and logs the failure once', async () => {
    const store = createMemoryStore();
    await store.saveLearnedPhrasing({
      phrasing: 'kb keeps forgetting stuff',
      normalized: 'kb keeps forgetting stuff',
      topic: 'volumes',
      taughtBy: 'UADMIN',
      taughtAt: FIXED_NOW,
    });
    const answers = createAnswerService(realKnowledge());
    const lines: string[] = [];
    const { timers } = manualTimers();
    const sync = startLearnedSync(
      { store, answers, logger: createLogger('debug', (l) => lines.push(l)) },
      3000,
      timers,
    );
    await sync.poll();
    store.failWith('learnedVersion', new Error('database is down'));
    await sync.poll();
    await sync.poll();

    expect(answers.answer('kb keeps forgetting stuff').topic).toBe('volumes');
    const errors = lines
      .map((line) => JSON.parse(line) as { level: string; msg: string })
      .filter((e) => e.level === 'error');
    expect(errors.map((e) => e.msg)).toEqual([
      'could not read the learned phrasings; answering with those loaded before',
    ]);
    sync.stop();
  });
});
