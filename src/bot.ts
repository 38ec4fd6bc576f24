import type { WebClient } from '@slack/web-api';
import type { SlackConfig } from './config.js';
import { formatProblem, KnowledgeError } from './knowledge/errors.js';
import { watchKnowledge } from './knowledge/watch.js';
import { DAY_MS } from './report/report.js';
import { createSlackBot } from './slack/app.js';
import type { BotDeps } from './conversation/deps.js';
import { startLearnedSync } from './conversation/learned-sync.js';
import { TIME_LIMITS } from './limits.js';
import { createTipScheduler, realTimers, type TimerFunctions, type TipScheduler } from './tips/scheduler.js';

export interface RunningBot {
  /** Port bound in HTTP mode. */
  port?: number;
  client: WebClient;
  tips: TipScheduler;
  /** Stops taking requests and ticking, waiting for work in progress; the caller closes the store. */
  stop(): Promise<void>;
}

/** Everything that runs when Slack is connected: the Bolt app and the tip-of-the-day scheduler. */
export async function startBot(
  config: SlackConfig,
  deps: BotDeps,
  timers?: TimerFunctions,
): Promise<RunningBot> {
  const bot = createSlackBot(config, deps);
  const { port } = await bot.start();
  await saveTipChannels(config, deps);
  const tips = createTipScheduler({ ...deps, client: bot.app.client }, timers);
  tips.start();
  const retention = startRetention(config, deps, timers);
  const learned = startLearnedSync(
    deps,
    (deps.timeLimits ?? TIME_LIMITS).learnedPollMs,
    timers ?? realTimers,
  );
  const knowledge = watchKnowledge(config.knowledgeDir, {
    onReload: (kb) => {
      deps.answers.replace(kb);
      deps.logger.log('info', 'knowledge reloaded', { topics: kb.topics.length });
    },
    onError: (error) =>
      deps.logger.log('error', 'knowledge edit rejected; the previous knowledge keeps serving', {
        problems: error instanceof KnowledgeError ? error.problems.map(formatProblem) : [error.message],
      }),
  });
  return {
    port,
    client: bot.app.client,
    tips,
    async stop() {
      knowledge.close();
      learned.stop();
      retention.stop();
      await tips.stop();
      await bot.stop();
    },
  };
}

/** Saves TIP_CHANNELS' subscriptions; with the store unavailable at start, once it is available. */
async function saveTipChannels(config: SlackConfig, deps: BotDeps): Promise<void> {
  const save = async () => {
    for (const subscription of config.tipChannels) await deps.store.saveTipSubscription(subscription);
  };
  try {
    await save();
  } catch (error) {
    deps.logger.log('error', 'could not save TIP_CHANNELS; saving them once the store is available', {
      error,
    });
    deps.storeStatus?.onceAvailable(() => {
      save().then(
        () => deps.logger.log('info', 'TIP_CHANNELS saved'),
        (retryError: unknown) =>
          deps.logger.log('error', 'could not save TIP_CHANNELS', { error: retryError }),
      );
    });
  }
}

/** Deletes question text and feedback older than RETENTION_DAYS, at start and then daily. */
function startRetention(config: SlackConfig, deps: BotDeps, timers: TimerFunctions = realTimers) {
  const prune = () =>
    deps.store
      .prune(new Date(deps.scheduleClock().getTime() - config.retentionDays * DAY_MS))
      .catch((error: unknown) => deps.logger.log('error', 'could not prune old questions', { error }));
  void prune();
  const handle = timers.setInterval(() => void prune(), DAY_MS);
  return { stop: () => timers.clearInterval(handle) };
}
