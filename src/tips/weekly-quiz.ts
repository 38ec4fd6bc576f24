import type { Lang } from '../knowledge/types.js';
import { phraseWith } from '../answers/messages.js';
import type { TipLang } from '../store/store.js';
import type { ScheduleError } from './schedule.js';
import { CATCH_UP_MS, LANG_WORDS } from './schedule.js';
import { rotationOrder } from './rotation.js';
import {
  formatTimeOfDay,
  isValidTimeZone,
  localTime,
  nextDate,
  parseTimeOfDay,
  weekdayOf,
  zonedInstant,
} from './time.js';

/**
 * The schedule of a channel's weekly quiz post: one weekday and time in one time zone. The same rules
 * as tips (catch-up window after downtime, instants measured across daylight-saving changes), so that
 * the post can be claimed with the tips' exactly-once slot claims.
 */
export interface WeeklyQuizSchedule {
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  /** HH:MM, 24-hour */
  time: string;
  lang: TipLang;
  timeZone: string;
}

export const DEFAULT_QUIZ_WEEKDAY = 1;
export const DEFAULT_QUIZ_TIME = '10:00';

/** The slot key a weekly quiz post claims with `claimTipSlot`: never the same as a tip's (a channel id). */
export function weeklyQuizSlotKey(channel: string): string {
  return `quiz:${channel}`;
}

/** The slot key of the next-day summary of a weekly quiz post, claimed with the post's local date. */
export function weeklyQuizSummaryKey(channel: string): string {
  return `quiz-summary:${channel}`;
}

const WEEKDAY_WORDS: Record<string, number> = {};
for (const [index, words] of [
  ['sun', 'sunday', '日', '日曜', '日曜日'],
  ['mon', 'monday', '月', '月曜', '月曜日'],
  ['tue', 'tues', 'tuesday', '火', '火曜', '火曜日'],
  ['wed', 'wednesday', '水', '水曜', '水曜日'],
  ['thu', 'thur', 'thurs', 'thursday', '木', '木曜', '木曜日'],
  ['fri', 'friday', '金', '金曜', '金曜日'],
  ['sat', 'saturday', '土', '土曜', '土曜日'],
].entries()) {
  for (const word of words) WEEKDAY_WORDS[word] = index;
}

export interface WeeklyQuizRequest {
  weekday: number;
  time: string;
  lang?: TipLang;
  timeZone?: string;
}

/**
 * `[weekday] [HH:MM] [en|ja|both] [tz=Area/City]` in any order; what is left out takes the defaults
 * (Monday, 10:00, the subscriber's language and time zone). Errors use the tips' messages.
 */
export function parseWeeklyQuizRequest(
  words: string[],
): { ok: true; request: WeeklyQuizRequest } | { ok: false; error: ScheduleError } {
  const request: WeeklyQuizRequest = { weekday: DEFAULT_QUIZ_WEEKDAY, time: DEFAULT_QUIZ_TIME };
  for (const word of words) {
    const lower = word.toLowerCase();
    if (/^\d{1,2}:\d{2}$/.test(word)) {
      const minutes = parseTimeOfDay(word);
      if (minutes === null) return { ok: false, error: { key: 'scheduleBadTime', values: { word } } };
      request.time = formatTimeOfDay(minutes);
    } else if (lower in WEEKDAY_WORDS) request.weekday = WEEKDAY_WORDS[lower] as number;
    else if (lower in LANG_WORDS) request.lang = LANG_WORDS[lower] as TipLang;
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
 * The local date whose weekly quiz is due at `now`, if any: the quiz's weekday, its time passed less
 * than CATCH_UP_MS ago (as tips after downtime; an older one waits for next week).
 */
export function dueQuizLocalDate(schedule: WeeklyQuizSchedule, now: Date): string | null {
  const minutes = parseTimeOfDay(schedule.time);
  if (minutes === null) return null;
  const { date, weekday } = localTime(now, schedule.timeZone);
  if (weekday !== schedule.weekday) return null;
  const late = now.getTime() - zonedInstant(date, minutes, schedule.timeZone).getTime();
  return late >= 0 && late < CATCH_UP_MS ? date : null;
}

/** When the next weekly quiz will be posted. */
export function nextQuizPostTime(schedule: WeeklyQuizSchedule, now: Date): Date | null {
  const minutes = parseTimeOfDay(schedule.time);
  if (minutes === null) return null;
  let date = localTime(now, schedule.timeZone).date;
  for (let i = 0; i < 8; i++, date = nextDate(date)) {
    if (weekdayOf(date) !== schedule.weekday) continue;
    const at = zonedInstant(date, minutes, schedule.timeZone);
    if (at.getTime() > now.getTime()) return at;
  }
  return null;
}

/**
 * The summary of the quiz posted on `postedLocalDate` is due from the same wall-clock time the next
 * local day: everyone had a day to answer. It stays due until it is posted (claimed once, like the post).
 */
export function isSummaryDue(schedule: WeeklyQuizSchedule, postedLocalDate: string, now: Date): boolean {
  const minutes = parseTimeOfDay(schedule.time);
  if (minutes === null) return false;
  const dueAt = zonedInstant(nextDate(postedLocalDate), minutes, schedule.timeZone);
  return now.getTime() >= dueAt.getTime();
}

/** The one thread line the day after: how many answered and how many were right, never who. */
export function quizSummaryLine(lang: TipLang, answered: number, right: number): string {
  const langs: Lang[] = lang === 'both' ? ['en', 'ja'] : [lang];
  return langs
    .map((one) => phraseWith(answered === 0 ? 'quizSummaryNobody' : 'quizSummary', one, { answered, right }))
    .join(' / ');
}

/** One quiz item: a topic's `quiz:` entry by index. */
export interface QuizItemRef {
  topic: string;
  item: number;
}

/**
 * The next weekly quiz question for a channel: one it has had the fewest times (none, until every
 * question has been posted), the first in the channel's shuffled order, as tips rotate. Items added to
 * knowledge/ slot in without disturbing the order; items gone from it are forgotten.
 */
export function pickWeeklyQuizItem(
  items: readonly QuizItemRef[],
  posted: readonly QuizItemRef[],
  seed: string,
): QuizItemRef | null {
  const key = (ref: QuizItemRef) => `${ref.topic}#${ref.item}`;
  const byKey = new Map(items.map((ref) => [key(ref), ref]));
  const times = new Map<string, number>();
  for (const ref of posted) times.set(key(ref), (times.get(key(ref)) ?? 0) + 1);
  let best: QuizItemRef | null = null;
  let fewest = Infinity;
  for (const id of rotationOrder([...byKey.keys()], seed)) {
    const count = times.get(id) ?? 0;
    if (count < fewest) {
      fewest = count;
      best = byKey.get(id) ?? null;
    }
  }
  return best;
}
