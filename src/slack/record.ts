import type { Answer } from '../answers/answer.js';
import type { Surface } from '../store/store.js';
import type { BotDeps } from './deps.js';

/** Stores the question for the maintainers' report; a storage failure never costs the user an answer. */
export async function recordQuestion(deps: BotDeps, answer: Answer, userId: string, surface: Surface) {
  try {
    await deps.store.recordQuestion({
      question: deps.storeQuestions === false ? '' : answer.question,
      topic: answer.topic,
      answered: answer.answered,
      score: answer.score,
      lang: answer.lang,
      userId,
      surface,
      at: deps.scheduleClock(),
    });
  } catch (error) {
    deps.logger.log('error', 'could not store the question', { error, surface });
  }
}

/** Claims a delivery once across retries, double deliveries and replicas; on a store failure, answers. */
export async function claimOnce(deps: BotDeps, key: string): Promise<boolean> {
  try {
    return await deps.store.claimDelivery(key, deps.scheduleClock());
  } catch (error) {
    deps.logger.log('error', 'could not claim a delivery; answering anyway', { error, key });
    return true;
  }
}
