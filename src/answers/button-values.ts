import type { Lang } from '../knowledge/types.js';
import { BLOCK_KIT_LIMITS } from './block-kit-limits.js';

const ELLIPSIS = '…';

/** What the feedback and share buttons carry, so the listener needs no state to act on a click. */
export interface AnswerRef {
  topic: string;
  lang: Lang;
  question: string;
}

/**
 * Block Kit limits, from https://docs.slack.dev/reference/block-kit/blocks and the element pages.

/** Action ids the Slack listeners register for. */
export const ACTION_IDS = Object.freeze({
  showTopicPrefix: 'show_topic:',
  feedbackHelpful: 'feedback_helpful',
  feedbackNotHelpful: 'feedback_not_helpful',
  shareAnswer: 'share_answer',
  /** A quiz choice: `quiz_answer:<choice index>`, unique within the question's buttons. */
  quizAnswerPrefix: 'quiz_answer:',
  /** "Next question" after an answer. */
  quizNext: 'quiz_next',
  /** "Continue" a track's lessons: `learn_continue:<track id>`. */
  learnContinuePrefix: 'learn_continue:',
});

/** What a quiz choice button carries: the question instance, its topic and item, the choice, and where it came from. */
export interface QuizChoiceRef {
  /** The question instance id, stored with the user it was shown to. */
  question: string;
  topic: string;
  item: number;
  choice: number;
  lang: Lang;
  /** The study scope (`scopeKey`) the next question is drawn from. */
  scope: string;
}

/** What "Next question" and "Continue" carry: the study scope and the language. */
export interface StudyStepRef {
  scope: string;
  lang: Lang;
}

export function quizChoiceValue(ref: QuizChoiceRef): string {
  return JSON.stringify({
    q: ref.question,
    t: ref.topic,
    i: ref.item,
    c: ref.choice,
    l: ref.lang,
    s: ref.scope,
  });
}

/** Reads back `quizChoiceValue`; null for anything else (the payload is user input). */
export function parseQuizChoice(value: string): QuizChoiceRef | null {
  const data = parseObject(value);
  if (!data) return null;
  const { q, t, i, c, l, s } = data;
  if (typeof q !== 'string' || typeof t !== 'string' || typeof s !== 'string') return null;
  if (!Number.isInteger(i) || !Number.isInteger(c) || (l !== 'en' && l !== 'ja')) return null;
  return { question: q, topic: t, item: i as number, choice: c as number, lang: l, scope: s };
}

export function studyStepValue(ref: StudyStepRef): string {
  return JSON.stringify({ s: ref.scope, l: ref.lang });
}

export function parseStudyStep(value: string): StudyStepRef | null {
  const data = parseObject(value);
  if (!data) return null;
  const { s, l } = data;
  return typeof s === 'string' && (l === 'en' || l === 'ja') ? { scope: s, lang: l } : null;
}

function parseObject(value: string): Record<string, unknown> | null {
  try {
    const data: unknown = JSON.parse(value);
    return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The JSON a feedback or share button carries, with the question cut so the value fits Slack's limit. */
export function answerRefValue(ref: AnswerRef): string {
  const encode = (question: string) => JSON.stringify({ t: ref.topic, l: ref.lang, q: question });
  const full = encode(ref.question);
  if (full.length <= BLOCK_KIT_LIMITS.buttonValue) return full;

  // JSON escaping makes the encoded length grow unevenly with the question, so search for the longest fit.
  const chars = Array.from(ref.question);
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (encode(chars.slice(0, mid).join('') + ELLIPSIS).length <= BLOCK_KIT_LIMITS.buttonValue) low = mid;
    else high = mid - 1;
  }
  return encode(chars.slice(0, low).join('') + ELLIPSIS);
}

/** Reads back what `answerRefValue` wrote; null for anything else, since a click payload is user input. */
export function parseAnswerRef(value: string): AnswerRef | null {
  let data: unknown;
  try {
    data = JSON.parse(value);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const { t, l, q } = data as Record<string, unknown>;
  if (typeof t !== 'string' || typeof q !== 'string' || (l !== 'en' && l !== 'ja')) return null;
  return { topic: t, lang: l, question: q };
}

/** Reads a `show_topic:` button's value, `<id>|<lang>`. */
export function parseTopicValue(value: string): { topic: string; lang: Lang } | null {
  const match = /^([^|]+)\|(en|ja)$/.exec(value);
  return match?.[1] && (match[2] === 'en' || match[2] === 'ja') ? { topic: match[1], lang: match[2] } : null;
}
