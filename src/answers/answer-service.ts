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

export function createAnswerService(initial: KnowledgeBase): AnswerService {
  let knowledge: Knowledge = { kb: initial, engine: createAnswerEngine(initial.topics) };
  return {
    current: () => knowledge,
    answer: (question) => toAnswer(knowledge.engine.search(question)),
    replace(kb) {
      knowledge = { kb, engine: createAnswerEngine(kb.topics) };
    },
  };
}
