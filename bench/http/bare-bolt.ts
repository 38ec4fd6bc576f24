/**
 * The floor `npm run bench:http` measures the bot against: a Bolt app in HTTP mode that only acknowledges
 * `/docker` and replies with a fixed text through response_url. It is configured from the same environment
 * as the bot (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, PORT, SLACK_API_URL, LOG_LEVEL) and is not part of it.
 */
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { loadConfig, type LogLevel as ConfigLogLevel } from '../../src/config.js';

const BOLT_LOG_LEVELS: Record<ConfigLogLevel, LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

const config = loadConfig();
if (config.mode !== 'http') {
  console.error('bare-bolt runs in HTTP mode only: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET.');
  process.exit(1);
}

const receiver = new HTTPReceiver({
  signingSecret: config.signingSecret as string,
  endpoints: ['/slack/events'],
  logLevel: BOLT_LOG_LEVELS[config.logLevel],
  // The bench waits for /healthz before loading, as it does for the bot, which has the same route.
  customRoutes: [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      },
    },
  ],
});

const app = new App({
  token: config.botToken,
  receiver,
  logLevel: BOLT_LOG_LEVELS[config.logLevel],
  clientOptions: config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {},
});

app.command('/docker', async ({ ack, respond }) => {
  await ack();
  await respond({ response_type: 'ephemeral', text: 'ok' });
});

await app.start({ port: config.port, host: '127.0.0.1' });
