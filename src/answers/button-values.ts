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
});

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
