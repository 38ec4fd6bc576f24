/**
 * Entry point, and the only module with side effects: configuration → knowledge → store → Slack app
 * (or the local console when no Slack token is set).
 */
import 'dotenv/config';
import { ConfigError, loadConfig } from './config.js';
import { randomBytes } from 'node:crypto';
import { createAnswerService } from './answers/answer-service.js';
import { answerButtons } from './answers/button-values.js';
import { startBot } from './bot.js';
import { runConsole } from './console/console.js';
import { KnowledgeError } from './knowledge/errors.js';
import { loadKnowledge } from './knowledge/load.js';
import { createLogger } from './logger.js';
import type { BotDeps } from './conversation/deps.js';
import { reloadLearned } from './conversation/learned-sync.js';
import { openResilientStore } from './store/resilient.js';

const SHUTDOWN_LIMIT_MS = 10_000;

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
    kb = loadKnowledge(config.knowledgeDir);
  } catch (error) {
    if (error instanceof KnowledgeError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }

  const store = await openResilientStore(config.databaseUrl, logger);
  const deps: BotDeps = {
    answers: createAnswerService(kb),
    store,
    // Every replica has the bot token, so each accepts the buttons another made; the console's buttons
    // are never clicked by anyone else, so a key of its own is enough there.
    buttons: answerButtons(config.mode === 'console' ? randomBytes(32).toString('hex') : config.botToken),
    storeStatus: store.status,
    logger,
    scheduleClock: () => new Date(),
    tipTimeZone: config.tipTimeZone,
    adminUserIds: config.adminUserIds,
    helpChannel: config.helpChannel,
    experts: config.experts,
    staleAfterDays: config.staleAfterDays,
    storeQuestions: config.storeQuestions,
  };

  if (config.mode === 'console') {
    await reloadLearned(deps).catch((error: unknown) =>
      logger.log('error', 'could not read the learned phrasings; answering without them', { error }),
    );
    await runConsole(deps, process.stdin, process.stdout);
    await store.close();
    return 0;
  }

  const bot = await startBot(config, deps);
  logger.log('info', 'bot started', {
    mode: config.mode,
    port: bot.port,
    topics: kb.topics.length,
    store: store.status.state(),
  });

  process.on('unhandledRejection', (error) => logger.log('error', 'unhandled rejection', { error }));
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => void shutDown(signal));
  }
  return -1;

  /**
   * Kubernetes sends SIGTERM and kills 30 s later; ECS after 30 s too. Stop accepting, finish the answers
   * in flight, stop the scheduler, close the store, exit 0 — or give up after SHUTDOWN_LIMIT_MS.
   */
  async function shutDown(signal: string) {
    logger.log('info', 'shutting down', { signal });
    const started = Date.now();
    const giveUp = setTimeout(() => {
      logger.log('error', 'shutdown took too long; exiting', { limit_ms: SHUTDOWN_LIMIT_MS });
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS);
    giveUp.unref();
    try {
      await bot.stop();
      await store.close();
      logger.log('info', 'stopped', { ms: Date.now() - started });
      process.exit(0);
    } catch (error) {
      logger.log('error', 'shutdown failed', { error });
      process.exit(1);
    }
  }
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
