import {
  App,
  HTTPReceiver,
  LogLevel,
  type AckFn,
  type CodedError,
  type Receiver,
  type ReceiverEvent,
} from '@slack/bolt';
import type { Server } from 'node:http';
import type { SlackConfig } from '../config.js';
import type { BotDeps } from '../conversation/deps.js';
import { registerListeners } from './listeners/index.js';
import { claimOnce, markDelivered } from '../conversation/record.js';
import { TIME_LIMITS } from '../limits.js';
import { refuseFutureTimestamps } from './verify-timestamp.js';
import { guardRequestBody } from './guard-request-body.js';
import { answerDockerCommandsDirectly } from './direct-command.js';
import type { AppLogger } from '../logger.js';
import { webClientOptions } from './web-client.js';

export interface SlackBot {
  app: App;
  /** Starts listening; in HTTP mode resolves with the port actually bound. */
  start(): Promise<{ port?: number }>;
  stop(): Promise<void>;
}

const BOLT_LEVELS = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
} as const;

const SLACK_ENDPOINT = '/slack/events';

/**
 * Builds the Bolt app for the configured mode. Transport (receivers) stays here; what the bot does is
 * in the listeners.
 */
export function createSlackBot(config: SlackConfig, deps: BotDeps): SlackBot {
  const clientOptions = webClientOptions(config.slackApiUrl, deps.timeLimits ?? TIME_LIMITS);
  let receiver: HTTPReceiver | undefined;
  let server: Server | undefined;
  let app: App;
  // convoStore: false — the bot keeps no per-conversation state, and Bolt's default in-memory store
  // (per process, so meaningless across replicas) throws and catches an error on every request.
  // Bolt's App sets its logger's level from this option (INFO when absent), in every mode: LOG_LEVEL must
  // be passed to the App itself, not only to the receiver.
  const logLevel = BOLT_LEVELS[config.logLevel];

  if (config.mode === 'socket') {
    app = new App({
      token: config.botToken,
      appToken: config.appToken,
      socketMode: true,
      convoStore: false,
      logger: deps.logger,
      logLevel,
      clientOptions,
    });
  } else {
    receiver = new HTTPReceiver({
      signingSecret: config.signingSecret,
      endpoints: [SLACK_ENDPOINT],
      logger: deps.logger,
      logLevel,
      customRoutes: [
        {
          path: '/healthz',
          method: ['GET'],
          handler: (_req, res) => {
            res.writeHead(200, { 'content-type': 'application/json' });
            // Still 200 when the store is unavailable: answers need no database, so restarting the
            // bot would only stop them. The store's state is there for whoever watches.
            res.end(
              JSON.stringify({
                ok: true,
                topics: deps.answers.current().kb.topics.length,
                store: deps.storeStatus?.state() ?? 'ok',
              }),
            );
          },
        },
      ],
    });
    app = new App({
      token: config.botToken,
      receiver: receiver as Receiver,
      convoStore: false,
      logger: deps.logger,
      logLevel,
      clientOptions,
    });
  }

  // Slack retries an event it thinks was missed (same event_id, X-Slack-Retry-Num); several replicas
  // may each receive it. The first to claim the event id in the shared store handles it.
  // Every request's work is counted, so a shutdown can wait for answers already being written, and
  // logged with its id and latency.
  let inFlight = 0;
  let drained: (() => void) | undefined;
  /** Counts the work in flight and logs the request with its latency, unless the work says it was ignored. */
  const handled = async (
    fields: Record<string, string | undefined>,
    work: () => Promise<'ignored' | void>,
  ): Promise<void> => {
    const started = performance.now();
    inFlight++;
    try {
      if ((await work()) === 'ignored') return;
      deps.logger.log('info', 'request handled', {
        ...fields,
        latency_ms: round(performance.now() - started),
      });
    } finally {
      inFlight--;
      if (inFlight === 0) drained?.();
    }
  };
  app.use(async ({ body, next }) => {
    const fields = requestFields(body);
    await handled(fields, async () => {
      const onceKey = fields.event_id ? `event:${fields.event_id}` : undefined;
      if (onceKey && !(await claimOnce(deps, onceKey))) {
        deps.logger.log('info', 'duplicate event ignored', fields);
        return 'ignored';
      }
      await next();
      // Handled: a retry is refused from now on. A process that dies before this point leaves the claim
      // to expire, and Slack's retry is handled then (the listener's own claim, e.g. a message's, too).
      if (onceKey) await markDelivered(deps, onceKey, { requestId: fields.event_id });
    });
  });
  registerListeners(app, deps);
  acknowledgeUnhandled(app, deps.logger);
  const listenerFailed = async (error: CodedError) => {
    deps.logger.log('error', 'listener failed', { error: error.original ?? error, code: error.code });
  };
  app.error(listenerFailed);

  if (receiver && config.mode === 'http') {
    // Read per request by the receiver's server: the guards, then `/docker` questions answered directly,
    // then Bolt.
    const bolt = receiver.requestListener;
    receiver.requestListener = refuseFutureTimestamps(
      guardRequestBody(bolt, {
        endpoint: SLACK_ENDPOINT,
        signingSecret: config.signingSecret,
        logger: deps.logger,
        answerDirectly: answerDockerCommandsDirectly({
          signingSecret: config.signingSecret,
          deps,
          app,
          bolt,
          handled,
          onError: listenerFailed,
        }),
      }),
    );
  }

  return {
    app,
    async start() {
      if (config.mode === 'socket') {
        await app.start();
        return {};
      }
      server = (await app.start(config.port)) as Server;
      const address = server.address();
      return { port: typeof address === 'object' && address ? address.port : config.port };
    },
    async stop() {
      // Stop accepting: close the listener and the idle keep-alive connections; requests being
      // received still complete. Then wait for the work they started (answers being posted).
      const closed = app.stop();
      server?.closeIdleConnections();
      await closed;
      if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
    },
  };
}

/**
 * Bolt answers a request that no listener acknowledges (an action id or a view this bot never
 * registered, a body whose type it cannot tell) only after 3 s, with 404 and an error log, and Slack
 * shows the user an error. Every listener here acknowledges before it does anything else, so a request
 * still unacknowledged once Bolt has run the listeners had none: it is acknowledged then, at once, and
 * logged at debug. (Bolt runs every matching listener, so a catch-all listener would acknowledge twice.)
 */
function acknowledgeUnhandled(app: App, logger: AppLogger): void {
  const processEvent = app.processEvent.bind(app);
  app.processEvent = async (event: ReceiverEvent) => {
    let acknowledged = false;
    const ack: AckFn<unknown> = async (response) => {
      acknowledged = true;
      await event.ack(response);
    };
    await processEvent({ ...event, ack });
    if (acknowledged) return;
    logger.log('debug', 'unhandled request acknowledged', requestFields(event.body));
    await event.ack();
  };
}

/** What identifies a request in the logs: the event id, or the command / action and its trigger. */
function requestFields(body: unknown): Record<string, string | undefined> {
  const b = body as {
    event_id?: string;
    event?: { type?: string };
    command?: string;
    type?: string;
    trigger_id?: string;
    callback_id?: string;
    actions?: { action_id?: string }[];
  };
  if (b.event_id) return { event_id: b.event_id, type: b.event?.type };
  if (b.command) return { command: b.command, trigger_id: b.trigger_id };
  return { type: b.type, action: b.actions?.[0]?.action_id ?? b.callback_id, trigger_id: b.trigger_id };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
