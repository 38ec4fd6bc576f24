import { errorFragmentKey, foldErrorText } from '../knowledge/error-fragments.js';
import type { Topic } from '../knowledge/types.js';
import { stripSlackMarkup } from './normalize.js';

/** One topic whose error fragment a question contains. */
export interface ErrorMatch {
  /** index of the topic in the engine's topic list */
  topic: number;
  /** the fragment as the knowledge writes it */
  fragment: string;
}

const WHITESPACE = /\s/u;
const WORD_CHAR = /[a-z0-9]/;

interface Fragment {
  key: string;
  topic: number;
  fragment: string;
  /** whether the fragment starts / ends with a letter or digit, which must not continue a longer word */
  wordStart: boolean;
  wordEnd: boolean;
}

/**
 * Finds the topics whose error fragments a question contains, best first: the longest fragment (the
 * most specific message) first, then the one met earlier. Fragments are folded once, when the engine
 * is built; a question is folded once and each distinct fragment is one substring search over it.
 * A fragment must not start or end inside a longer word: `toomanyrequests` is not found in
 * `StatusTooManyRequests`, nor `exited with code 1` in `exited with code 137`.
 */
export function buildErrorMatcher(topics: readonly Topic[]): (question: string) => ErrorMatch[] {
  const byKey = new Map<string, Fragment>();
  topics.forEach((topic, index) => {
    for (const fragment of topic.errors) {
      const key = errorFragmentKey(fragment);
      // A fragment in two topics is an authoring error (kb:check names it); the first topic keeps it.
      if (key === '' || byKey.has(key)) continue;
      byKey.set(key, {
        key,
        topic: index,
        fragment,
        wordStart: WORD_CHAR.test(key[0] as string),
        wordEnd: WORD_CHAR.test(key[key.length - 1] as string),
      });
    }
  });
  // Longest first: among fragments found, the first one met per topic is that topic's best.
  const fragments = [...byKey.values()].sort((a, b) => b.key.length - a.key.length);

  return (question) => {
    if (fragments.length === 0) return [];
    const text = foldErrorText(stripSlackMarkup(question));
    const compact = text.replace(/\s+/gu, '');
    // Where each character of `compact` is in `text`, worked out only once some fragment is found.
    let at: number[] | undefined;
    const positions = () => (at ??= compactPositions(text));

    const found: { fragment: Fragment; position: number }[] = [];
    for (const fragment of fragments) {
      if (fragment.key.length > compact.length) continue;
      const position = findWhole(fragment, compact, text, positions);
      if (position >= 0) found.push({ fragment, position });
    }
    found.sort((a, b) => b.fragment.key.length - a.fragment.key.length || a.position - b.position);

    const seen = new Set<number>();
    const matches: ErrorMatch[] = [];
    for (const { fragment } of found) {
      if (seen.has(fragment.topic)) continue;
      seen.add(fragment.topic);
      matches.push({ topic: fragment.topic, fragment: fragment.fragment });
    }
    return matches;
  };
}

/** Where the fragment first occurs in the question without running into a neighbouring word, or -1. */
function findWhole(fragment: Fragment, compact: string, text: string, positions: () => number[]): number {
  for (
    let start = compact.indexOf(fragment.key);
    start >= 0;
    start = compact.indexOf(fragment.key, start + 1)
  ) {
    const at = positions();
    const before = text[(at[start] as number) - 1] ?? ' ';
    const after = text[(at[start + fragment.key.length - 1] as number) + 1] ?? ' ';
    if (fragment.wordStart && WORD_CHAR.test(before)) continue;
    if (fragment.wordEnd && WORD_CHAR.test(after)) continue;
    return start;
  }
  return -1;
}

function compactPositions(text: string): number[] {
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) if (!WHITESPACE.test(text[i] as string)) at.push(i);
  return at;
}
