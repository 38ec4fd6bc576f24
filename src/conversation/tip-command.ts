import { formatInZone } from '../tips/time.js';
import { phrase, phraseWith, type MessageKey } from '../answers/messages.js';
import { textMessage as text, tipMessage, type SlackMessage } from '../answers/slack-messages.js';
import type { Lang } from '../knowledge/types.js';
import type { TipLang, TipSubscription } from '../store/store.js';
import { nextPostTime, parseScheduleRequest } from '../tips/schedule.js';
import type { BotDeps } from './deps.js';
import type { Asker, Profile, Reply } from './request.js';

/**
 * `/docker tip [subscribe …|unsubscribe|status]`, in the language of the words when they tell one
 * (`/docker ヒント`), else the asker's Slack language. Every reply is private to the asker.
 */
export async function tipCommandReply(
  deps: BotDeps,
  asker: Asker,
  words: string[],
  wordsLang?: Lang,
): Promise<Reply> {
  const [verb = '', ...rest] = words;
  const profile = await asker.profile();
  const lang = wordsLang === 'ja' ? 'ja' : profile.lang;
  const reply = (message: SlackMessage): Reply => ({ message, visibility: 'private' });
  switch (verb.toLowerCase()) {
    case '':
      return reply(randomTip(deps, lang));
    case 'subscribe':
      return reply(await subscribe(rest, asker, { ...profile, lang }, deps));
    case 'unsubscribe':
    case 'stop': {
      const removed = await deps.store.removeTipSubscription(asker.channelId);
      return reply(text(phrase(removed ? 'tipUnsubscribed' : 'tipNotSubscribed', lang), lang));
    }
    case 'status':
      return reply(await status(asker.channelId, deps, lang));
    default:
      return reply(text(phrase('tipUsage', lang), lang));
  }
}

function randomTip(deps: BotDeps, lang: Lang): SlackMessage {
  const { topics } = deps.answers.current().kb;
  const topic = topics[Math.floor(Math.random() * topics.length)];
  return topic ? tipMessage(topic, lang) : text(phrase('tipUsage', lang), lang);
}

async function subscribe(
  words: string[],
  asker: Asker,
  profile: Profile,
  deps: BotDeps,
): Promise<SlackMessage> {
  const parsed = parseScheduleRequest(words);
  if (!parsed.ok) {
    const problem = phraseWith(parsed.error.key, profile.lang, parsed.error.values);
    return text(`${problem}\n${phrase('tipUsage', profile.lang)}`, profile.lang);
  }
  const subscription: TipSubscription = {
    channel: asker.channelId,
    time: parsed.request.time,
    days: parsed.request.days,
    lang: parsed.request.lang ?? profile.lang,
    timeZone: parsed.request.timeZone ?? profile.timeZone ?? deps.tipTimeZone,
    subscriber: asker.userId,
    source: 'slack',
    pausedReason: null,
  };
  await deps.store.saveTipSubscription(subscription);
  return text(
    phraseWith('tipSubscribed', profile.lang, describe(subscription, deps.scheduleClock(), profile.lang)),
    profile.lang,
  );
}

async function status(channel: string, deps: BotDeps, lang: Lang): Promise<SlackMessage> {
  const subscription = await deps.store.getTipSubscription(channel);
  if (!subscription) return text(phrase('tipNotSubscribed', lang), lang);
  const lines = [
    subscription.pausedReason
      ? phraseWith('tipStatusPaused', lang, { reason: subscription.pausedReason })
      : phraseWith('tipStatus', lang, describe(subscription, deps.scheduleClock(), lang)),
  ];
  if (subscription.source === 'config') lines.push(phrase('tipFromConfig', lang));
  return text(lines.join('\n'), lang);
}

const LANG_NAMES: Record<TipLang, MessageKey> = { en: 'inEnglish', ja: 'inJapanese', both: 'inBoth' };

function describe(subscription: TipSubscription, now: Date, lang: Lang) {
  const next = nextPostTime(subscription, now);
  return {
    time: subscription.time,
    zone: subscription.timeZone,
    days: phrase(subscription.days, lang),
    lang: phrase(LANG_NAMES[subscription.lang], lang),
    next: next ? formatInZone(next, subscription.timeZone, lang) : '-',
  };
}
