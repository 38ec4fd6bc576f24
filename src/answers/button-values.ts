import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Lang } from '../knowledge/types.js';
import { BLOCK_KIT_LIMITS } from './block-kit-limits.js';

const ELLIPSIS = '…';

/** What the feedback and share buttons carry, so the listener needs no state to act on a click. */
export interface AnswerRef {
  topic: string;
  lang: Lang;
  question: string;
  /**
   * The one person the answer was shown to (a private answer: its Share button is theirs alone), or null
   * for an answer posted where everyone sees it.
   */
  forUser: string | null;
}

/**
 * What "Ask the team" and "Ask anonymously" carry: the question as asked, for whom, the bot's best guesses
 * and where it was asked, so the click can post in the help channel without any state.
 */
export interface AskTeamRef {
  question: string;
  lang: Lang;
  /** The one person who may ask with this button: the one the reply was shown to or made for. */
  forUser: string;
  /** The bot's best guesses, topic ids best first. */
  guesses: string[];
  /** The message the question was asked in (a channel or thread), for a link; null when asked privately. */
  where: { channel: string; ts: string; threadTs: string } | null;
}

/**
 * Writes and reads the values of answer buttons. A click payload carries whatever the clicker's client
 * sends, so an unsigned value would let anyone post "U… asked: <any words>" in a channel under the
 * bot's name: every value is signed, and one whose signature does not match is not read.
 */
export interface AnswerButtons {
  /** The JSON a feedback or share button carries, signed, with the question cut to fit Slack's limit. */
  value(ref: AnswerRef): string;
  /** What `value` wrote; null for anything else, a changed value included. */
  read(value: string): AnswerRef | null;
  /** The signed value of "Ask the team" and "Ask anonymously", the question cut to fit. */
  askTeamValue(ref: AskTeamRef): string;
  /** What `askTeamValue` wrote; null for anything else, a changed value included. */
  readAskTeam(value: string): AskTeamRef | null;
}

/** Keeps this use of the secret apart from any other use of it. */
const KEY_PURPOSE = 'docker-tutor answer button values v1';
/** A value of one kind of button is never read as another kind's. */
const ASK_TEAM_KEY_PURPOSE = 'docker-tutor ask-the-team button values v1';
/** 128 bits of HMAC-SHA256, base64url: 22 characters of the 2,000 a value may have. */
const SIGNATURE_BYTES = 16;

/**
 * Answer buttons signed with a key derived from `secret`. Every replica must derive the same key, or one
 * would refuse the buttons another made: pass configuration they all share (the bot token), never a
 * per-process random value, except where no other process can receive the click (the local console).
 */
export function answerButtons(secret: string): AnswerButtons {
  const key = createHmac('sha256', secret).update(KEY_PURPOSE).digest();
  const sign = (t: string, l: Lang, q: string, u: string | null) =>
    createHmac('sha256', key)
      .update(JSON.stringify([t, l, q, u]))
      .digest()
      .subarray(0, SIGNATURE_BYTES)
      .toString('base64url');
  const encode = (ref: AnswerRef, q: string) => {
    const u = ref.forUser;
    return JSON.stringify({ t: ref.topic, l: ref.lang, q, u, s: sign(ref.topic, ref.lang, q, u) });
  };

  const askKey = createHmac('sha256', secret).update(ASK_TEAM_KEY_PURPOSE).digest();
  const signAsk = (fields: unknown[]) =>
    createHmac('sha256', askKey)
      .update(JSON.stringify(fields))
      .digest()
      .subarray(0, SIGNATURE_BYTES)
      .toString('base64url');
  const askFields = (ref: AskTeamRef, q: string) => {
    const w = ref.where ? [ref.where.channel, ref.where.ts, ref.where.threadTs] : null;
    return [q, ref.lang, ref.forUser, ref.guesses, w];
  };
  const encodeAsk = (ref: AskTeamRef, q: string) => {
    const [, l, u, g, w] = askFields(ref, q);
    return JSON.stringify({ q, l, u, g, w, s: signAsk(askFields(ref, q)) });
  };

  return {
    value(ref) {
      return fitQuestion(ref.question, (q) => encode(ref, q));
    },

    askTeamValue(ref) {
      return fitQuestion(ref.question, (q) => encodeAsk(ref, q));
    },

    readAskTeam(value) {
      const data = parseObject(value);
      if (!data) return null;
      const { q, l, u, g, w, s } = data;
      if (typeof q !== 'string' || (l !== 'en' && l !== 'ja') || typeof u !== 'string') return null;
      if (!Array.isArray(g) || !g.every((id) => typeof id === 'string') || typeof s !== 'string') return null;
      const isWhere = Array.isArray(w) && w.length === 3 && w.every((part) => typeof part === 'string');
      if (w !== null && !isWhere) return null;
      const where = isWhere
        ? { channel: w[0] as string, ts: w[1] as string, threadTs: w[2] as string }
        : null;
      const ref: AskTeamRef = { question: q, lang: l, forUser: u, guesses: g as string[], where };
      const expected = Buffer.from(signAsk(askFields(ref, q)));
      const given = Buffer.from(s);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      return ref;
    },

    read(value) {
      let data: unknown;
      try {
        data = JSON.parse(value);
      } catch {
        return null;
      }
      if (typeof data !== 'object' || data === null) return null;
      const { t, l, q, u, s } = data as Record<string, unknown>;
      if (typeof t !== 'string' || typeof q !== 'string' || (l !== 'en' && l !== 'ja')) return null;
      if ((u !== null && typeof u !== 'string') || typeof s !== 'string') return null;
      const expected = Buffer.from(sign(t, l, q, u));
      const given = Buffer.from(s);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      return { topic: t, lang: l, question: q, forUser: u };
    },
  };
}

/**
 * `encode(question)`, whole when it fits a button's value, else with the question cut (ending in …) to
 * the longest that fits. JSON escaping makes the encoded length grow unevenly with the question, so the
 * longest fit is searched for.
 */
function fitQuestion(question: string, encode: (question: string) => string): string {
  const full = encode(question);
  if (full.length <= BLOCK_KIT_LIMITS.buttonValue) return full;
  const chars = Array.from(question);
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (encode(chars.slice(0, mid).join('') + ELLIPSIS).length <= BLOCK_KIT_LIMITS.buttonValue) {
      low = mid;
    } else high = mid - 1;
  }
  return encode(chars.slice(0, low).join('') + ELLIPSIS);
}

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
  /** "Ask the team" under a reply: posts the question in the help channel, with the asker's name. */
  askTeam: 'ask_team',
  /** "Ask anonymously": the same, without it. */
  askTeamAnonymously: 'ask_team_anonymously',
  /** App Home's "Ask the team": opens a modal to write the question in (the value is the tab's language). */
  askTeamOpen: 'ask_team_open',
  /** App Home's "Ask anonymously": the same modal, for a question posted without the asker's name. */
  askTeamOpenAnonymously: 'ask_team_open_anonymously',
  /** The report's Teach beside an unanswered question (the value is the question): opens the teach modal. */
  teachQuestion: 'teach_question',
  /** The report's one-click Teach of a phrasing people resolved to a suggestion (`{"q":…,"t":…}`). */
  teachSuggested: 'teach_suggested',
});

/** The modal App Home's "Ask the team" opens. */
export const ASK_TEAM_MODAL = Object.freeze({
  callbackId: 'ask_team_modal',
  blockId: 'question',
  actionId: 'question',
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

/**
 * The question id a weekly quiz post's choices carry in place of a question instance: the post's channel
 * and local date, the key it is stored under. Everyone in the channel answers the same instance.
 */
export function weeklyQuizQuestionId(channel: string, localDate: string): string {
  return `weekly:${channel}:${localDate}`;
}

/** Reads back `weeklyQuizQuestionId`; null for a question instance id of a private quiz, or anything else. */
export function parseWeeklyQuizQuestionId(id: string): { channel: string; localDate: string } | null {
  const match = /^weekly:([^:]+):(\d{4}-\d{2}-\d{2})$/.exec(id);
  return match?.[1] && match[2] ? { channel: match[1], localDate: match[2] } : null;
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

/** Reads a `show_topic:` button's value, `<id>|<lang>`. */
export function parseTopicValue(value: string): { topic: string; lang: Lang } | null {
  const match = /^([^|]+)\|(en|ja)$/.exec(value);
  return match?.[1] && (match[2] === 'en' || match[2] === 'ja') ? { topic: match[1], lang: match[2] } : null;
}
