import { createAnswerService, type AnswerService } from '../../src/answers/answer-service.js';
import { answerButtons, type AnswerButtons } from '../../src/answers/button-values.js';
import { loadKnowledge, type KnowledgeBase } from '../../src/knowledge/load.js';
import { createLogger } from '../../src/logger.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/paths.js';
import type { BotDeps } from '../../src/conversation/deps.js';
import { createMemoryStore, type MemoryStore } from './memory-store.js';

/** The clock every listener test runs at. */
export const FIXED_NOW = new Date('2025-06-01T12:00:00.000Z');

let answers: AnswerService | undefined;

/** The real knowledge base and search, built once per test file (they are read-only in these tests). */
export function realAnswers(): AnswerService {
  answers ??= createAnswerService(loadKnowledge(DEFAULT_KNOWLEDGE_DIR));
  return answers;
}

export function realKnowledge(): KnowledgeBase {
  return realAnswers().current().kb;
}

/** Answer buttons as the bot signs them with the token 'xoxb-test'; every fake deps share them. */
export const testButtons: AnswerButtons = answerButtons('xoxb-test');

/** One parsed log line. */
export interface LogEntry {
  level: string;
  msg: string;
  [field: string]: unknown;
}

export interface TestDeps {
  deps: BotDeps;
  store: MemoryStore;
  /** Every line the logger wrote, as written. */
  lines: string[];
  /** The lines parsed, for checking a level or a field. */
  entries(): LogEntry[];
  /** The first entry with this message, if any. */
  logged(msg: string): LogEntry | undefined;
}

/** BotDeps with the real answers, an in-memory store, a logger writing to an array and a fixed clock. */
export function createTestDeps(): TestDeps {
  const lines: string[] = [];
  const store = createMemoryStore();
  const entries = () => lines.map((line) => JSON.parse(line) as LogEntry);
  return {
    deps: {
      answers: realAnswers(),
      store,
      buttons: testButtons,
      logger: createLogger('debug', (line) => lines.push(line)),
      scheduleClock: () => FIXED_NOW,
      tipTimeZone: 'UTC',
    },
    store,
    lines,
    entries,
    logged: (msg) => entries().find((entry) => entry.msg === msg),
  };
}
