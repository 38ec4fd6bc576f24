import type { KnowledgeBase } from '../knowledge/load.js';
import { createAnswerEngine, type AnswerEngine, type SearchResult } from '../search/engine.js';
import { detectLang } from '../search/normalize.js';
import { normalizePhrasing, withLearnedAliases, type LearnedAlias } from '../search/learned.js';
import { toAnswer, type Answer } from './answer.js';

/**
 * One consistent knowledge snapshot: the topics, the phrasings maintainers taught (the overlay), and
 * the index built from both.
 */
export interface Knowledge {
  kb: KnowledgeBase;
  engine: AnswerEngine;
  learned: readonly LearnedAlias[];
  /** Each taught phrasing's normalised form → its topic id. */
  taught: ReadonlyMap<string, string>;
}

/**
 * What every surface asks: the current knowledge, and the answer to a question. Replacing the
 * knowledge or the learned phrasings swaps one reference, so a question always sees one whole snapshot.
 */
export interface AnswerService {
  current(): Knowledge;
  answer(question: string): Answer;
  replace(kb: KnowledgeBase): void;
  /** Serves these learned phrasings (all of them: the previous overlay is dropped) from now on. */
  learn(learned: readonly LearnedAlias[]): void;
}

/**
 * How much of a question is searched (and kept). More than a question needs: the search reads no more
 * than its first `maxQuestionTokens` distinct words. A question of megabytes would cost the tokenizer
 * the whole heap before that limit applies. Every surface asks through this service.
 */
export const MAX_QUESTION_CHARS = 2000;

export function createAnswerService(
  initial: KnowledgeBase,
  initialLearned: readonly LearnedAlias[] = [],
): AnswerService {
  let knowledge = snapshot(initial, initialLearned);
  return {
    current: () => knowledge,
    answer(question) {
      const searched = firstChars(question, MAX_QUESTION_CHARS);
      const answer = toAnswer(taughtAnswer(knowledge, searched) ?? knowledge.engine.search(searched));
      // A cut question says so where it is shown back or stored.
      return searched === question ? answer : { ...answer, question: `${searched}…` };
    },
    replace(kb) {
      knowledge = snapshot(kb, knowledge.learned);
    },
    learn(learned) {
      knowledge = snapshot(knowledge.kb, learned);
    },
  };
}

/**
 * Learned phrasings join their topics' aliases, so near wordings are found too; the index is rebuilt
 * from scratch: tens of milliseconds for the shipped knowledge (`npm run bench:learned`), paid only when
 * the phrasings change.
 */
function snapshot(kb: KnowledgeBase, learned: readonly LearnedAlias[]): Knowledge {
  const known = learned.filter((entry) => kb.byId.has(entry.topic));
  const taught = new Map<string, string>();
  for (const entry of known) taught.set(normalizePhrasing(entry.phrasing), entry.topic);
  return {
    kb,
    engine: createAnswerEngine(withLearnedAliases(kb.topics, known), undefined, kb.concepts),
    learned: known,
    taught,
  };
}

/** A question a maintainer taught, word for word (as normalised), means its topic with full confidence. */
function taughtAnswer(knowledge: Knowledge, question: string): SearchResult | undefined {
  const id = knowledge.taught.get(normalizePhrasing(question));
  const topic = id === undefined ? undefined : knowledge.engine.topics.find((entry) => entry.id === id);
  if (!topic) return undefined;
  return {
    question,
    lang: detectLang(question),
    answered: true,
    topic,
    score: 1,
    suggestions: [],
    errorMatch: null,
    domain: { inDomain: true, evidence: ['learned phrasing'] },
  };
}

/** The first `limit` UTF-16 units, one fewer where the last would be the first half of a pair. */
function firstChars(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const last = text.charCodeAt(limit - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? limit - 1 : limit);
}
