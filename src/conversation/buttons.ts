import { parseTopicValue, type AskTeamRef } from '../answers/button-values.js';
import { phrase } from '../answers/messages.js';
import { textMessage, topicMessage } from '../answers/slack-messages.js';
import { TIME_LIMITS, withinTimeLimit } from '../limits.js';
import { askTeamOffer } from './ask-team.js';
import { normalizePhrasing } from '../search/learned.js';
import type { BotDeps } from './deps.js';
import { storedQuestion } from './record.js';
import type { Asker, Reply } from './request.js';

// A button's value comes back in the click payload: it is user input, read with care and never trusted
// to name anything the knowledge does not have. Answer buttons' values are signed (button-values.ts).

/** A value is logged to tell what was refused, not kept: a megabyte of it would only flood the log. */
const MAX_LOGGED_VALUE = 500;
const logged = (value: string) =>
  value.length > MAX_LOGGED_VALUE ? `${value.slice(0, MAX_LOGGED_VALUE)}…` : value;

/** A related-topic, "did you mean", tip or App Home button: that topic, for the person who clicked. */
export function showTopic(deps: BotDeps, asker: Asker, value: string): Reply | null {
  const ref = parseTopicValue(value) ?? suggestionClicked(deps, asker, value);
  const { kb } = deps.answers.current();
  if (!ref || !kb.byId.has(ref.topic)) {
    deps.logger.log('warn', 'button for an unknown topic', { value, request_id: asker.requestId });
    return null;
  }
  const message = topicMessage(ref.topic, ref.lang, kb, {
    shareable: true,
    buttons: deps.buttons,
    forUser: asker.userId,
  });
  return { message, visibility: 'private' };
}

/**
 * "Share in channel" on a private answer: the answer for everyone, attributed to whoever shares it. Only
 * the person the answer was made for can share it, and only with the question it answered: the value is
 * signed, so a forged or copied one is refused (and logged) instead of posted in the channel.
 */
export function shareAnswer(deps: BotDeps, asker: Asker, value: string): Reply | null {
  const ref = deps.buttons.read(value);
  const { kb } = deps.answers.current();
  if (!ref || !kb.byId.has(ref.topic)) {
    deps.logger.log('warn', 'share button with an unreadable value', {
      value: logged(value),
      request_id: asker.requestId,
    });
    return null;
  }
  if (ref.forUser !== asker.userId) {
    deps.logger.log('warn', 'share button made for someone else', {
      user: asker.userId,
      made_for: ref.forUser,
      request_id: asker.requestId,
    });
    return null;
  }
  const message = topicMessage(ref.topic, ref.lang, kb, {
    shareable: false,
    sharedBy: asker.userId,
    question: ref.question,
    buttons: deps.buttons,
    forUser: null,
  });
  return { message, visibility: 'public' };
}

/**
 * 👍 / 👎: stored with the question, topic, channel and user for the maintainers' report, one vote per
 * person per answer (a second click replaces the first); thanks privately. Only an answer the bot gave
 * about a topic it knows is stored, its question cut to what the store keeps. The thanks for a 👎 offer
 * to ask the team (the answer's message is `where`, when everyone in the conversation sees it).
 */
export async function giveFeedback(
  deps: BotDeps,
  asker: Asker,
  value: string,
  helpful: boolean,
  where: AskTeamRef['where'] = null,
): Promise<Reply | null> {
  const ref = deps.buttons.read(value);
  if (!ref || (ref.forUser !== null && ref.forUser !== asker.userId)) {
    deps.logger.log('warn', 'feedback button with an unreadable value', {
      value: logged(value),
      request_id: asker.requestId,
    });
    return null;
  }
  if (!deps.answers.current().kb.byId.has(ref.topic)) {
    deps.logger.log('warn', 'feedback for an unknown topic', {
      topic: logged(ref.topic),
      request_id: asker.requestId,
    });
    return null;
  }
  try {
    // The thanks wait for the store at most this long: a hung database must not hold the reply.
    await withinTimeLimit(
      deps.store.recordFeedback({
        question: storedQuestion(ref.question),
        channel: asker.channelId,
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
  const thanks = textMessage(phrase('feedbackThanks', ref.lang), ref.lang);
  if (helpful) return { message: thanks, visibility: 'private' };
  const offer = await askTeamOffer(deps, asker, {
    question: ref.question,
    lang: ref.lang,
    guesses: [ref.topic],
    where,
  });
  return { message: { ...thanks, blocks: [...thanks.blocks, ...offer] }, visibility: 'private' };
}

/**
 * A suggestion of a "not sure" reply carries the question, signed: its click is recorded (question,
 * topic, user) for the report, when it is the asker's own reply (or a public one) and question text
 * may be stored. Recording runs in the background: the topic is shown without waiting for it.
 */
function suggestionClicked(deps: BotDeps, asker: Asker, value: string) {
  const ref = deps.buttons.read(value);
  if (!ref) return null;
  if ((ref.forUser === null || ref.forUser === asker.userId) && deps.storeQuestions !== false) {
    const click = {
      question: storedQuestion(ref.question),
      normalized: normalizePhrasing(ref.question),
      topic: ref.topic,
      userId: asker.userId,
      at: deps.scheduleClock(),
    };
    const limit = (deps.timeLimits ?? TIME_LIMITS).storeRecordMs;
    withinTimeLimit(deps.store.recordSuggestionClick(click), limit, 'recording a suggestion click').catch(
      (error: unknown) =>
        deps.logger.log('error', 'could not record a suggestion click', {
          error,
          request_id: asker.requestId,
        }),
    );
  }
  return { topic: ref.topic, lang: ref.lang };
}
