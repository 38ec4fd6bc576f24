/**
 * Entry point, and the only module with side effects: configuration → knowledge → store → Slack app
 * (or the local console when no Slack token is set).
 */
import 'dotenv/config';
import { ConfigError, loadConfig } from './config.js';
import { createAnswerService } from './answers/answer-service.js';
import { startBot } from './bot.js';
import { runConsole } from './console/console.js';
import { KnowledgeError } from './knowledge/errors.js';
import { loadKnowledge } from './knowledge/load.js';
import { createLogger } from './logger.js';
import { DEFAULT_KNOWLEDGE_DIR } from './paths.js';
import type { BotDeps } from './slack/deps.js';
import { openStore } from './store/index.js';

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`${error.message}\nSee .env.example for every variable.`);
      return 1;
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);

  let kb;
  try {
    kb = loadKnowledge(config.knowledgeDir ?? DEFAULT_KNOWLEDGE_DIR);
  } catch (error) {
    if (error instanceof KnowledgeError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }

  const store = openStore(config.databaseUrl);
  const deps: BotDeps = {
    answers: createAnswerService(kb),
    store,
    logger,
    now: () => new Date(),
    tipTimeZone: config.tipTimeZone,
  };

  if (config.mode === 'console') {
    await runConsole(deps, process.stdin, process.stdout);
    await store.close();
    return 0;
  }

  const bot = await startBot(config, deps);
  logger.log('info', 'bot started', { mode: config.mode, port: bot.port, topics: kb.topics.length });

  process.on('unhandledRejection', (error) => logger.log('error', 'unhandled rejection', { error }));
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.log('info', 'shutting down', { signal });
      void bot
        .stop()
        .then(() => store.close())
        .then(
          () => process.exit(0),
          () => process.exit(1),
        );
    });
  }
  return -1;
}

main().then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
