import type { ConceptGroup } from '../knowledge/concepts.js';
import { tokenize } from './tokenize.js';

/**
 * The concepts of `knowledge/concepts.yaml` as the engine applies them, to the knowledge when it is
 * indexed and to every question: a word of one token becomes its concept's token; a Japanese word of
 * several tokens (立ち上げ → 立, 上) becomes it where those tokens follow one another.
 */
export interface ConceptMap {
  single: ReadonlyMap<string, string>;
  /** by first token: the tokens that must follow, and the concept */
  sequences: ReadonlyMap<string, readonly { rest: readonly string[]; concept: string }[]>;
}

export const NO_CONCEPTS: ConceptMap = { single: new Map(), sequences: new Map() };

export function buildConceptMap(groups: readonly ConceptGroup[]): ConceptMap {
  if (groups.length === 0) return NO_CONCEPTS;
  const single = new Map<string, string>();
  const sequences = new Map<string, { rest: string[]; concept: string }[]>();
  for (const { concept, words } of groups) {
    for (const word of words) {
      const [first, ...rest] = tokenize(word, { slack: false });
      if (first === undefined) continue;
      if (rest.length === 0) {
        if (first !== concept) single.set(first, concept);
        continue;
      }
      const list = sequences.get(first) ?? [];
      list.push({ rest, concept });
      // Longest first: 立ち上げ before a shorter word starting alike.
      list.sort((a, b) => b.rest.length - a.rest.length);
      sequences.set(first, list);
    }
  }
  return { single, sequences };
}

/** The items with each concept word read as its concept; `textOf` and `withText` see into an item. */
export function applyConcepts<T>(
  items: readonly T[],
  map: ConceptMap,
  textOf: (item: T) => string,
  withText: (item: T, text: string) => T,
): T[] {
  if (map.single.size === 0 && map.sequences.size === 0) return items as T[];
  const out: T[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as T;
    const text = textOf(item);
    const candidates = map.sequences.get(text);
    const sequence = candidates?.find(({ rest }) =>
      rest.every((token, k) => {
        const next = items[i + 1 + k];
        return next !== undefined && textOf(next) === token;
      }),
    );
    if (sequence) {
      out.push(withText(item, sequence.concept));
      i += sequence.rest.length;
      continue;
    }
    const concept = map.single.get(text);
    out.push(concept === undefined ? item : withText(item, concept));
  }
  return out;
}
