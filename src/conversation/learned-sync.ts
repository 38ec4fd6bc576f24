import type { TimerFunctions } from '../tips/scheduler.js';
import type { BotDeps } from './deps.js';

/**
 * Loads every learned phrasing from the store into the answer service (the index is rebuilt: tens of
 * milliseconds: `npm run bench:learned`). Called after teaching on this replica, so the phrasing
 * answers at once, and by the poll below when another replica taught one.
 */
export async function reloadLearned(deps: Pick<BotDeps, 'store' | 'answers'>): Promise<number> {
  const learned = await deps.store.listLearnedPhrasings();
  deps.answers.learn(learned);
  return learned.length;
}

export interface LearnedSync {
  /** One poll now: reloads the phrasings when the store's marker changed since the last one seen. */
  poll(): Promise<void>;
  stop(): void;
}

/**
 * Every `intervalMs`, reads the store's cheap change marker and reloads the learned phrasings only when
 * it changed: what another replica taught answers here within one interval. A poll that fails (the
 * database down) is logged once per outage and changes nothing: the phrasings loaded before keep serving.
 */
export function startLearnedSync(
  deps: Pick<BotDeps, 'store' | 'answers' | 'logger'>,
  intervalMs: number,
  timers: TimerFunctions,
): LearnedSync {
  let seen: string | undefined;
  let failing = false;
  let running: Promise<void> | undefined;

  async function pollOnce(): Promise<void> {
    try {
      const version = await deps.store.learnedVersion();
      if (version !== seen) {
        const count = await reloadLearned(deps);
        if (seen !== undefined || count > 0) deps.logger.log('info', 'learned phrasings loaded', { count });
        seen = version;
      }
      if (failing) deps.logger.log('info', 'learned phrasings can be read again');
      failing = false;
    } catch (error) {
      if (!failing) {
        deps.logger.log('error', 'could not read the learned phrasings; answering with those loaded before', {
          error,
        });
      }
      failing = true;
    }
  }

  const poll = () => (running ??= pollOnce().finally(() => (running = undefined)));
  void poll();
  const handle = timers.setInterval(() => void poll(), intervalMs);
  return {
    poll,
    stop: () => timers.clearInterval(handle),
  };
}
