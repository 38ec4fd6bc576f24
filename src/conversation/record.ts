import type { Answer } from '../answers/answer.js';
import { TIME_LIMITS, withinTimeLimit } from '../limits.js';
import type { BotDeps } from './deps.js';
import type { Asker } from './request.js';

/**
 * The most of a question's text the store keeps (for recorded questions and feedback). Slack lets a
 * message run to 40,000 characters and a forged button value to anything; a question someone means to
 * ask fits in far less, and the report shows each stored question whole.
 */
export const MAX_STORED_QUESTION_CHARS = 2000;

/** The question as stored: at most MAX_STORED_QUESTION_CHARS characters (code points), the last an ellipsis when cut. */
export function storedQuestion(text: string): string {
  // A code point is one or two UTF-16 code units: only a text between the limit and twice it needs counting.
  if (text.length <= MAX_STORED_QUESTION_CHARS) return text;
  const chars = Array.from(text.slice(0, 2 * MAX_STORED_QUESTION_CHARS));
  if (text.length <= 2 * MAX_STORED_QUESTION_CHARS && chars.length <= MAX_STORED_QUESTION_CHARS) return text;
  // As migration 3 of the SQL stores cuts what older versions stored.
  return `${chars.slice(0, MAX_STORED_QUESTION_CHARS - 1).join('')}…`;
}

/** Stores the question for the maintainers' report; a storage failure never costs the user an answer. */
export async function recordQuestion(deps: BotDeps, answer: Answer, asker: Asker): Promise<void> {
  try {
    await withinTimeLimit(
      deps.store.recordQuestion({
        question: deps.storeQuestions === false ? '' : storedQuestion(answer.question),
        topic: answer.topic,
        answered: answer.answered,
        score: answer.score,
        lang: answer.lang,
        userId: asker.userId,
        surface: asker.surface,
        at: deps.scheduleClock(),
      }),
      TIME_LIMITS.storeRecordMs,
      'recording the question',
    );
  } catch (error) {
    deps.logger.log('error', 'could not store the question', {
      error,
      surface: asker.surface,
      request_id: asker.requestId,
    });
  }
}

/**
 * Claims a delivery once across retries, double deliveries and replicas. On a store failure, or a store
 * slower than TIME_LIMITS.storeClaimMs (a hung database), answers anyway: a rare duplicate beats silence.
 */
export async function claimOnce(
  deps: BotDeps,
  key: string,
  asker?: Pick<Asker, 'requestId'>,
): Promise<boolean> {
  try {
    return await withinTimeLimit(
      deps.store.claimDelivery(key, deps.scheduleClock()),
      TIME_LIMITS.storeClaimMs,
      'claiming the delivery',
    );
  } catch (error) {
    deps.logger.log('error', 'could not claim a delivery; answering anyway', {
      error,
      key,
      request_id: asker?.requestId,
    });
    return true;
  }
}

/**
 * Records that the delivery claimed with `key` was made, so a retry after the claim's lease is refused.
 * Until then a claim is only a lease: a process killed between claim and post leaves it to be answered
 * by Slack's retry. A failure here is logged: at worst a late retry answers a second time.
 */
export async function markDelivered(
  deps: BotDeps,
  key: string,
  asker?: Pick<Asker, 'requestId'>,
): Promise<void> {
  try {
    await withinTimeLimit(
      deps.store.markDelivered(key, deps.scheduleClock()),
      TIME_LIMITS.storeRecordMs,
      'marking the delivery made',
    );
  } catch (error) {
    deps.logger.log('error', 'could not mark a delivery as made', {
      error,
      key,
      request_id: asker?.requestId,
    });
  }
}
