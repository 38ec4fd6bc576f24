/**
 * The floor `npm run bench:http` measures the bot against: a Bolt app in HTTP mode that answers `/docker`
 * with a fixed text in the acknowledgement itself, the cheapest reply Slack allows (one HTTP response, no
 * response_url POST). It is configured from the same environment as the bot (SLACK_BOT_TOKEN,
 * SLACK_SIGNING_SECRET, PORT, SLACK_API_URL, LOG_LEVEL) and is not part of it. The bench compiles it with
 * tsc beside the bot (bench/http/tsconfig.json) and starts dist/bench/http/bare-bolt.js with the bot's heap
 * limits: a few lines of JavaScript over Bolt's own.
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
  // The cheapest Bolt app: without this, Bolt's default conversation store throws and catches an error
  // on every request (the bot turns it off too, src/slack/app.ts), which would flatter the bot.
  convoStore: false,
  logLevel: BOLT_LOG_LEVELS[config.logLevel],
  clientOptions: config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {},
});

app.command('/docker', async ({ ack }) => {
  await ack({ response_type: 'ephemeral', text: 'ok' });
});

await app.start({ port: config.port, host: '127.0.0.1' });
// The bench stops it with SIGTERM; exiting normally lets `node --cpu-prof` write its profile.
process.once('SIGTERM', () => process.exit(0));
