import type { KnowledgeBase } from '../knowledge/load.js';
import { createAnswerEngine, type AnswerEngine } from '../search/engine.js';
import { toAnswer, type Answer } from './answer.js';

/** One consistent knowledge snapshot: the topics and the index built from them. */
export interface Knowledge {
  kb: KnowledgeBase;
  engine: AnswerEngine;
}

/**
 * What every surface asks: the current knowledge, and the answer to a question. Replacing the
 * knowledge swaps one reference, so a question always sees one whole snapshot.
 */
export interface AnswerService {
  current(): Knowledge;
  answer(question: string): Answer;
  replace(kb: KnowledgeBase): void;
}

/**
 * How much of a question is searched (and kept). More than a question needs: the search reads no more
 * than its first `maxQuestionTokens` distinct words. A question of megabytes would cost the tokenizer
 * the whole heap before that limit applies. Every surface asks through this service.
 */
export const MAX_QUESTION_CHARS = 2000;

export function createAnswerService(initial: KnowledgeBase): AnswerService {
  let knowledge: Knowledge = {
    kb: initial,
    engine: createAnswerEngine(initial.topics, undefined, initial.concepts),
  };
  return {
    current: () => knowledge,
    answer(question) {
      const searched = firstChars(question, MAX_QUESTION_CHARS);
      const answer = toAnswer(knowledge.engine.search(searched));
      // A cut question says so where it is shown back or stored.
      return searched === question ? answer : { ...answer, question: `${searched}…` };
    },
    replace(kb) {
      knowledge = { kb, engine: createAnswerEngine(kb.topics, undefined, kb.concepts) };
    },
  };
}

/** The first `limit` UTF-16 units, one fewer where the last would be the first half of a pair. */
function firstChars(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const last = text.charCodeAt(limit - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? limit - 1 : limit);
}
