import type { SlackMessage } from '../../../answers/blocks.js';
import { escapeMrkdwn, japaneseMrkdwn, tipMessage } from '../../../answers/blocks.js';
import { say, sayWith, type MessageKey } from '../../../answers/messages.js';
import type { Lang } from '../../../knowledge/types.js';
import type { TipLang, TipSubscription } from '../../../store/store.js';
import { nextPostTime, parseScheduleRequest } from '../../../tips/schedule.js';
import type { BotDeps } from '../../deps.js';

export interface TipCommandContext {
  channelId: string;
  userId: string;
  /** The asker's language and time zone, looked up only when needed. */
  profile: () => Promise<{ lang: Lang; timeZone?: string }>;
}

/** `/docker tip [subscribe …|unsubscribe|status]`: every reply is private to the asker. */
export async function tipCommandReply(
  words: string[],
  context: TipCommandContext,
  deps: BotDeps,
): Promise<SlackMessage> {
  const [verb = '', ...rest] = words;
  const { lang } = await context.profile();
  switch (verb.toLowerCase()) {
    case '':
      return randomTip(deps, lang);
    case 'subscribe':
      return subscribe(rest, context, deps);
    case 'unsubscribe':
    case 'stop': {
      const removed = await deps.store.removeTipSubscription(context.channelId);
      return text(say(removed ? 'tipUnsubscribed' : 'tipNotSubscribed', lang));
    }
    case 'status':
      return status(context.channelId, deps, lang);
    default:
      return text(say('tipUsage', lang));
  }
}

function randomTip(deps: BotDeps, lang: Lang): SlackMessage {
  const { topics } = deps.answers.current().kb;
  const topic = topics[Math.floor(Math.random() * topics.length)];
  return topic ? tipMessage(topic, lang) : text(say('tipUsage', lang));
}

async function subscribe(words: string[], context: TipCommandContext, deps: BotDeps): Promise<SlackMessage> {
  const profile = await context.profile();
  const parsed = parseScheduleRequest(words);
  if (!parsed.ok) return text(`${parsed.error}.\n${say('tipUsage', profile.lang)}`);
  const subscription: TipSubscription = {
    channel: context.channelId,
    time: parsed.request.time,
    days: parsed.request.days,
    lang: parsed.request.lang ?? profile.lang,
    timeZone: parsed.request.timeZone ?? profile.timeZone ?? deps.tipTimeZone,
    subscriber: context.userId,
    source: 'slack',
    pausedReason: null,
  };
  await deps.store.saveTipSubscription(subscription);
  return text(
    sayWith('tipSubscribed', profile.lang, describe(subscription, deps.scheduleClock(), profile.lang)),
  );
}

async function status(channel: string, deps: BotDeps, lang: Lang): Promise<SlackMessage> {
  const subscription = await deps.store.getTipSubscription(channel);
  if (!subscription) return text(say('tipNotSubscribed', lang));
  const lines = [
    subscription.pausedReason
      ? sayWith('tipStatusPaused', lang, { reason: subscription.pausedReason })
      : sayWith('tipStatus', lang, describe(subscription, deps.scheduleClock(), lang)),
  ];
  if (subscription.source === 'config') lines.push(say('tipFromConfig', lang));
  return text(lines.join('\n'));
}

const LANG_NAMES: Record<TipLang, MessageKey> = { en: 'inEnglish', ja: 'inJapanese', both: 'inBoth' };

function describe(subscription: TipSubscription, now: Date, lang: Lang) {
  const next = nextPostTime(subscription, now);
  return {
    time: subscription.time,
    zone: subscription.timeZone,
    days: say(subscription.days, lang),
    lang: say(LANG_NAMES[subscription.lang], lang),
    next: next ? formatInZone(next, subscription.timeZone, lang) : '-',
  };
}

function formatInZone(instant: Date, timeZone: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}

/** A plain reply; the user's own words may be in it, so it is escaped before it becomes mrkdwn. */
function text(value: string): SlackMessage {
  const mrkdwn = japaneseMrkdwn(escapeMrkdwn(value));
  return { text: value, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: mrkdwn } }] };
}
