import Fuse from 'fuse.js';
import type { Lang, Topic } from '../knowledge/types.js';
import { SEARCH_DEFAULTS, type SearchConfig } from './config.js';
import { editDistance } from './edit-distance.js';
import { COMMON_ENGLISH_WORDS } from './english-words.js';
import { detectLang } from './normalize.js';
import {
  isLatinToken,
  isMistypedStopword,
  knowledgeWords,
  latinTokenOf,
  tokenizeDetailed,
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

interface Hit {
  index: number;
  score: number;
  /** whether some word of the question matched the topic exactly (not as a typo or a part) */
  exact: boolean;
}

interface TermMatch {
  term: string;
  similarity: number;
}

/**
 * Builds the index once. Questions are short and answers long, so the fuzzy matching (Fuse.js) runs
 * over the vocabulary — one short word at a time — instead of over whole entries: a typo costs a
 * look-up among words of similar length, and ranking is arithmetic over postings.
 */
export function createAnswerEngine(
  topics: readonly Topic[],
  config: SearchConfig = SEARCH_DEFAULTS,
): AnswerEngine {
  const index = buildIndex(topics, config);
  const { termIds, idf } = index;
  const idOf = (term: string) => termIds.get(term);
  const unknownWeight = Math.log(1 + index.topicCount) * config.unknownWordWeight;

  const fuzzyIndex = buildFuzzyIndex([...termIds.keys()], config);
  const japaneseByChar = new Map<string, string[]>();
  for (const term of termIds.keys()) {
    if (isLatinToken(term) || term.length < 2) continue;
    for (const char of new Set(term)) {
      const list = japaneseByChar.get(char);
      if (list) list.push(term);
      else japaneseByChar.set(char, [term]);
    }
  }

  // Scratch space reused by every search (searches are synchronous): no per-question allocation that
  // grows with the knowledge base.
  const topicSums = new Float64Array(index.topicCount);
  const topicExact = new Uint8Array(index.topicCount);
  const tokenBest = new Float64Array(index.topicCount);
  const topicCompleteness = new Float64Array(index.topicCount);
  const nameSaid = new Float64Array(index.nameTopic.length);

  /** For `npm run ask -- --explain`: how each word of a question matched. */
  function explain(question: string) {
    return questionTokens(question).map(({ text: token }) => ({
      token,
      matches: matchToken(token).map(({ term, similarity }) => {
        const id = idOf(term) ?? -1;
        const where: string[] = [];
        for (let i = index.topicStart[id] ?? 0; i < (index.topicStart[id + 1] ?? 0); i++) {
          where.push(
            `${topics[index.postingTopics[i] as number]?.id}:${round(index.postingWeights[i] as number)}`,
          );
        }
        return { term, similarity: round(similarity), idf: round(idf[id] ?? 0), topics: where };
      }),
    }));
  }

  function matchToken(token: string): TermMatch[] {
    if (termIds.has(token)) return [{ term: token, similarity: 1 }];
    if (isLatinToken(token)) return COMMON_ENGLISH_WORDS.has(token) ? [] : fuzzyIndex(token);
    return matchJapanesePart(token);
  }

  /**
   * A Japanese word that is not known as a whole meets the known words it contains or that contain it;
   * one kanji (the stem of 作り方) meets the compounds it starts (作成). Candidates come from the
   * known words sharing the word's rarest character.
   */
  function matchJapanesePart(token: string): TermMatch[] {
    const found = new Map<string, number>();
    const consider = (term: string) => {
      const overlap = Math.min(term.length, token.length) / Math.max(term.length, token.length);
      found.set(term, config.japanesePartialSimilarity * Math.sqrt(overlap));
    };
    for (let length = 2; length < token.length; length++) {
      for (let start = 0; start + length <= token.length; start++) {
        const part = token.slice(start, start + length);
        if (termIds.has(part)) consider(part);
      }
    }
    let rarest: string[] | undefined;
    for (const char of token) {
      const list = japaneseByChar.get(char) ?? [];
      if (!rarest || list.length < rarest.length) rarest = list;
    }
    const single = token.length === 1;
    for (const term of rarest ?? []) {
      if (single ? term.startsWith(token) : term.includes(token)) consider(term);
    }
    return [...found]
      .sort((a, b) => b[1] - a[1])
      .slice(0, config.maxPartialMatches)
      .map(([term, similarity]) => ({ term, similarity }));
  }

  function questionTokens(question: string): Token[] {
    const seen = new Set<string>();
    const tokens: Token[] = [];
    for (const token of tokenizeDetailed(question)) {
      if (seen.has(token.text)) continue;
      if (isLatinToken(token.text) && !termIds.has(token.text) && isMistypedStopword(token.text, distanceOf1))
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

  /**
   * Each topic scores the share of the question it covers (words weighted by rarity and by the field
   * they were found in), times how completely one of its names says the same as the question.
   */
  function rankHits(question: string): Hit[] {
    const touchedTopics: number[] = [];
    const touchedNames: number[] = [];
    /** best similarity with which the question reached each known word (by word id) */
    const reached = new Map<number, number>();
    let totalWeight = 0;

    for (const { text: token, compound } of questionTokens(question)) {
      // A compound only ever adds evidence: unknown compounds are not unknown words.
      if (compound && !termIds.has(token)) continue;
      const matches = matchToken(token);
      if (matches.length === 0) {
        totalWeight += unknownWeight;
        continue;
      }
      let weight = 0;
      // A word may stand for several known words (typo candidates); a topic counts its best one.
      const tokenTopics: number[] = [];
      for (const { term, similarity } of matches) {
        const id = idOf(term);
        if (id === undefined) continue;
        weight = Math.max(weight, idf[id] as number);
        if ((reached.get(id) ?? 0) < similarity) reached.set(id, similarity);
        for (let i = index.topicStart[id] as number; i < (index.topicStart[id + 1] as number); i++) {
          const topic = index.postingTopics[i] as number;
          const value = similarity * (index.postingWeights[i] as number);
          if (tokenBest[topic] === 0) tokenTopics.push(topic);
          if ((tokenBest[topic] as number) < value) tokenBest[topic] = value;
          if (similarity === 1) topicExact[topic] = 1;
        }
      }
      totalWeight += weight;
      for (const topic of tokenTopics) {
        if (topicSums[topic] === 0) touchedTopics.push(topic);
        topicSums[topic] = (topicSums[topic] as number) + weight * (tokenBest[topic] as number);
        tokenBest[topic] = 0;
      }
    }

    // How much of each name the question said, accumulated only over names holding a reached word.
    for (const [id, similarity] of reached) {
      for (let i = index.nameStart[id] as number; i < (index.nameStart[id + 1] as number); i++) {
        const name = index.postingNames[i] as number;
        if (nameSaid[name] === 0) touchedNames.push(name);
        nameSaid[name] = (nameSaid[name] as number) + (idf[id] as number) * similarity;
      }
    }
    for (const name of touchedNames) {
      const said = nameSaid[name] as number;
      nameSaid[name] = 0;
      const total = index.nameTotals[name] as number;
      if (total === 0 || totalWeight === 0) continue;
      // recall: the share of the name the question said; precision: the share of the question the name explains
      const fit = Math.sqrt((said / total) * Math.min(1, said / totalWeight));
      const topic = index.nameTopic[name] as number;
      if ((topicCompleteness[topic] as number) < fit) topicCompleteness[topic] = fit;
    }

    const hits: Hit[] = [];
    let floor = -1;
    for (const topic of touchedTopics) {
      const coverage = (topicSums[topic] as number) / totalWeight;
      const completeness = topicCompleteness[topic] as number;
      const exact = topicExact[topic] === 1;
      topicSums[topic] = 0;
      topicCompleteness[topic] = 0;
      topicExact[topic] = 0;
      const score = coverage * (config.completenessBase + (1 - config.completenessBase) * completeness);
      if (hits.length >= config.rankDepth && score <= floor) continue;
      hits.push({ index: topic, score, exact });
      hits.sort((a, b) => b.score - a.score || a.index - b.index);
      if (hits.length > config.rankDepth) hits.pop();
      floor = hits[hits.length - 1]?.score ?? -1;
    }
    return hits;
  }

  function rank(question: string): SearchHit[] {
    return rankHits(question).map(({ index, score }) => ({
      topic: topics[index] as Topic,
      score: round(score),
    }));
  }

  function decide(question: string, lang: Lang, hits: Hit[]): SearchResult {
    const top = hits[0];
    const topTopic = top ? topics[top.index] : undefined;
    if (!top || !topTopic) return { question, lang, answered: false, topic: null, score: 0, suggestions: [] };

    // A close runner-up that the best topic lists as related is a neighbour, not a rival.
    const rival = hits.slice(1).find((hit) => !topTopic.related.includes(topics[hit.index]?.id ?? ''));
    const margin = top.score - (rival?.score ?? 0);
    // Evidence made only of corrected or partial words ("lunch" read as "launch") must be stronger.
    const threshold = top.exact ? config.answerMin : config.inexactAnswerMin;
    const answered = top.score >= threshold && margin >= config.minMargin;

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
 * The inverted index in compressed-sparse-row form: for word id `w`, its postings are the slots
 * `topicStart[w]` to `topicStart[w + 1]` of `postingTopics` / `postingWeights`, and the names holding
 * it are `nameStart[w]` to `nameStart[w + 1]` of `postingNames`. Flat typed arrays instead of an object
 * per word keep a 10,000-entry knowledge base quick to build and small in memory.
 */
interface Index {
  topicCount: number;
  termIds: Map<string, number>;
  idf: Float64Array;
  topicStart: Int32Array;
  postingTopics: Int32Array;
  postingWeights: Float32Array;
  nameStart: Int32Array;
  postingNames: Int32Array;
  /** per name: its topic, and the summed idf of its words */
  nameTopic: Int32Array;
  nameTotals: Float64Array;
}

function buildIndex(topics: readonly Topic[], config: SearchConfig): Index {
  const termIds = new Map<string, number>();
  const idFor = (term: string) => {
    let id = termIds.get(term);
    if (id === undefined) termIds.set(term, (id = termIds.size));
    return id;
  };
  // Raw English word → its term id (-1: stopword): one look-up per word of a large knowledge base.
  const rawIds = new Map<string, number>();
  const idsOf = (text: string): number[] => {
    const ids: number[] = [];
    knowledgeWords(
      text,
      (raw) => {
        let id = rawIds.get(raw);
        if (id === undefined) {
          const token = latinTokenOf(raw);
          id = token === null ? -1 : idFor(token);
          rawIds.set(raw, id);
        }
        if (id >= 0) ids.push(id);
      },
      (token) => ids.push(idFor(token)),
    );
    return ids;
  };
  // (word, topic, weight) and (word, name) pairs, gathered flat and grouped by word at the end
  const pairTerm: number[] = [];
  const pairTopic: number[] = [];
  const pairWeight: number[] = [];
  const linkTerm: number[] = [];
  const linkName: number[] = [];
  const nameTopic: number[] = [];
  const nameTerms: number[][] = [];

  topics.forEach((topic, topicIndex) => {
    const best = new Map<number, number>();
    const note = (ids: number[], field: Field) => {
      const weight = config.fieldWeights[field];
      for (const id of ids) if ((best.get(id) ?? 0) < weight) best.set(id, weight);
    };
    const addName = (text: string, field: Field) => {
      const ids = unique(idsOf(text));
      if (ids.length === 0) return;
      const nameId = nameTopic.length;
      nameTopic.push(topicIndex);
      nameTerms.push(ids);
      for (const id of ids) {
        linkTerm.push(id);
        linkName.push(nameId);
      }
      note(ids, field);
    };
    for (const alias of topic.aliases.en) addName(alias, 'alias');
    for (const alias of topic.aliases.ja) addName(alias, 'alias');
    addName(topic.title.en, 'title');
    addName(topic.title.ja, 'title');
    addName(topic.id.replace(/-/g, ' '), 'id');
    note(idsOf(topic.answer.en), 'answer');
    note(idsOf(topic.answer.ja), 'answer');
    for (const [id, weight] of best) {
      pairTerm.push(id);
      pairTopic.push(topicIndex);
      pairWeight.push(weight);
    }
  });

  const termCount = termIds.size;
  const [topicStart, topicOrder] = groupByTerm(pairTerm, termCount);
  const [nameStart, nameOrder] = groupByTerm(linkTerm, termCount);
  const topicCount = Math.max(topics.length, 1);
  const idf = new Float64Array(termCount);
  for (let id = 0; id < termCount; id++) {
    const df = Math.max((topicStart[id + 1] as number) - (topicStart[id] as number), 1);
    idf[id] = Math.log(1 + topicCount / df);
  }
  return {
    topicCount,
    termIds,
    idf,
    topicStart,
    postingTopics: Int32Array.from(topicOrder, (pair) => pairTopic[pair] as number),
    postingWeights: Float32Array.from(topicOrder, (pair) => pairWeight[pair] as number),
    nameStart,
    postingNames: Int32Array.from(nameOrder, (link) => linkName[link] as number),
    nameTopic: Int32Array.from(nameTopic),
    nameTotals: Float64Array.from(nameTerms, (ids) => ids.reduce((sum, id) => sum + (idf[id] as number), 0)),
  };
}

/** Counting sort of pair indexes by word id: the start offset of each word, and the pairs in word order. */
function groupByTerm(pairTerms: number[], termCount: number): [Int32Array, Int32Array] {
  const start = new Int32Array(termCount + 1);
  for (const term of pairTerms) start[term + 1] = (start[term + 1] as number) + 1;
  for (let id = 0; id < termCount; id++) start[id + 1] = (start[id + 1] as number) + (start[id] as number);
  const next = start.slice(0, termCount);
  const order = new Int32Array(pairTerms.length);
  pairTerms.forEach((term, pair) => {
    order[next[term] as number] = pair;
    next[term] = (next[term] as number) + 1;
  });
  return [start, order];
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
    // Only the nearest words: "contianer" is "container" (one edit), not also "containerd" (two).
    const nearest = Math.max(0, ...found.values());
    return [...found]
      .filter(([, similarity]) => similarity === nearest)
      .map(([term, similarity]) => ({ term, similarity }));
  };
}

const distanceOf1 = (a: string, b: string) => editDistance(a, b, 1);

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
