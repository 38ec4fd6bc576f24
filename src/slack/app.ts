import { App, HTTPReceiver, type Receiver } from '@slack/bolt';
import type { Server } from 'node:http';
import type { Config } from '../config.js';
import type { BotDeps } from './deps.js';
import { registerListeners } from './listeners/index.js';
import { claimOnce } from './record.js';
import { refuseFutureTimestamps } from './verify-timestamp.js';

export interface SlackBot {
  app: App;
  /** Starts listening; in HTTP mode resolves with the port actually bound. */
  start(): Promise<{ port?: number }>;
  stop(): Promise<void>;
}

/** Web API calls retry a little, not for half an hour: a reply that late is worthless. */
const RETRY_CONFIG = { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 2000 };

/**
 * Builds the Bolt app for the configured mode. Transport (receivers) stays here; what the bot does is
 * in the listeners.
 */
export function createSlackBot(config: Config, deps: BotDeps): SlackBot {
  if (config.mode === 'console') throw new Error('createSlackBot needs Slack tokens; use the local console');
  const clientOptions = {
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    retryConfig: RETRY_CONFIG,
    timeout: 10_000,
  };
  let receiver: HTTPReceiver | undefined;
  let app: App;

  if (config.mode === 'socket') {
    app = new App({
      token: config.botToken,
      appToken: config.appToken,
      socketMode: true,
      logger: deps.logger,
      clientOptions,
    });
  } else {
    receiver = new HTTPReceiver({
      signingSecret: config.signingSecret as string,
      endpoints: ['/slack/events'],
      logger: deps.logger,
      customRoutes: [
        {
          path: '/healthz',
          method: ['GET'],
          handler: (_req, res) => {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ ok: true, topics: deps.answers.current().kb.topics.length }));
          },
        },
      ],
    });
    receiver.requestListener = refuseFutureTimestamps(receiver.requestListener, deps.now);
    app = new App({
      token: config.botToken,
      receiver: receiver as Receiver,
      logger: deps.logger,
      clientOptions,
    });
  }

  // Slack retries an event it thinks was missed (same event_id, X-Slack-Retry-Num); several replicas
  // may each receive it. The first to claim the event id in the shared store handles it.
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: string }).event_id;
    if (eventId && !(await claimOnce(deps, `event:${eventId}`))) {
      deps.logger.log('info', 'duplicate event ignored', { event_id: eventId });
      return;
    }
    await next();
  });
  registerListeners(app, deps);
  app.error(async (error) => {
    deps.logger.log('error', 'listener failed', { error: error.original ?? error, code: error.code });
  });

  return {
    app,
    async start() {
      if (config.mode === 'socket') {
        await app.start();
        return {};
      }
      const server = (await app.start(config.port)) as Server;
      const address = server.address();
      return { port: typeof address === 'object' && address ? address.port : config.port };
    },
    async stop() {
      await app.stop();
    },
  };
}
