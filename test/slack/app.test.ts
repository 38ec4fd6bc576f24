import { describe, expect, it } from 'vitest';
import { loadConfig, type LogLevel } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createSlackBot } from '../../src/slack/app.js';
import { createTestDeps } from '../fakes/deps.js';

const ENV = {
  socket: { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_APP_TOKEN: 'xapp-test' },
  http: { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'test-signing-secret' },
} as const;

/**
 * Bolt's App sets the level of the logger it is given (to INFO unless told otherwise) when it is built,
 * so building the app is where LOG_LEVEL can be lost. The real HTTP receiver is checked end to end in
 * test/e2e/log-level.e2e.test.ts; Socket Mode needs Slack's WebSocket, so it is checked here.
 */
describe.each(['socket', 'http'] as const)('The Bolt app in %s mode', (mode) => {
  it.each(['debug', 'warn'] as const)('keeps LOG_LEVEL=%s', (level: LogLevel) => {
    const config = loadConfig({ ...ENV[mode], LOG_LEVEL: level }, mode);
    const lines: string[] = [];
    const { deps } = createTestDeps();
    const logger = createLogger(level, (line) => lines.push(line));
    createSlackBot(config, { ...deps, logger });
    lines.length = 0; // what Bolt wrote while being built

    logger.debug('a debug line');
    logger.info('an info line');
    logger.warn('a warn line');
    const written = lines.map((line) => (JSON.parse(line) as { msg: string }).msg);
    expect(written).toEqual(
      level === 'debug' ? ['a debug line', 'an info line', 'a warn line'] : ['a warn line'],
    );
  });
});
