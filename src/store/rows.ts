import type {
  HelpRequest,
  QuizAnswer,
  QuizPost,
  QuizQuestion,
  QuizSubscription,
  DraftTopic,
  LearnedPhrasing,
  NewDraftTopic,
  SuggestionClick,
  TipSubscription,
} from './store.js';

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
/** A help_requests row as both stores read it; PostgreSQL's BIGINT dates arrive as text. */
export interface HelpRequestRow {
  id: string;
  asker: string;
  anonymous: number;
  question: string;
  lang: HelpRequest['lang'];
  asked_channel: string | null;
  asked_thread_ts: string | null;
  help_channel: string;
  help_ts: string;
  created_at: number | string;
  notified_at: number | string | null;
}

export const HELP_REQUEST_COLUMNS =
  'id, asker, anonymous, question, lang, asked_channel, asked_thread_ts, help_channel, help_ts, created_at, notified_at';

export function toHelpRequest(row: HelpRequestRow): HelpRequest {
  return {
    id: row.id,
    asker: row.asker,
    anonymous: Number(row.anonymous) === 1,
    question: row.question,
    lang: row.lang,
    askedIn:
      row.asked_channel !== null && row.asked_thread_ts !== null
        ? { channel: row.asked_channel, threadTs: row.asked_thread_ts }
        : null,
    helpChannel: row.help_channel,
    helpTs: row.help_ts,
    createdAt: new Date(Number(row.created_at)),
    notifiedAt: row.notified_at === null ? null : new Date(Number(row.notified_at)),
  };
}

/** A help request's values in HELP_REQUEST_COLUMNS order, as both stores insert them. */
export function helpRequestValues(request: HelpRequest): (string | number | null)[] {
  return [
    request.id,
    request.asker,
    request.anonymous ? 1 : 0,
    request.question,
    request.lang,
    request.askedIn?.channel ?? null,
    request.askedIn?.threadTs ?? null,
    request.helpChannel,
    request.helpTs,
    epochMs(request.createdAt),
    request.notifiedAt === null ? null : epochMs(request.notifiedAt),
  ];
}
/** A learned_phrasings row; PostgreSQL's BIGINT columns arrive as text. */
export interface LearnedPhrasingRow {
  id: number | string;
  phrasing: string;
  normalized: string;
  topic: string;
  taught_by: string;
  taught_at: number | string;
}

export function toLearnedPhrasing(row: LearnedPhrasingRow): LearnedPhrasing {
  return {
    id: Number(row.id),
    phrasing: row.phrasing,
    normalized: row.normalized,
    topic: row.topic,
    taughtBy: row.taught_by,
    taughtAt: new Date(Number(row.taught_at)),
  };
}

/** A draft_topics row; links and related are JSON arrays of strings. */
export interface DraftTopicRow {
  id: number | string;
  topic_id: string;
  title_en: string;
  title_ja: string;
  answer_en: string;
  answer_ja: string;
  links: string;
  related: string;
  source_question: string;
  expert_reply: string;
  taught_by: string;
  created_at: number | string;
}

export function toDraftTopic(row: DraftTopicRow): DraftTopic {
  return {
    id: Number(row.id),
    topicId: row.topic_id,
    title: { en: row.title_en, ja: row.title_ja },
    answer: { en: row.answer_en, ja: row.answer_ja },
    links: JSON.parse(row.links) as string[],
    related: JSON.parse(row.related) as string[],
    sourceQuestion: row.source_question,
    expertReply: row.expert_reply,
    taughtBy: row.taught_by,
    createdAt: new Date(Number(row.created_at)),
  };
}

/** The values of a draft_topics row, in the stores' insert order. */
export function draftTopicValues(draft: NewDraftTopic): (string | number)[] {
  return [
    draft.topicId,
    draft.title.en,
    draft.title.ja,
    draft.answer.en,
    draft.answer.ja,
    JSON.stringify(draft.links),
    JSON.stringify(draft.related),
    draft.sourceQuestion,
    draft.expertReply,
    draft.taughtBy,
    epochMs(draft.createdAt),
  ];
}

/** A suggestion_clicks row. */
export interface SuggestionClickRow {
  question: string;
  normalized: string;
  topic: string;
  user_id: string;
  at: number | string;
}

export function toSuggestionClick(row: SuggestionClickRow): SuggestionClick {
  return {
    question: row.question,
    normalized: row.normalized,
    topic: row.topic,
    userId: row.user_id,
    at: new Date(Number(row.at)),
  };
}
