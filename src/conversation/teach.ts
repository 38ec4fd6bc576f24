/**
 * Teaching the bot, the same from Slack and from the command line: a question stored as a learned
 * phrasing of a topic (served at once as one more alias), or as a draft topic (never served; exported
 * to knowledge/ for review). Every rule about what may be taught is here.
 */
import { phrase, phraseWith } from '../answers/messages.js';
import type { KnowledgeBase } from '../knowledge/load.js';
import type { Lang } from '../knowledge/types.js';
import { draftTopicFile } from '../knowledge/learned-files.js';
import { lintKnowledge } from '../knowledge/lint.js';
import { parseTopicFile, TOPIC_ID } from '../knowledge/parse.js';
import { normalizePhrasing } from '../search/learned.js';
import type { LearnedPhrasing, NewDraftTopic, Store } from '../store/store.js';
import type { BotDeps } from './deps.js';
import { reloadLearned } from './learned-sync.js';

/** A phrasing's length, in characters after trimming: shorter says nothing, longer is not a question. */
export const PHRASING_LIMITS = Object.freeze({ min: 3, max: 300 });

/** Which input a refusal is about: the phrasing itself, or the topic it was taught as. */
export type TeachField = 'question' | 'topic';

export type TeachResult =
  | { ok: true; phrasing: LearnedPhrasing; created: boolean }
  | { ok: false; problem: string; field: TeachField };

export type PhrasingCheck =
  { ok: true; phrasing: string; normalized: string } | { ok: false; problem: string; field: TeachField };

/**
 * Whether `phrasing` may be taught as meaning `topicId`: its length, a known topic, and no other
 * topic already named by it (an alias, compared normalised). A phrasing already learned is checked by
 * the store, which keeps each normalised form once.
 */
export function checkPhrasing(kb: KnowledgeBase, phrasing: string, topicId: string): PhrasingCheck {
  const text = phrasing.trim();
  const length = [...text].length;
  if (length < PHRASING_LIMITS.min || length > PHRASING_LIMITS.max) {
    return {
      ok: false,
      problem: `A phrasing must be ${PHRASING_LIMITS.min} to ${PHRASING_LIMITS.max} characters long; this one is ${length}.`,
      field: 'question',
    };
  }
  if (!kb.byId.has(topicId)) return { ok: false, problem: `There is no topic "${topicId}".`, field: 'topic' };
  const normalized = normalizePhrasing(text);
  if (normalized === '')
    return { ok: false, problem: 'A phrasing needs at least one word.', field: 'question' };
  for (const topic of kb.topics) {
    if (topic.id === topicId) continue;
    const alias = [...topic.aliases.en, ...topic.aliases.ja].find(
      (name) => normalizePhrasing(name) === normalized,
    );
    if (alias !== undefined) {
      return {
        ok: false,
        problem: `"${text}" is already an alias of the topic "${topic.id}" ("${alias}"); it cannot mean "${topicId}" too.`,
        field: 'topic',
      };
    }
  }
  return { ok: true, phrasing: text, normalized };
}

/**
 * Stores `phrasing` as meaning `topicId`, once: taught again for the same topic it is kept as it was
 * (`created: false`); learned already for another topic, it is refused naming that topic.
 */
export async function teachPhrasing(
  store: Store,
  kb: KnowledgeBase,
  request: { phrasing: string; topic: string; taughtBy: string; at: Date },
): Promise<TeachResult> {
  const check = checkPhrasing(kb, request.phrasing, request.topic);
  if (!check.ok) return check;
  const saved = await store.saveLearnedPhrasing({
    phrasing: check.phrasing,
    normalized: check.normalized,
    topic: request.topic,
    taughtBy: request.taughtBy,
    taughtAt: request.at,
  });
  if (saved.phrasing.topic !== request.topic) {
    return {
      ok: false,
      problem: `"${check.phrasing}" was already taught as meaning the topic "${saved.phrasing.topic}"; remove that first (npm run learned -- --remove ${saved.phrasing.id}).`,
      field: 'topic',
    };
  }
  return { ok: true, ...saved };
}

/** What a maintainer types for a new topic, as the modal's fields give it. */
export interface DraftInput {
  topicId: string;
  titleEn: string;
  titleJa: string;
  answerEn: string;
  answerJa: string;
  /** One documentation URL per line. */
  links: string;
  /** Related topic ids, separated by spaces or commas. */
  related: string;
  sourceQuestion: string;
  expertReply: string;
}

export type DraftField = keyof DraftInput;

export type DraftCheck =
  | { ok: true; draft: Omit<NewDraftTopic, 'taughtBy' | 'createdAt'> }
  | { ok: false; problems: Partial<Record<DraftField, string>> };

/** Longest title and answer a draft may have (the knowledge files' answers are a paragraph). */
const DRAFT_LIMITS = Object.freeze({ title: 150, answer: 3000 });

/**
 * Checks a new topic's fields, each problem under its field (shown in the modal beside it): an id in
 * the knowledge files' form that no topic has, both titles and answers, https links, known related ids.
 */
export function checkDraft(kb: KnowledgeBase, input: DraftInput): DraftCheck {
  const problems: Partial<Record<DraftField, string>> = {};
  const topicId = input.topicId.trim();
  if (!TOPIC_ID.test(topicId))
    problems.topicId = 'Use lower-case words joined by hyphens, e.g. "docker-scout".';
  else if (kb.byId.has(topicId)) problems.topicId = `The topic "${topicId}" exists already.`;
  const text = (field: 'titleEn' | 'titleJa' | 'answerEn' | 'answerJa', limit: number) => {
    const value = input[field].trim();
    if (value === '') problems[field] = 'Required.';
    else if ([...value].length > limit) problems[field] = `Keep it under ${limit} characters.`;
    return value;
  };
  const title = { en: text('titleEn', DRAFT_LIMITS.title), ja: text('titleJa', DRAFT_LIMITS.title) };
  const answer = { en: text('answerEn', DRAFT_LIMITS.answer), ja: text('answerJa', DRAFT_LIMITS.answer) };
  const links = input.links
    .split(/\s+/)
    .map((line) => line.trim())
    .filter(Boolean);
  const badLink = links.find((link) => !isHttpsUrl(link));
  if (links.length === 0) problems.links = 'Give at least one documentation link (https://…).';
  else if (badLink) problems.links = `"${badLink}" is not an https:// address.`;
  else if (links.length > 3) problems.links = 'Keep the best 1 to 3 links.';
  const related = input.related
    .split(/[\s,]+/)
    .map((id) => id.trim())
    .filter(Boolean);
  const unknown = related.filter((id) => !kb.byId.has(id));
  if (unknown.length > 0) problems.related = `Unknown topic ids: ${unknown.join(', ')}.`;
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const draft = {
    topicId,
    title,
    answer,
    links,
    related,
    sourceQuestion: input.sourceQuestion.trim(),
    expertReply: input.expertReply.trim(),
  };
  // The file it will be exported as must pass kb:check: what fails is said now, under the answer.
  const fileProblems = exportProblems(kb, draft);
  if (fileProblems.length > 0) return { ok: false, problems: { answerEn: fileProblems.join(' ') } };
  return { ok: true, draft };
}

/** What kb:check would say of the draft's file next to the current knowledge. */
function exportProblems(kb: KnowledgeBase, draft: Omit<NewDraftTopic, 'taughtBy' | 'createdAt'>): string[] {
  const file = `knowledge/${draft.topicId}.md`;
  const text = draftTopicFile({ ...draft, taughtBy: '-', createdAt: new Date(0) }, kb);
  const parsed = parseTopicFile(text, file);
  if (!parsed.ok) return parsed.problems;
  const topics = [...kb.topics, parsed.topic];
  const withDraft = { ...kb, topics, byId: new Map(topics.map((topic) => [topic.id, topic])) };
  return lintKnowledge(withDraft)
    .filter((problem) => problem.file === file)
    .map((problem) => problem.problem);
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

/** Maintainers are the users in ADMIN_USER_IDS: only they may teach. */
export function isMaintainer(deps: Pick<BotDeps, 'adminUserIds'>, userId: string): boolean {
  return deps.adminUserIds?.includes(userId) ?? false;
}

/** What the teach modal sends: the question, and a topic it means or the fields of a new topic. */
export interface TeachSubmission {
  question: string;
  /** The topic picked under "This question means…", or null. */
  topic: string | null;
  draft: Omit<DraftInput, 'sourceQuestion'>;
}

/** Problems keyed by the modal's fields (their block ids), or what to tell the maintainer. */
export type SubmissionResult = { ok: true; reply: string } | { ok: false; errors: Record<string, string> };

/**
 * A teach modal submitted: a learned phrasing when a topic was picked (answered at once on this
 * replica, on the others at their next poll), else a draft topic. A submission from anyone but a
 * maintainer (a forged payload: the modal is only opened for them) is refused politely and logged.
 */
export async function submitTeaching(
  deps: BotDeps,
  userId: string,
  submission: TeachSubmission,
  lang: Lang,
): Promise<SubmissionResult> {
  if (!isMaintainer(deps, userId)) {
    deps.logger.log('warn', 'teaching refused: not a maintainer', { user: userId });
    return { ok: false, errors: { question: phrase('teachOnlyMaintainers', lang) } };
  }
  const { kb } = deps.answers.current();
  const at = deps.scheduleClock();
  if (submission.topic) {
    const result = await learnPhrasing(deps, {
      phrasing: submission.question,
      topic: submission.topic,
      taughtBy: userId,
      at,
    });
    if (!result.ok) return { ok: false, errors: { [result.field]: result.problem } };
    return { ok: true, reply: learnedReply(result, lang) };
  }
  if (submission.draft.topicId.trim() === '') {
    return {
      ok: false,
      errors: { topic: 'Pick the topic this question means, or fill in a new topic below.' },
    };
  }
  const check = checkDraft(kb, { ...submission.draft, sourceQuestion: submission.question });
  if (!check.ok) return { ok: false, errors: check.problems as Record<string, string> };
  const draft = await deps.store.saveDraftTopic({ ...check.draft, taughtBy: userId, createdAt: at });
  deps.logger.log('info', 'draft topic saved', { user: userId, topic: draft.topicId, draft: draft.id });
  return { ok: true, reply: phraseWith('teachDraftSaved', lang, { topic: draft.topicId }) };
}

/**
 * The report's one-click Teach for a phrasing people resolved to a suggestion: the button carries
 * the question and topic (`{"q":…,"t":…}`); only a maintainer's click teaches, anyone else's is refused.
 */
export async function teachSuggested(
  deps: BotDeps,
  userId: string,
  value: string,
  lang: Lang,
): Promise<string> {
  if (!isMaintainer(deps, userId)) {
    deps.logger.log('warn', 'teaching refused: not a maintainer', { user: userId });
    return phrase('teachOnlyMaintainers', lang);
  }
  const parsed = parseSuggestedValue(value);
  if (!parsed) {
    deps.logger.log('warn', 'teach button with an unreadable value', { user: userId });
    return phraseWith('teachRefused', lang, { problem: 'the button is unreadable.' });
  }
  const result = await learnPhrasing(deps, {
    phrasing: parsed.q,
    topic: parsed.t,
    taughtBy: userId,
    at: deps.scheduleClock(),
  });
  return result.ok
    ? learnedReply(result, lang)
    : phraseWith('teachRefused', lang, { problem: result.problem });
}

/**
 * The value of the report's Teach buttons: the question (and for a one-click Teach, its topic) as
 * base64url JSON. A value is never shown, but it is text a person wrote: encoded, it holds no mention
 * or link markup anywhere in the message (nothing to misread, nothing for a scan to flag).
 */
export function teachButtonValue(question: string, topic?: string): string {
  return Buffer.from(
    JSON.stringify(topic === undefined ? { q: question } : { q: question, t: topic }),
  ).toString('base64url');
}

/** What a Teach button carries; null for anything `teachButtonValue` did not write. */
export function readTeachButtonValue(value: string): { q: string; t?: string } | null {
  try {
    const data = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown;
    if (typeof data !== 'object' || data === null) return null;
    const { q, t } = data as Record<string, unknown>;
    if (typeof q !== 'string' || (t !== undefined && typeof t !== 'string')) return null;
    return t === undefined ? { q } : { q, t };
  } catch {
    return null;
  }
}

function parseSuggestedValue(value: string): { q: string; t: string } | null {
  const read = readTeachButtonValue(value);
  return read?.t === undefined ? null : { q: read.q, t: read.t };
}

/** Teaches, logs who taught what, and reloads this replica's phrasings so the question answers at once. */
async function learnPhrasing(
  deps: BotDeps,
  request: { phrasing: string; topic: string; taughtBy: string; at: Date },
): Promise<TeachResult> {
  const result = await teachPhrasing(deps.store, deps.answers.current().kb, request);
  if (!result.ok) return result;
  deps.logger.log('info', 'phrasing learned', {
    user: request.taughtBy,
    topic: result.phrasing.topic,
    id: result.phrasing.id,
    created: result.created,
  });
  await reloadLearned(deps);
  return result;
}

function learnedReply(result: Extract<TeachResult, { ok: true }>, lang: Lang): string {
  const values = { phrasing: result.phrasing.phrasing, topic: result.phrasing.topic };
  return phraseWith(result.created ? 'teachLearned' : 'teachAlreadyLearned', lang, values);
}
