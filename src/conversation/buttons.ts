import { parseAnswerRef, parseTopicValue } from '../answers/button-values.js';
import { phrase } from '../answers/messages.js';
import { textMessage, topicMessage } from '../answers/slack-messages.js';
import { TIME_LIMITS, withinTimeLimit } from '../limits.js';
import type { BotDeps } from './deps.js';
import type { Asker, Reply } from './request.js';

// A button's value comes back in the click payload: it is user input, read with care and never trusted
// to name anything the knowledge does not have.

/** A related-topic, "did you mean", tip or App Home button: that topic, for the person who clicked. */
export function showTopic(deps: BotDeps, asker: Asker, value: string): Reply | null {
  const ref = parseTopicValue(value);
  const { kb } = deps.answers.current();
  if (!ref || !kb.byId.has(ref.topic)) {
    deps.logger.log('warn', 'button for an unknown topic', { value, request_id: asker.requestId });
    return null;
  }
  return { message: topicMessage(ref.topic, ref.lang, kb, { shareable: true }), visibility: 'private' };
}

/** "Share in channel" on a private answer: the answer for everyone, attributed to whoever shares it. */
export function shareAnswer(deps: BotDeps, asker: Asker, value: string): Reply | null {
  const ref = parseAnswerRef(value);
  const { kb } = deps.answers.current();
  if (!ref || !kb.byId.has(ref.topic)) {
    deps.logger.log('warn', 'share button with an unreadable value', { value, request_id: asker.requestId });
    return null;
  }
  const message = topicMessage(ref.topic, ref.lang, kb, {
    shareable: false,
    sharedBy: asker.userId,
    question: ref.question,
  });
  return { message, visibility: 'public' };
}

/** 👍 / 👎: stored with the question, topic and user for the maintainers' report; thanks privately. */
export async function giveFeedback(
  deps: BotDeps,
  asker: Asker,
  value: string,
  helpful: boolean,
): Promise<Reply | null> {
  const ref = parseAnswerRef(value);
  if (!ref) {
    deps.logger.log('warn', 'feedback button with an unreadable value', {
      value,
      request_id: asker.requestId,
    });
    return null;
  }
  try {
    // The thanks wait for the store at most this long: a hung database must not hold the reply.
    await withinTimeLimit(
      deps.store.recordFeedback({
        question: ref.question,
        topic: ref.topic,
        userId: asker.userId,
        helpful,
        at: deps.scheduleClock(),
      }),
      TIME_LIMITS.storeRecordMs,
      'recording feedback',
    );
  } catch (error) {
    deps.logger.log('error', 'could not store feedback', { error, request_id: asker.requestId });
  }
  return { message: textMessage(phrase('feedbackThanks', ref.lang), ref.lang), visibility: 'private' };
}
