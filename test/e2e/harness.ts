import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnswerService } from '../../src/answers/answer-service.js';
import { answerButtons } from '../../src/answers/button-values.js';
import { loadConfig } from '../../src/config.js';
import type { TimeLimits } from '../../src/limits.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { createLogger } from '../../src/logger.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/paths.js';
import { startBot as startRunningBot, type RunningBot as Running } from '../../src/bot.js';
import type { TimerFunctions } from '../../src/tips/scheduler.js';
import type { BotDeps } from '../../src/conversation/deps.js';
import { openStore } from '../../src/store/index.js';
import { SIGNING_SECRET } from '../support/signed.js';

export const BOT_TOKEN = 'xoxb-test';

export interface RunningBot {
  url: string;
  running: Running;
  scheduleClock: { now: Date };
  dbPath: string;
  logs: string[];
  deps: BotDeps;
  stop(): Promise<void>;
}

/**
 * Starts the real bot in HTTP mode on a free loopback port, configured from the environment the way
 * `npm start` is, with its Web API pointed at the stand-in and a real SQLite file.
 */
export async function startBot(
  apiUrl: string,
  dbPath = join(mkdtempSync(join(tmpdir(), 'bot-e2e-')), 'bot.sqlite'),
  env: Record<string, string> = {},
  /** Shorter time limits, so a test sees one fire without waiting for the real one. */
  timeLimits?: TimeLimits,
): Promise<RunningBot> {
  const config = loadConfig(
    {
      ...env,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `${apiUrl}/api/`,
      DATABASE_URL: dbPath,
      LOG_LEVEL: 'debug',
    },
    'http',
  );
  const logs: string[] = [];
  /** The bot's scheduling clock: real time unless a test sets it. Requests are always judged by real time. */
  const scheduleClock = {
    fixed: undefined as Date | undefined,
    get now() {
      return this.fixed ?? new Date();
    },
    set now(value: Date) {
      this.fixed = value;
    },
  };
  const store = await openStore(dbPath);
  const deps: BotDeps = {
    answers: createAnswerService(loadKnowledge(DEFAULT_KNOWLEDGE_DIR)),
    store,
    buttons: answerButtons(config.botToken),
    logger: createLogger('debug', (line) => logs.push(line)),
    scheduleClock: () => scheduleClock.now,
    tipTimeZone: config.tipTimeZone,
    adminUserIds: config.adminUserIds,
    helpChannel: config.helpChannel,
    experts: config.experts,
    staleAfterDays: config.staleAfterDays,
    storeQuestions: config.storeQuestions,
    ...(timeLimits ? { timeLimits } : {}),
  };
  // The tip scheduler's minute timer never fires in tests: they call tick() at the instant they choose.
  const noTimers: TimerFunctions = { setInterval: () => undefined, clearInterval: () => {} };
  const running = await startRunningBot({ ...config, port: 0 }, deps, noTimers);
  return {
    url: `http://127.0.0.1:${running.port}`,
    running,
    scheduleClock,
    dbPath,
    logs,
    deps,
    async stop() {
      await running.stop();
      await store.close();
    },
  };
}
