import Fuse from 'fuse.js';
import type { Lang, Topic } from '../knowledge/types.js';
import { SEARCH_DEFAULTS, type SearchConfig } from './config.js';
import { editDistance } from './edit-distance.js';
import { detectLang } from './normalize.js';
import {
  isLatinToken,
  isMistypedStopword,
  tokenize,
  tokenizeDetailed,
  tokenizeLongText,
  type Token,
} from './tokenize.js';

export interface SearchHit {
  topic: Topic;
  score: number;
}

export interface SearchResult {
  question: string;
  lang: Lang;
  /** True when the engine is confident enough to give `topic` as the answer. */
  answered: boolean;
  topic: Topic | null;
  /** Confidence of the best topic, 0-1 (0 when nothing matched). */
  score: number;
  /** "Did you mean" topics: the runners-up of a low-confidence answer, or the best guesses of a non-answer. */
  suggestions: Topic[];
}

export interface AnswerEngine {
  search(question: string): SearchResult;
  /** Every topic the question reached, best first, with its score. */
  rank(question: string): SearchHit[];
  /** How each word of the question matched known words, for tuning and for maintainers. */
  explain(question: string): WordMatch[];
  readonly topics: readonly Topic[];
}

export interface WordMatch {
  token: string;
  matches: { term: string; similarity: number; idf: number; topics: string[] }[];
}

type Field = keyof SearchConfig['fieldWeights'];

interface TermMatch {
  term: string;
  similarity: number;
}

/**
 * Builds the index once. Questions are short and answers long, so the fuzzy matching (Fuse.js) runs
 * over the vocabulary — one short word at a time — instead of over whole entries: a typo costs a
 * look-up among words of similar length, and ranking is exact arithmetic over postings.
 */
export function createAnswerEngine(
  topics: readonly Topic[],
  config: SearchConfig = SEARCH_DEFAULTS,
): AnswerEngine {
  /** term → topic index → best field weight of the term in that topic */
  const postings = new Map<string, Map<number, number>>();
  /** Per topic, the token lists of its names (aliases, titles, id): what a complete question would say. */
  const names: string[][][] = [];

  const addTerms = (topicIndex: number, tokens: Iterable<string>, field: Field) => {
    const weight = config.fieldWeights[field];
    for (const term of tokens) {
      let byTopic = postings.get(term);
      if (!byTopic) postings.set(term, (byTopic = new Map()));
      if ((byTopic.get(topicIndex) ?? 0) < weight) byTopic.set(topicIndex, weight);
    }
  };

  topics.forEach((topic, index) => {
    const topicNames: string[][] = [];
    const addName = (text: string, field: Field) => {
      const tokens = unique(tokenize(text, KNOWLEDGE_TEXT));
      if (tokens.length === 0) return;
      topicNames.push(tokens);
      addTerms(index, tokens, field);
    };
    for (const alias of [...topic.aliases.en, ...topic.aliases.ja]) addName(alias, 'alias');
    addName(topic.title.en, 'title');
    addName(topic.title.ja, 'title');
    addName(topic.id.replace(/-/g, ' '), 'id');
    addTerms(index, tokenizeLongText(`${topic.answer.en} ${topic.answer.ja}`), 'answer');
    names.push(topicNames);
  });

  const topicCount = Math.max(topics.length, 1);
  const idf = new Map<string, number>();
  for (const [term, byTopic] of postings) idf.set(term, Math.log(1 + topicCount / byTopic.size));
  const unknownWeight = Math.log(1 + topicCount) * config.unknownWordWeight;

  const fuzzyIndex = buildFuzzyIndex([...postings.keys()], config);
  const japaneseTerms = [...postings.keys()].filter((term) => !isLatinToken(term) && term.length >= 2);

  /** For `npm run ask -- --explain`: how each word of a question matched. */
  function explain(question: string) {
    return questionTokens(question).map(({ text: token }) => ({
      token,
      matches: matchToken(token).map(({ term, similarity }) => ({
        term,
        similarity: round(similarity),
        idf: round(idf.get(term) ?? 0),
        topics: [...(postings.get(term) ?? [])].map(([index, weight]) => `${topics[index]?.id}:${weight}`),
      })),
    }));
  }

  function matchToken(token: string): TermMatch[] {
    if (postings.has(token)) return [{ term: token, similarity: 1 }];
    if (isLatinToken(token)) return fuzzyIndex(token);
    // One kanji (a reduced verb such as 作 of 作り方) meets the compounds it starts (作成).
    const single = token.length < 2;
    const partial: TermMatch[] = [];
    for (const term of japaneseTerms) {
      if (single ? term.startsWith(token) : term.includes(token) || token.includes(term)) {
        const overlap = Math.min(term.length, token.length) / Math.max(term.length, token.length);
        partial.push({ term, similarity: config.japanesePartialSimilarity * Math.sqrt(overlap) });
      }
    }
    return partial;
  }

  function questionTokens(question: string): Token[] {
    const seen = new Set<string>();
    const tokens: Token[] = [];
    for (const token of tokenizeDetailed(question)) {
      if (seen.has(token.text)) continue;
      if (
        isLatinToken(token.text) &&
        !postings.has(token.text) &&
        isMistypedStopword(token.text, distanceOf1)
      )
        continue;
      seen.add(token.text);
      tokens.push(token);
      if (tokens.length >= config.maxQuestionTokens) break;
    }
    return tokens;
  }

  function search(question: string): SearchResult {
    return decide(question, detectLang(question), rankHits(question));
  }

  function rankHits(question: string): { index: number; score: number }[] {
    const tokens = questionTokens(question);

    let totalWeight = 0;
    const sums = new Map<number, number>();
    /** best similarity with which the question reached each known term */
    const reached = new Map<string, number>();

    for (const { text: token, compound } of tokens) {
      // A compound only ever adds evidence: unknown compounds are not unknown words.
      if (compound && !postings.has(token)) continue;
      const matches = matchToken(token);
      let weight = 0;
      const best = new Map<number, number>();
      for (const { term, similarity } of matches) {
        weight = Math.max(weight, idf.get(term) ?? 0);
        if ((reached.get(term) ?? 0) < similarity) reached.set(term, similarity);
        for (const [topicIndex, fieldWeight] of postings.get(term) ?? []) {
          const value = similarity * fieldWeight;
          if ((best.get(topicIndex) ?? 0) < value) best.set(topicIndex, value);
        }
      }
      if (matches.length === 0) weight = unknownWeight;
      totalWeight += weight;
      for (const [topicIndex, value] of best)
        sums.set(topicIndex, (sums.get(topicIndex) ?? 0) + weight * value);
    }

    const hits: { index: number; score: number }[] = [];
    for (const [index, sum] of sums) {
      const coverage = sum / totalWeight;
      const completeness = bestCompleteness(names[index] ?? [], reached, totalWeight);
      const score = coverage * (config.completenessBase + (1 - config.completenessBase) * completeness);
      hits.push({ index, score });
    }
    return hits.sort((a, b) => b.score - a.score || a.index - b.index);
  }

  function rank(question: string): SearchHit[] {
    return rankHits(question).map(({ index, score }) => ({
      topic: topics[index] as Topic,
      score: round(score),
    }));
  }

  /**
   * How well one name (alias or title) of the topic says the same as the whole question: the share of
   * the name the question reached (recall) and the share of the question the name explains (precision),
   * both weighted by rarity. "container" alone fits the alias "container" fully and "container vs
   * image" only half; "コンテナをイメージにするには" fits "イメージ" only half.
   */
  function bestCompleteness(
    topicNames: string[][],
    reached: Map<string, number>,
    totalWeight: number,
  ): number {
    let best = 0;
    for (const name of topicNames) {
      let said = 0;
      let all = 0;
      for (const term of name) {
        const weight = idf.get(term) ?? 0;
        all += weight;
        said += weight * (reached.get(term) ?? 0);
      }
      if (all === 0 || said === 0) continue;
      const recall = said / all;
      const precision = Math.min(1, said / totalWeight);
      best = Math.max(best, Math.sqrt(recall * precision));
    }
    return best;
  }

  function decide(question: string, lang: Lang, hits: { index: number; score: number }[]): SearchResult {
    const top = hits[0];
    const topTopic = top ? topics[top.index] : undefined;
    if (!top || !topTopic) return { question, lang, answered: false, topic: null, score: 0, suggestions: [] };

    // A close runner-up that the best topic lists as related is a neighbour, not a rival.
    const rival = hits.slice(1).find((hit) => !topTopic.related.includes(topics[hit.index]?.id ?? ''));
    const margin = top.score - (rival?.score ?? 0);
    const answered = top.score >= config.answerMin && margin >= config.minMargin;

    const pool = answered ? hits.slice(1) : hits;
    const suggestions =
      answered && top.score >= config.confidentMin
        ? []
        : pool
            .filter((hit) => hit.score >= config.suggestMin)
            .slice(0, config.maxSuggestions)
            .map((hit) => topics[hit.index] as Topic);

    return {
      question,
      lang,
      answered,
      topic: answered ? topTopic : null,
      score: round(top.score),
      suggestions,
    };
  }

  return { search, rank, explain, topics };
}

/**
 * Fuse.js indexes per (length, first letter): a typo rarely changes a word's length by more than one or
 * its first letter, and the transposed-first-letters case ("iamge") is covered by also asking under
 * the second letter. Fuse collects candidates; the edit distance decides and gives the similarity.
 */
function buildFuzzyIndex(terms: string[], config: SearchConfig): (token: string) => TermMatch[] {
  const { minLength, oneEditUpTo, fuseThreshold } = config.fuzzy;
  const groups = new Map<string, string[]>();
  for (const term of terms) {
    if (!isLatinToken(term) || term.length < minLength - 1) continue;
    const key = `${term.length}:${term[0]}`;
    const group = groups.get(key);
    if (group) group.push(term);
    else groups.set(key, [term]);
  }
  const indexes = new Map<string, Fuse<string>>();
  for (const [key, group] of groups) {
    indexes.set(key, new Fuse(group, { includeScore: true, threshold: fuseThreshold, ignoreLocation: true }));
  }

  return (token) => {
    if (token.length < minLength) return [];
    const maxEdits = token.length <= oneEditUpTo ? 1 : 2;
    const found = new Map<string, number>();
    for (let length = token.length - maxEdits; length <= token.length + maxEdits; length++) {
      for (const letter of new Set([token[0], token[1]])) {
        const index = indexes.get(`${length}:${letter}`);
        if (!index) continue;
        for (const { item } of index.search(token)) {
          const distance = editDistance(token, item, maxEdits);
          if (distance > maxEdits) continue;
          const similarity = 1 - distance / Math.max(token.length, item.length);
          found.set(item, Math.max(found.get(item) ?? 0, similarity));
        }
      }
    }
    return [...found].map(([term, similarity]) => ({ term, similarity }));
  };
}

/** Knowledge is written by people, not Slack: `<none>` in it is text, not markup. */
const KNOWLEDGE_TEXT = { slack: false };

const distanceOf1 = (a: string, b: string) => editDistance(a, b, 1);

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
