import type { WebClient } from '@slack/web-api';
import type { Config } from './config.js';
import { createSlackBot } from './slack/app.js';
import type { BotDeps } from './slack/deps.js';
import { createTipScheduler, type TimerFunctions, type TipScheduler } from './tips/scheduler.js';

export interface RunningBot {
  /** Port bound in HTTP mode. */
  port?: number;
  client: WebClient;
  tips: TipScheduler;
  /** Stops taking requests and ticking, waiting for work in progress; the caller closes the store. */
  stop(): Promise<void>;
}

/** Everything that runs when Slack is connected: the Bolt app and the tip-of-the-day scheduler. */
export async function startBot(config: Config, deps: BotDeps, timers?: TimerFunctions): Promise<RunningBot> {
  const bot = createSlackBot(config, deps);
  const { port } = await bot.start();
  for (const subscription of config.tipChannels) await deps.store.saveTipSubscription(subscription);
  const tips = createTipScheduler({ ...deps, client: bot.app.client }, timers);
  tips.start();
  return {
    port,
    client: bot.app.client,
    tips,
    async stop() {
      await tips.stop();
      await bot.stop();
    },
  };
}
