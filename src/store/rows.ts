import type { QuizAnswer, QuizPost, QuizQuestion, QuizSubscription, TipSubscription } from './store.js';

/** A tip_subscriptions row, as both stores read it. */
export interface SubscriptionRow {
  channel: string;
  time: string;
  days: TipSubscription['days'];
  lang: TipSubscription['lang'];
  time_zone: string;
  subscriber: string | null;
  source: TipSubscription['source'];
  paused_reason: string | null;
}

export function toSubscription(row: SubscriptionRow): TipSubscription {
  return {
    channel: row.channel,
    time: row.time,
    days: row.days,
    lang: row.lang,
    timeZone: row.time_zone,
    subscriber: row.subscriber,
    source: row.source,
    pausedReason: row.paused_reason,
  };
}

/** A quiz_subscriptions row, as both stores read it. */
export interface QuizSubscriptionRow {
  channel: string;
  weekday: number;
  time: string;
  lang: QuizSubscription['lang'];
  time_zone: string;
  subscriber: string;
  paused_reason: string | null;
}

export function toQuizSubscription(row: QuizSubscriptionRow): QuizSubscription {
  return {
    channel: row.channel,
    weekday: Number(row.weekday),
    time: row.time,
    lang: row.lang,
    timeZone: row.time_zone,
    subscriber: row.subscriber,
    pausedReason: row.paused_reason,
  };
}

/**
 * Dates are stored as epoch milliseconds. An invalid Date's NaN would be bound as NULL (SQLite) or
 * 'NaN' (PostgreSQL) and fail with a puzzling message, or make a prune delete nothing: refuse it here.
 */
export function epochMs(date: Date): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Cannot store an invalid Date');
  return ms;
}

/** A quiz_questions row as both stores read it; PostgreSQL's BIGINT dates arrive as text. */
export interface QuizQuestionRow {
  id: string;
  user_id: string;
  topic: string;
  item: number;
  shown_at: number | string;
}

export function toQuizQuestion(row: QuizQuestionRow): QuizQuestion {
  return {
    id: row.id,
    userId: row.user_id,
    topic: row.topic,
    item: row.item,
    shownAt: new Date(Number(row.shown_at)),
  };
}

/** An answered quiz_questions row. */
export interface QuizAnswerRow {
  topic: string;
  item: number;
  correct: number;
  answered_at: number | string;
}

export function toQuizAnswer(row: QuizAnswerRow): QuizAnswer {
  return {
    topic: row.topic,
    item: row.item,
    correct: row.correct === 1,
    at: new Date(Number(row.answered_at)),
  };
}

/** A quiz_posts row, as both stores read it; PostgreSQL's BIGINT dates arrive as text. */
export interface QuizPostRow {
  channel: string;
  local_date: string;
  topic: string;
  item: number;
  lang: QuizPost['lang'];
  ts: string | null;
  posted_at: number | string;
}

export function toQuizPost(row: QuizPostRow): QuizPost {
  return {
    channel: row.channel,
    localDate: row.local_date,
    topic: row.topic,
    item: Number(row.item),
    lang: row.lang,
    ts: row.ts,
    postedAt: new Date(Number(row.posted_at)),
  };
}
