import type { WebClient } from '@slack/web-api';
import type { AnswerService } from '../answers/answer-service.js';
import { tipMessage } from '../answers/slack-messages.js';
import { phraseWith } from '../answers/messages.js';
import type { Lang } from '../knowledge/types.js';
import type { AppLogger } from '../logger.js';
import { callRateLimited, slackErrorCode } from '../slack/deliver.js';
import type { Store, TipSubscription } from '../store/store.js';
import { pickNextTip } from './rotation.js';
import { dueLocalDate } from './schedule.js';
import {
  CHANNEL_GONE,
  createWeeklyQuizPoster,
  tellSubscriber as directMessageSubscriber,
} from './weekly-quiz-poster.js';

export interface TipSchedulerDeps {
  store: Store;
  client: WebClient;
  answers: AnswerService;
  logger: AppLogger;
  /** The scheduling clock: tips, retention, reports and stored times. Requests are judged by the real clock. */
  scheduleClock: () => Date;
}

export interface TipScheduler {
  /**
   * Posts every tip, weekly quiz and quiz summary line that is due now (and not yet claimed); resolves
   * with the slot keys posted: a tip's channel, `weeklyQuizSlotKey` and `weeklyQuizSummaryKey`.
   */
  tick(): Promise<string[]>;
  /** Ticks now (the catch-up after downtime) and then every minute. */
  start(): void;
  /** Stops ticking and waits for a tick in progress. */
  stop(): Promise<void>;
}

export interface TimerFunctions {
  setInterval: (callback: () => void, ms: number) => unknown;
  clearInterval: (handle: unknown) => void;
}

export const realTimers: TimerFunctions = {
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};

/**
 * One tick a minute, with the clock passed in: tests call `tick()` at any instant instead of waiting.
 * The same tick posts the channels' weekly quizzes (weekly-quiz-poster.ts): one timer for both.
 * Exactly once per channel and local date comes from the store's slot claim, not from this process,
 * so restarts and replicas sharing a database cannot post twice.
 */
export function createTipScheduler(
  deps: TipSchedulerDeps,
  timers: TimerFunctions = realTimers,
): TipScheduler {
  let handle: unknown;
  let running: Promise<string[]> | undefined;
  const quizzes = createWeeklyQuizPoster(deps);

  async function tick(): Promise<string[]> {
    const posted: string[] = [];
    const now = deps.scheduleClock();
    for (const subscription of await deps.store.listTipSubscriptions()) {
      if (subscription.pausedReason) continue;
      const localDate = dueLocalDate(subscription, now);
      if (!localDate) continue;
      if (!(await deps.store.claimTipSlot(subscription.channel, localDate, now))) continue;
      if (await postTip(subscription, localDate)) posted.push(subscription.channel);
    }
    posted.push(...(await quizzes.tick(now)));
    return posted;
  }

  async function postTip(subscription: TipSubscription, localDate: string): Promise<boolean> {
    const { channel } = subscription;
    const { kb } = deps.answers.current();
    const rotation = await deps.store.tipRotation(channel);
    const pick = pickNextTip(
      kb.topics.map((topic) => topic.id),
      rotation,
    );
    const topic = pick ? kb.byId.get(pick.topic) : undefined;
    if (!pick || !topic) return false;
    const cycle = pick.nextCycle ? rotation.cycle + 1 : rotation.cycle;
    if (pick.nextCycle) await deps.store.startTipCycle(channel, cycle);

    try {
      // Posted once: a 429 in this channel is waited out (its Retry-After, bounded), a timeout or a 5xx
      // is not tried again, since the tip may have been posted all the same.
      await callRateLimited(deps.client, { method: 'chat.postMessage', channel }, () =>
        deps.client.chat.postMessage({ channel, ...tipMessage(topic, subscription.lang) }),
      );
      await deps.store.recordTipPosted(channel, localDate, topic.id, cycle);
      deps.logger.log('info', 'tip posted', { channel, topic: topic.id, local_date: localDate });
      return true;
    } catch (error) {
      const code = slackErrorCode(error);
      if (CHANNEL_GONE.has(code)) {
        await deps.store.pauseTipSubscription(channel, code);
        deps.logger.log('warn', 'tip subscription paused', { channel, code });
        await tellSubscriber(subscription, code);
      } else {
        // The slot stays claimed: a tip missed today is better than a tip posted twice.
        deps.logger.log('error', 'tip could not be posted', { channel, code });
      }
      return false;
    }
  }

  async function tellSubscriber(subscription: TipSubscription, reason: string) {
    if (!subscription.subscriber) return;
    const langs: Lang[] = subscription.lang === 'both' ? ['en', 'ja'] : [subscription.lang];
    const text = langs
      .map((lang) => phraseWith('tipPaused', lang, { channel: `<#${subscription.channel}>`, reason }))
      .join('\n\n');
    await directMessageSubscriber(deps, subscription.subscriber, text);
  }

  function runTick(): Promise<string[]> {
    if (running) return running;
    running = tick()
      .catch((error: unknown) => {
        deps.logger.log('error', 'tip tick failed', { error });
        return [];
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  return {
    tick: runTick,
    start() {
      void runTick();
      handle = timers.setInterval(() => void runTick(), 60_000);
    },
    async stop() {
      if (handle !== undefined) timers.clearInterval(handle);
      handle = undefined;
      await running;
    },
  };
}
