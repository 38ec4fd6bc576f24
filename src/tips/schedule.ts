import { phraseWith } from '../answers/messages.js';
import type { TipDays, TipLang, TipSubscription } from '../store/store.js';
import {
  formatTimeOfDay,
  isValidTimeZone,
  localTime,
  nextDate,
  parseTimeOfDay,
  weekdayOf,
  zonedInstant,
} from './time.js';

/** A tip that fell due less than this long ago is still posted (after downtime); older ones are skipped. */
export const CATCH_UP_MS = 3 * 60 * 60 * 1000;
export const DEFAULT_TIP_TIME = '09:00';

function isPostingDay(days: TipDays, weekday: number): boolean {
  return days === 'daily' || (weekday >= 1 && weekday <= 5);
}

/**
 * The local date whose tip is due at `now`, if any: a posting day whose tip time passed less than
 * CATCH_UP_MS ago. Measured between instants, so a daylight-saving change moves nothing.
 */
export function dueLocalDate(subscription: TipSubscription, now: Date): string | null {
  const minutes = parseTimeOfDay(subscription.time);
  if (minutes === null) return null;
  const { date, weekday } = localTime(now, subscription.timeZone);
  if (!isPostingDay(subscription.days, weekday)) return null;
  const late = now.getTime() - zonedInstant(date, minutes, subscription.timeZone).getTime();
  return late >= 0 && late < CATCH_UP_MS ? date : null;
}

/** When the next tip will be posted, if the subscription stays as it is. */
export function nextPostTime(subscription: TipSubscription, now: Date): Date | null {
  const minutes = parseTimeOfDay(subscription.time);
  if (minutes === null || subscription.pausedReason) return null;
  let date = localTime(now, subscription.timeZone).date;
  for (let i = 0; i < 8; i++, date = nextDate(date)) {
    if (!isPostingDay(subscription.days, weekdayOf(date))) continue;
    const at = zonedInstant(date, minutes, subscription.timeZone);
    if (at.getTime() > now.getTime()) return at;
  }
  return null;
}

export interface ScheduleRequest {
  time: string;
  days: TipDays;
  lang?: TipLang;
  timeZone?: string;
}

const DAY_WORDS: Record<string, TipDays> = {
  weekdays: 'weekdays',
  平日: 'weekdays',
  daily: 'daily',
  毎日: 'daily',
};
/** The words that choose a subscription's language, in English and Japanese (tips and weekly quizzes). */
export const LANG_WORDS: Readonly<Record<string, TipLang>> = {
  en: 'en',
  english: 'en',
  英語: 'en',
  ja: 'ja',
  japanese: 'ja',
  日本語: 'ja',
  both: 'both',
  両方: 'both',
};

/** What is wrong with a schedule request, as the message that explains it and the word at fault. */
export interface ScheduleError {
  key: 'scheduleBadTime' | 'scheduleBadZone' | 'scheduleUnknownWord';
  values: { word: string };
}

/**
 * `[HH:MM] [weekdays|daily] [en|ja|both] [tz=Area/City]` in any order; what is left out takes the
 * defaults (09:00, weekdays, the subscriber's language and time zone). An error names the message that
 * explains it to the user, in their language.
 */
export function parseScheduleRequest(
  words: string[],
): { ok: true; request: ScheduleRequest } | { ok: false; error: ScheduleError } {
  const request: ScheduleRequest = { time: DEFAULT_TIP_TIME, days: 'weekdays' };
  for (const word of words) {
    const lower = word.toLowerCase();
    if (/^\d{1,2}:\d{2}$/.test(word)) {
      const minutes = parseTimeOfDay(word);
      if (minutes === null) return { ok: false, error: { key: 'scheduleBadTime', values: { word } } };
      request.time = formatTimeOfDay(minutes);
    } else if (DAY_WORDS[lower]) request.days = DAY_WORDS[lower];
    else if (LANG_WORDS[lower]) request.lang = LANG_WORDS[lower];
    else if (lower.startsWith('tz=')) {
      const timeZone = word.slice(3);
      if (!isValidTimeZone(timeZone))
        return { ok: false, error: { key: 'scheduleBadZone', values: { word: timeZone } } };
      request.timeZone = timeZone;
    } else return { ok: false, error: { key: 'scheduleUnknownWord', values: { word } } };
  }
  return { ok: true, request };
}

/**
 * TIP_CHANNELS, for teams that keep configuration as code: `C0123@09:00,C0456@10:30`, each entry
 * optionally followed by `@daily`, `@ja` / `@both`, `@tz=Area/City`.
 */
export function parseTipChannels(value: string, defaultTimeZone: string): TipSubscription[] {
  const subscriptions: TipSubscription[] = [];
  for (const entry of value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [channel = '', ...options] = entry.split('@');
    if (!/^[CDG][A-Z0-9]{2,}$/.test(channel)) {
      throw new Error(`TIP_CHANNELS: "${entry}" must start with a channel id such as C0123ABCD`);
    }
    const parsed = parseScheduleRequest(options);
    if (!parsed.ok) {
      throw new Error(
        `TIP_CHANNELS: in "${entry}", ${phraseWith(parsed.error.key, 'en', parsed.error.values)}`,
      );
    }
    subscriptions.push({
      channel,
      time: parsed.request.time,
      days: parsed.request.days,
      lang: parsed.request.lang ?? 'en',
      timeZone: parsed.request.timeZone ?? defaultTimeZone,
      subscriber: null,
      source: 'config',
      pausedReason: null,
    });
  }
  return subscriptions;
}
