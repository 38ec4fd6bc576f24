import type { KnowledgeBase } from '../knowledge/load.js';
import type { Track } from '../knowledge/types.js';
import type { LessonDone, QuizAnswer } from '../store/store.js';
import { localTime } from '../tips/time.js';

// What to study next, from a learner's stored answers and lessons: pure functions of the knowledge, the
// answers and the scheduling clock, so tests move the clock instead of waiting days.

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A question answered wrong comes back after 1 day; answered right then, after 3 more; right again,
 * after 7 more; right a third time, it has been learned. A wrong answer at any step starts over at 1 day.
 * (A Leitner-style schedule: short enough to fix a misunderstanding while the lesson is fresh.)
 */
export const REVIEW_INTERVAL_DAYS: readonly number[] = Object.freeze([1, 3, 7]);

/** What a quiz draws from, or which track's lessons a learner follows. */
export type StudyScope =
  | { kind: 'all' }
  | { kind: 'topic'; topic: string }
  | { kind: 'track'; track: string }
  | { kind: 'learn'; track: string };

/** One quiz item of one topic. */
export interface ItemRef {
  topic: string;
  item: number;
}

/** The next question of a quiz, or why there is none now. */
export type QuizPick =
  | { kind: 'question'; topic: string; item: number; review: boolean }
  /** Every question in scope is answered; `nextReview` is when the first missed one comes back, if any. */
  | { kind: 'done'; nextReview: Date | null };

/** The next step of a track's lessons. */
export type LessonPick =
  | {
      kind: 'lesson';
      topic: string;
      item: number;
      /** 1-based position of the topic in the track. */
      number: number;
      total: number;
      /** No question of the topic is answered yet: the lesson starts with the topic's answer. */
      starts: boolean;
    }
  | { kind: 'finished' };

export interface TrackProgress {
  track: Track;
  done: number;
  total: number;
}

const key = (topic: string, item: number) => `${topic}#${item}`;

/** Writes a scope as the short text a button carries: `''`, `t:<topic>`, `k:<track>` or `l:<track>`. */
export function scopeKey(scope: StudyScope): string {
  switch (scope.kind) {
    case 'all':
      return '';
    case 'topic':
      return `t:${scope.topic}`;
    case 'track':
      return `k:${scope.track}`;
    case 'learn':
      return `l:${scope.track}`;
  }
}

/** Reads back `scopeKey`, checking the topic or track exists; null for anything else. */
export function parseScopeKey(text: string, kb: KnowledgeBase): StudyScope | null {
  if (text === '') return { kind: 'all' };
  const match = /^([tkl]):(.+)$/.exec(text);
  if (!match) return null;
  const [, kind, id = ''] = match;
  if (kind === 't') return kb.byId.has(id) ? { kind: 'topic', topic: id } : null;
  if (!kb.tracks.some((track) => track.id === id)) return null;
  return kind === 'k' ? { kind: 'track', track: id } : { kind: 'learn', track: id };
}

/** The topics a scope covers, in study order: a track's own order, or every track's then the rest. */
export function scopeTopics(scope: StudyScope, kb: KnowledgeBase): string[] {
  if (scope.kind === 'topic') return kb.byId.has(scope.topic) ? [scope.topic] : [];
  if (scope.kind === 'track' || scope.kind === 'learn') {
    return kb.tracks.find((track) => track.id === scope.track)?.topics.filter((id) => kb.byId.has(id)) ?? [];
  }
  const ordered = new Set<string>();
  for (const track of kb.tracks) for (const id of track.topics) if (kb.byId.has(id)) ordered.add(id);
  for (const topic of kb.topics) ordered.add(topic.id);
  return [...ordered];
}

/**
 * When each question answered wrong is due again (see REVIEW_INTERVAL_DAYS). Questions never answered
 * wrong, or answered right at every step since, are not listed. `answers` are oldest first.
 */
export function reviewsDue(answers: readonly QuizAnswer[]): Map<string, { ref: ItemRef; due: Date }> {
  const byItem = new Map<string, QuizAnswer[]>();
  for (const answer of answers) {
    const k = key(answer.topic, answer.item);
    byItem.set(k, [...(byItem.get(k) ?? []), answer]);
  }
  const reviews = new Map<string, { ref: ItemRef; due: Date }>();
  for (const [k, history] of byItem) {
    let lastWrong = history.length - 1;
    while (lastWrong >= 0 && history[lastWrong]?.correct) lastWrong -= 1;
    if (lastWrong === -1) continue;
    const rightSince = history.length - 1 - lastWrong;
    const interval = REVIEW_INTERVAL_DAYS[rightSince];
    if (interval === undefined) continue;
    const last = history.at(-1) as QuizAnswer;
    reviews.set(k, {
      ref: { topic: last.topic, item: last.item },
      due: new Date(last.at.getTime() + interval * DAY_MS),
    });
  }
  return reviews;
}

/**
 * The next quiz question in scope: first a missed question whose interval has passed (the longest
 * overdue first), then the first question never answered, in study order.
 */
export function pickQuizQuestion(
  kb: KnowledgeBase,
  answers: readonly QuizAnswer[],
  now: Date,
  scope: StudyScope,
): QuizPick {
  const topics = scopeTopics(scope, kb);
  const inScope = new Set(topics);
  const reviews = [...reviewsDue(answers).values()]
    .filter(({ ref }) => inScope.has(ref.topic) && ref.item < (kb.byId.get(ref.topic)?.quiz.length ?? 0))
    .sort((a, b) => a.due.getTime() - b.due.getTime());
  const due = reviews.find((review) => review.due.getTime() <= now.getTime());
  if (due) return { kind: 'question', ...due.ref, review: true };

  const answered = new Set(answers.map((answer) => key(answer.topic, answer.item)));
  for (const id of topics) {
    const quiz = kb.byId.get(id)?.quiz ?? [];
    const item = quiz.findIndex((_, index) => !answered.has(key(id, index)));
    if (item !== -1) return { kind: 'question', topic: id, item, review: false };
  }
  return { kind: 'done', nextReview: reviews[0]?.due ?? null };
}

/** True when every quiz item of the topic has an answer: the lesson is done, right or wrong. */
export function lessonComplete(kb: KnowledgeBase, topic: string, answers: readonly QuizAnswer[]): boolean {
  const quiz = kb.byId.get(topic)?.quiz ?? [];
  const answered = new Set(answers.filter((a) => a.topic === topic).map((a) => a.item));
  return quiz.length > 0 && quiz.every((_, index) => answered.has(index));
}

/**
 * A track's next lesson: its first topic not done, with the first of the topic's questions not yet
 * answered. Missed questions come back through the quiz's reviews, not by holding the track up.
 */
export function pickLesson(
  kb: KnowledgeBase,
  track: Track,
  lessons: readonly LessonDone[],
  answers: readonly QuizAnswer[],
): LessonPick {
  const done = new Set(lessons.map((lesson) => lesson.topic));
  const topics = track.topics.filter((id) => kb.byId.has(id));
  for (const [index, id] of topics.entries()) {
    if (done.has(id)) continue;
    const quiz = kb.byId.get(id)?.quiz ?? [];
    const answered = new Set(answers.filter((a) => a.topic === id).map((a) => a.item));
    const item = quiz.findIndex((_, i) => !answered.has(i));
    if (item === -1) continue; // answered in a quiz already: done, even if not marked yet
    return {
      kind: 'lesson',
      topic: id,
      item,
      number: index + 1,
      total: topics.length,
      starts: answered.size === 0,
    };
  }
  return { kind: 'finished' };
}

/** Lessons done out of each track's topics, in the tracks' order. */
export function trackProgress(kb: KnowledgeBase, lessons: readonly LessonDone[]): TrackProgress[] {
  const done = new Set(lessons.map((lesson) => lesson.topic));
  return kb.tracks.map((track) => {
    const topics = track.topics.filter((id) => kb.byId.has(id));
    return { track, done: topics.filter((id) => done.has(id)).length, total: topics.length };
  });
}

/**
 * The track Continue leads to: the unfinished track holding the topic answered last, else the first
 * unfinished one; null when every track is finished.
 */
export function currentTrack(
  progress: readonly TrackProgress[],
  answers: readonly QuizAnswer[],
): Track | null {
  const unfinished = progress.filter((p) => p.done < p.total).map((p) => p.track);
  const last = answers.at(-1);
  const holding = last ? unfinished.find((track) => track.topics.includes(last.topic)) : undefined;
  return holding ?? unfinished[0] ?? null;
}

/**
 * Days in a row, in `timeZone`, with at least one answer, ending today — or yesterday, since a streak
 * is not lost until a whole day passes without an answer.
 */
export function streakDays(answers: readonly QuizAnswer[], now: Date, timeZone: string): number {
  const days = new Set(answers.map((answer) => localTime(answer.at, timeZone).date));
  let day = localTime(now, timeZone).date;
  if (!days.has(day)) day = previousDate(day);
  let streak = 0;
  while (days.has(day)) {
    streak += 1;
    day = previousDate(day);
  }
  return streak;
}

function previousDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
}
