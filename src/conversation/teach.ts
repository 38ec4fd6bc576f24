/**
 * Teaching the bot, the same from Slack and from the command line: a question stored as a learned
 * phrasing of a topic (served at once as one more alias), or as a draft topic (never served; exported
 * to knowledge/ for review). Every rule about what may be taught is here.
 */
import type { KnowledgeBase } from '../knowledge/load.js';
import { draftTopicFile } from '../knowledge/learned-files.js';
import { lintKnowledge } from '../knowledge/lint.js';
import { parseTopicFile, TOPIC_ID } from '../knowledge/parse.js';
import { normalizePhrasing } from '../search/learned.js';
import type { LearnedPhrasing, NewDraftTopic, Store } from '../store/store.js';

/** A phrasing's length, in characters after trimming: shorter says nothing, longer is not a question. */
export const PHRASING_LIMITS = Object.freeze({ min: 3, max: 300 });

export type TeachResult =
  { ok: true; phrasing: LearnedPhrasing; created: boolean } | { ok: false; problem: string };

export type PhrasingCheck =
  { ok: true; phrasing: string; normalized: string } | { ok: false; problem: string };

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
    };
  }
  if (!kb.byId.has(topicId)) return { ok: false, problem: `There is no topic "${topicId}".` };
  const normalized = normalizePhrasing(text);
  if (normalized === '') return { ok: false, problem: 'A phrasing needs at least one word.' };
  for (const topic of kb.topics) {
    if (topic.id === topicId) continue;
    const alias = [...topic.aliases.en, ...topic.aliases.ja].find(
      (name) => normalizePhrasing(name) === normalized,
    );
    if (alias !== undefined) {
      return {
        ok: false,
        problem: `"${text}" is already an alias of the topic "${topic.id}" ("${alias}"); it cannot mean "${topicId}" too.`,
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
