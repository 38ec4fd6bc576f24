import type { QuizChoiceRef } from '../answers/button-values.js';
import { phrase, phraseWith, type MessageKey } from '../answers/messages.js';
import { quizResultMessage } from '../answers/quiz-messages.js';
import { textMessage as text, type SlackMessage } from '../answers/slack-messages.js';
import type { Lang, Topic } from '../knowledge/types.js';
import type { QuizSubscription, TipLang } from '../store/store.js';
import { formatInZone } from '../tips/time.js';
import { nextQuizPostTime, parseWeeklyQuizRequest } from '../tips/weekly-quiz.js';
import { scopeKey } from '../study/plan.js';
import type { BotDeps } from './deps.js';
import { politely } from './failure.js';
import type { Asker, Reply } from './request.js';

/** The verbs after `/docker quiz` that manage the channel's weekly quiz instead of asking a question. */
export const WEEKLY_QUIZ_VERBS = new Set(['subscribe', 'unsubscribe', 'stop', 'status']);

/**
 * `/docker quiz subscribe [weekday] [HH:MM] [en|ja|both] [tz=Area/City]`, `unsubscribe` and `status`:
 * the channel's weekly quiz, scheduled by the tips' rules. Every reply is private to the asker.
 */
export async function weeklyQuizCommandReply(
  deps: BotDeps,
  asker: Asker,
  verb: string,
  words: string[],
  wordsLang?: Lang,
): Promise<Reply> {
  const profile = await asker.profile();
  const lang = wordsLang === 'ja' ? 'ja' : profile.lang;
  const reply = (message: SlackMessage): Reply => ({ message, visibility: 'private' });
  switch (verb) {
    case 'subscribe':
      return reply(await subscribe(deps, asker, words, lang, profile.timeZone));
    case 'unsubscribe':
    case 'stop': {
      const removed = await deps.store.removeQuizSubscription(asker.channelId);
      return reply(text(phrase(removed ? 'quizUnsubscribed' : 'quizNotSubscribed', lang), lang));
    }
    default:
      return reply(await status(deps, asker.channelId, lang));
  }
}

async function subscribe(
  deps: BotDeps,
  asker: Asker,
  words: string[],
  lang: Lang,
  profileZone: string | undefined,
): Promise<SlackMessage> {
  const parsed = parseWeeklyQuizRequest(words);
  if (!parsed.ok) {
    const problem = phraseWith(parsed.error.key, lang, parsed.error.values);
    return text(`${problem}\n${phrase('quizSubscribeUsage', lang)}`, lang);
  }
  const subscription: QuizSubscription = {
    channel: asker.channelId,
    weekday: parsed.request.weekday,
    time: parsed.request.time,
    lang: parsed.request.lang ?? lang,
    timeZone: parsed.request.timeZone ?? profileZone ?? deps.tipTimeZone,
    subscriber: asker.userId,
    pausedReason: null,
  };
  await deps.store.saveQuizSubscription(subscription);
  deps.logger.log('info', 'weekly quiz subscribed', {
    channel: asker.channelId,
    request_id: asker.requestId,
  });
  return text(phraseWith('quizSubscribed', lang, describe(subscription, deps.scheduleClock(), lang)), lang);
}

async function status(deps: BotDeps, channel: string, lang: Lang): Promise<SlackMessage> {
  const subscription = await deps.store.getQuizSubscription(channel);
  if (!subscription) return text(phrase('quizNotSubscribed', lang), lang);
  return text(
    subscription.pausedReason
      ? phraseWith('quizStatusPaused', lang, { reason: subscription.pausedReason })
      : phraseWith('quizStatus', lang, describe(subscription, deps.scheduleClock(), lang)),
    lang,
  );
}

const WEEKDAY_NAMES: readonly MessageKey[] = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
];
const LANG_NAMES: Record<TipLang, MessageKey> = { en: 'inEnglish', ja: 'inJapanese', both: 'inBoth' };

function describe(subscription: QuizSubscription, now: Date, lang: Lang) {
  const next = nextQuizPostTime(subscription, now);
  return {
    weekday: phrase(WEEKDAY_NAMES[subscription.weekday] ?? 'monday', lang),
    time: subscription.time,
    zone: subscription.timeZone,
    lang: phrase(LANG_NAMES[subscription.lang], lang),
    next: next ? formatInZone(next, subscription.timeZone, lang) : '-',
  };
}

/**
 * A choice button on a weekly quiz post: the clicker's answer, privately (right or wrong, the explanation,
 * the doc link, Next question), recorded once per person and post. A click naming a post that was never
 * made, another channel's post, or another question than the post's is ignored and logged; a second
 * click by the same person is told that the first one counts.
 */
export async function answerWeeklyQuizButton(
  deps: BotDeps,
  asker: Asker,
  ref: QuizChoiceRef,
  topic: Topic,
  where: { channel: string; localDate: string },
): Promise<Reply | null> {
  const ignore = (why: string) => {
    deps.logger.log('warn', why, { channel: where.channel, user: asker.userId, request_id: asker.requestId });
    return null;
  };
  if (where.channel !== asker.channelId) return ignore("weekly quiz button for another channel's post");
  const quiz = topic.quiz[ref.item];
  if (!quiz) return ignore('weekly quiz button for a question the knowledge does not have');

  // A refused click gets no reply; `politely` still turns a store failure into a polite one.
  let refused: string | null = null;
  const reply = await politely(deps, asker, ref.lang, 'answer a weekly quiz', async () => {
    const post = await deps.store.getQuizPost(where.channel, where.localDate);
    if (!post || post.topic !== ref.topic || post.item !== ref.item) {
      refused = post
        ? 'weekly quiz button that does not match its post'
        : 'weekly quiz button for a post never made';
      return { message: text('', ref.lang), visibility: 'private' };
    }
    const lang = post.lang === 'both' ? (await asker.profile()).lang : post.lang;
    const first = await deps.store.answerQuizPost({
      channel: where.channel,
      localDate: where.localDate,
      userId: asker.userId,
      correct: ref.choice === quiz.answer,
      at: deps.scheduleClock(),
    });
    if (!first) {
      deps.logger.log('info', 'weekly quiz already answered', {
        channel: where.channel,
        request_id: asker.requestId,
      });
      return { message: text(phrase('quizAlreadyAnswered', lang), lang), visibility: 'private' };
    }
    const scope = scopeKey({ kind: 'all' });
    return {
      message: quizResultMessage({ topic, item: ref.item, choice: ref.choice, lang, scope }),
      visibility: 'private',
    };
  });
  return refused ? ignore(refused) : reply;
}
