import Fuse from 'fuse.js';
import type { Lang, Topic } from '../knowledge/types.js';
import { SEARCH_DEFAULTS, type SearchConfig } from './config.js';
import { editDistance } from './edit-distance.js';
import type { ConceptGroup } from '../knowledge/concepts.js';
import { comparisonOf, type Comparison } from './comparison.js';
import { definedTerm, quotedTerms } from './definition.js';
import { applyConcepts, buildConceptMap, type ConceptMap } from './concepts.js';
import { domainPatterns, type DomainEvidence } from './domain.js';
import { buildErrorMatcher } from './error-fragments.js';
import { IntList } from './int-list.js';
import { COMMON_ENGLISH_WORDS, GENERAL_COMPUTING_WORDS } from './english-words.js';
import { DAILY_LIFE_JAPANESE_WORDS } from './japanese-words.js';
import { detectLang, normalizeText } from './normalize.js';
import {
  isLatinToken,
  isMistypedStopword,
  isPrintableAscii,
  tokenizeDetailed,
  type Token,
} from './tokenize.js';
import { HASH_START, hashOf, nextHash, type StringTable } from './string-table.js';
import { Vocabulary } from './vocabulary.js';

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
  /**
   * The error fragment (a topic's `errors:`) the question contains, which decided the answer with
   * full confidence; null when words decided.
   */
  errorMatch: string | null;
  /** The first decision: whether the question is about Docker at all, and what showed it. */
  domain: DomainEvidence;
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
  /** how many of the question's words reached the topic exactly (0 where that was not counted) */
  words?: number;
  /** the topic's error fragment the question contains, if any */
  error?: string;
  /** for the answer to a comparison: the other side's topic, offered with it and never its rival */
  versus?: number;
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
  concepts: readonly ConceptGroup[] = [],
): AnswerEngine {
  const conceptMap = buildConceptMap(concepts);
  const index = buildIndex(topics, config, conceptMap);
  const matchErrors = buildErrorMatcher(topics);
  const topicNamed = buildNameMap(topics);
  const { terms, idf } = index;
  const idOf = (term: string) => terms.get(term);
  // An example's words lend a topic more once the question shows Docker: without that evidence they
  // are the everyday words ("my macbook", "the build of a house") that off-topic questions use too.
  const outOfDomainFieldWeights = Float64Array.from(FIELDS, (field) => config.fieldWeights[field]);
  const inDomainFieldWeights = Float64Array.from(FIELDS, (field) =>
    field === 'example' ? config.inDomain.exampleWeight : config.fieldWeights[field],
  );
  const known = (term: string) => terms.get(term) >= 0;
  /** the rarest known word's weight: unknown words weigh a multiple of it */
  const unknownWeight = Math.log(1 + index.topicCount);

  // Typos are corrected towards the words of names (aliases, titles, ids) only: those are what people
  // ask with, and answers alone would bring most of a large vocabulary into every typo's search.
  const fuzzyIndex = buildFuzzyIndex(
    terms.keys.filter((_, id) => (index.nameStart[id + 1] as number) > (index.nameStart[id] as number)),
    config,
  );
  /** per word id: how many topics hold it in a name (alias, title, id) */
  const nameTopicCount = new Int32Array(terms.size);
  for (let id = 0; id < terms.size; id++) {
    let last = -1;
    for (let i = index.nameStart[id] as number; i < (index.nameStart[id + 1] as number); i++) {
      const topic = index.nameTopic[index.postingNames[i] as number] as number;
      if (topic !== last) nameTopicCount[id] = (nameTopicCount[id] as number) + 1;
      last = topic;
    }
  }
  /** per word id: whether some name (alias, title) of a topic is that word alone ("image", コンテナ) */
  const namesTopicAlone = new Uint8Array(terms.size);
  {
    const wordsOfName = new Int32Array(index.nameTopic.length);
    const wordOfName = new Int32Array(index.nameTopic.length);
    for (let id = 0; id < terms.size; id++) {
      for (let i = index.nameStart[id] as number; i < (index.nameStart[id + 1] as number); i++) {
        const name = index.postingNames[i] as number;
        wordsOfName[name] = (wordsOfName[name] as number) + 1;
        wordOfName[name] = id;
      }
    }
    for (let name = 0; name < wordsOfName.length; name++) {
      if (wordsOfName[name] === 1) namesTopicAlone[wordOfName[name] as number] = 1;
    }
  }
  const japaneseByChar = new Map<string, string[]>();
  for (const term of terms.keys) {
    if (isLatinToken(term) || term.length < 2) continue;
    // Each distinct character once, in the order first met (a Set per word would cost more).
    let offset = 0;
    for (const char of term) {
      if (term.indexOf(char) === offset) {
        const list = japaneseByChar.get(char);
        if (list) list.push(term);
        else japaneseByChar.set(char, [term]);
      }
      offset += char.length;
    }
  }

  // Scratch space reused by every search (searches are synchronous): no per-question allocation that
  // grows with the knowledge base.
  const topicSums = new Float64Array(index.topicCount);
  const topicExact = new Uint8Array(index.topicCount);
  /** per topic: how many of the question's words reached it exactly */
  const topicWords = new Uint8Array(index.topicCount);
  const tokenExact = new Uint8Array(index.topicCount);
  const tokenBest = new Float64Array(index.topicCount);
  const topicCompleteness = new Float64Array(index.topicCount);
  /** per topic: whether this question reached it (a word of weight 0 reaches it without adding) */
  const topicTouched = new Uint8Array(index.topicCount);
  const nameSaid = new Float64Array(index.nameTopic.length);
  // The topics and names a question reached, in the order reached, and a word's topics: lists with a
  // length kept beside them. Arrays grown per question were most of a search's garbage (a common word
  // reaches hundreds of names), and garbage costs the bot's small young generation a scavenge.
  const touchedTopics = new Int32Array(index.topicCount);
  const tokenTopics = new Int32Array(index.topicCount);
  const touchedNames = new Int32Array(index.nameTopic.length);
  /** per word id: the best similarity with which the question reached it (0: not reached) */
  const wordReached = new Float64Array(terms.size);
  /** the words reached, in the order first reached */
  const reachedWords = new Int32Array(terms.size);

  /** For `npm run ask -- --explain`: how each word of a question matched. */
  function explain(question: string) {
    return questionTokens(question).map(({ text: token }) => ({
      token,
      matches: matchToken(token).map(({ term, similarity }) => {
        const id = idOf(term);
        const where: string[] = [];
        for (let i = index.topicStart[id] ?? 0; i < (index.topicStart[id + 1] ?? 0); i++) {
          where.push(
            `${topics[index.postingTopics[i] as number]?.id}:${FIELDS[index.postingFields[i] as number]}`,
          );
        }
        return { term, similarity: round(similarity), idf: round(idf[id] ?? 0), topics: where };
      }),
    }));
  }

  function matchToken(token: string): TermMatch[] {
    if (known(token)) return [{ term: token, similarity: 1 }];
    if (isLatinToken(token)) return isCommonEnglish(token) ? [] : fuzzyIndex(token);
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
        if (known(part)) consider(part);
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
    const words = applyConcepts(tokenizeDetailed(question), conceptMap, textOfToken, withTokenText);
    for (const token of words) {
      if (seen.has(token.text)) continue;
      if (isLatinToken(token.text) && !known(token.text) && isMistypedStopword(token.text, distanceOf1))
        continue;
      seen.add(token.text);
      tokens.push(token);
      if (tokens.length >= config.maxQuestionTokens) break;
    }
    return tokens;
  }

  function search(question: string): SearchResult {
    const { hits, domain } = rankAll(question);
    return decide(question, detectLang(question), hits, domain);
  }

  /**
   * A pasted error message is the most specific thing a question can say: the topics whose error
   * fragments it contains come first, with full confidence, then the topics its words reach.
   */
  function rankAll(question: string): { hits: Hit[]; domain: DomainEvidence } {
    const errors = matchErrors(question);
    const evidence = errors.slice(0, 1).map(({ fragment }) => `error: ${fragment}`);
    evidence.push(...domainPatterns(question));
    const { hits, domain } = rankHits(question, evidence);
    if (errors.length === 0) {
      const comparison = comparisonOf(question);
      if (comparison) return { hits: compared(hits, comparison, domain.inDomain), domain };
      return { hits: defined(hits, question), domain };
    }
    const errorTopics = new Set(errors.map((match) => match.topic));
    return {
      hits: [
        ...errors.map(({ topic, fragment }) => ({ index: topic, score: 1, exact: true, error: fragment })),
        ...hits.filter((hit) => !errorTopics.has(hit.index)),
      ],
      domain,
    };
  }

  /**
   * A question comparing two things the knowledge knows (each side alone finds its topic clearly) is
   * answered with the comparison topic that covers both (container-vs-image), or else with the side it
   * asks about ("B instead of A" asks about B; otherwise the side the whole question ranks higher), the
   * other side offered with it.
   */
  function compared(hits: Hit[], comparison: Comparison, inDomain: boolean): Hit[] {
    // A side that is a topic's whole name is that topic ("コンテナ" is container's, though image's
    // コンテナイメージ holds it); any other finds its best topic by itself, exactly and enough, and says
    // more than a letter (the "v" of "-v" is no name). It is clear when that topic leads the next.
    const side = (text: string): (Hit & { clear: boolean; named?: boolean }) | undefined => {
      const named = topicNamed.get(text);
      if (named !== undefined) return { index: named, score: 1, exact: true, clear: true, named: true };
      if ((text.match(/[\p{L}\p{N}]/gu)?.length ?? 0) < 2) return undefined;
      const [best, next] = rankHits(text, []).hits;
      if (!best || !best.exact || best.score < config.answerMin) return undefined;
      return { ...best, clear: best.score - (next?.score ?? 0) >= config.minMargin };
    };
    const a = side(comparison.a);
    const b = side(comparison.b);
    if (!a || !b) return hits;
    // The sides' own scores lend the answer confidence only in a Docker question, when both are a
    // topic's whole name, or when they find one topic or two related ones: "python vs go" finds an
    // unrelated topic for each word, and is no Docker question.
    const agree =
      (a.named === true && b.named === true) ||
      a.index === b.index ||
      topics[a.index]?.related.includes(topics[b.index]?.id ?? '') === true ||
      topics[b.index]?.related.includes(topics[a.index]?.id ?? '') === true;
    const lend = inDomain || agree ? Math.min(a.score, b.score) : 0;
    const score = (index: number) => Math.max(hits.find((hit) => hit.index === index)?.score ?? 0, lend);
    // Both sides are one topic's ("docker run" and "docker start" are docker-run's): that topic answers.
    if (a.index === b.index) {
      return [
        { index: a.index, score: score(a.index), exact: true },
        ...hits.filter((hit) => hit.index !== a.index),
      ];
    }
    // The comparison topic covering both sides; or one a side found by itself ("VM" finds container-vs-vm).
    let both = topics.findIndex(
      (topic, index) =>
        topic.id.includes('-vs-') && covers(topic, index, a.index) && covers(topic, index, b.index),
    );
    if (both < 0) both = [a, b].find((hit) => topics[hit.index]?.id.includes('-vs-'))?.index ?? -1;
    if (both >= 0) {
      return [{ index: both, score: score(both), exact: true }, ...hits.filter((hit) => hit.index !== both)];
    }
    // "k8sってよく聞くけど、Dockerと何が違うの": the question says which side it asks about, and that side
    // names its topic clearly; the other ("docker" alone is docker-run's by a hair) is no rival.
    const saidAsked = comparison.asked === 'a' ? a : comparison.asked === 'b' ? b : undefined;
    if (saidAsked?.clear === true && !(saidAsked === a ? b : a).clear) {
      return [
        { index: saidAsked.index, score: score(saidAsked.index), exact: true },
        ...hits.filter((hit) => hit.index !== saidAsked.index),
      ];
    }
    // Otherwise each side must name its own topic clearly.
    if (!a.clear || !b.clear) return hits;
    const position = (index: number) => {
      const at = hits.findIndex((hit) => hit.index === index);
      return at < 0 ? hits.length : at;
    };
    const [asked, other] =
      comparison.asked === 'b' || (comparison.asked === null && position(b.index) < position(a.index))
        ? [b, a]
        : [a, b];
    return [
      { index: asked.index, score: score(asked.index), exact: true, versus: other.index },
      { index: other.index, score: score(other.index), exact: true },
      ...hits.filter((hit) => hit.index !== asked.index && hit.index !== other.index),
    ];
  }

  /**
   * A question asking what something is ("what is a container", "そもそもコンテナって何ですか") whose term
   * is the whole name of one topic puts that topic first, at least as confident as `definitionScore`:
   * the context around it (who asks, why) must not outweigh the term it asks about.
   */
  function defined(hits: Hit[], question: string): Hit[] {
    const term = definedTerm(question);
    const named = (text: string) => topicNamed.get(text) ?? topicNamed.get(text.replace(/^docker\s?/u, ''));
    let index = term === null ? undefined : named(term);
    // "「コンテナ」って言ってるんですが、そもそも何なんでしょう": the term the question quotes.
    if (term === null) for (const quoted of quotedTerms(question)) index ??= named(quoted);
    if (index === undefined) return hits;
    const others = hits.filter((hit) => hit.index !== index);
    // Ahead of every other topic by the margin an answer needs: the question named this one.
    const score = Math.min(
      1,
      Math.max(
        hits.find((hit) => hit.index === index)?.score ?? 0,
        config.definitionScore,
        (others[0]?.score ?? 0) + config.minMargin,
      ),
    );
    return [{ index, score, exact: true }, ...others];
  }

  /** Whether a comparison topic (a-vs-b) covers the topic a side found: it is that topic, or a or b. */
  function covers(topic: Topic, topicIndex: number, side: number): boolean {
    return topicIndex === side || topic.id.split('-vs-').includes(topics[side]?.id ?? '');
  }

  /**
   * A word is strong evidence of the domain when it is distinctive of the knowledge: said exactly, found
   * in a topic's name (alias, title, id), and not an everyday word (docker, kubectl, nginx). An everyday
   * word that names a topic by itself ("container", "image", コンテナ, イメージ) is weak evidence: it shows
   * the domain only with another one.
   */
  function domainWord(token: string, matches: TermMatch[]): 'strong' | 'weak' | null {
    const match = matches[0];
    if (!match || match.similarity !== 1 || match.term !== token) return null;
    const id = idOf(token);
    const topicsNamed = nameTopicCount[id] as number;
    if (!isLatinToken(token) || isEverydayEnglish(token)) {
      // Japanese words are cut by a word splitter that guesses at unknown loanwords (ビル|ドキャッシュ), and
      // kanji words of the knowledge are everyday too (保存, 設定); container, image and volume are
      // everyday English, コンテナ and イメージ everyday Japanese. Such a word shows the domain only with
      // another one, when it alone names a topic and many topics are named with it.
      const word = isLatinToken(token) || KATAKANA_WORD.test(token);
      return word &&
        token.length >= config.weakDomainWord.minLength &&
        namesTopicAlone[id] === 1 &&
        topicsNamed >= config.weakDomainWord.minTopics
        ? 'weak'
        : null;
    }
    if (token.length < 3) return null;
    return topicsNamed >= config.domainWordMinTopics ? 'strong' : null;
  }

  /**
   * Each topic scores the share of the question it covers (words weighted by rarity and by the field
   * they were found in), times how completely one of its names says the same as the question.
   */
  function rankHits(question: string, evidence: string[]): { hits: Hit[]; domain: DomainEvidence } {
    let touchedTopicCount = 0;
    let touchedNameCount = 0;
    let reachedCount = 0;
    let totalWeight = 0;
    // Words the knowledge does not know, counted once the domain decision is made.
    let unknownWords = 0;
    let everydayWords = 0;
    let everydayJapaneseWords = 0;

    // First the words, and with them the domain decision; then the ranking, which weighs the words by
    // that decision.
    const matched: { matches: TermMatch[]; everyday: boolean }[] = [];
    const weakEvidence: string[] = [];
    for (const { text: token, compound, everyday } of questionTokens(question)) {
      if (everyday === true) {
        if (DAILY_LIFE_JAPANESE_WORDS.has(token)) everydayWords++;
        else everydayJapaneseWords++;
        continue;
      }
      // A compound only ever adds evidence: unknown compounds are not unknown words.
      if (compound && !known(token)) continue;
      const matches = matchToken(token);
      const latin = isLatinToken(token);
      if (matches.length === 0) {
        if (latin && isCommonEnglish(token)) everydayWords++;
        else unknownWords++;
        continue;
      }
      const strength = evidence.length < 8 ? domainWord(token, matches) : null;
      if (strength === 'strong') evidence.push(`word: ${token}`);
      else if (strength === 'weak') weakEvidence.push(`word: ${token}`);
      // An everyday word that no topic's name holds ("week", "team" in an answer) is context.
      const context =
        latin && isCommonEnglish(token) && matches.every(({ term }) => nameTopicCount[idOf(term)] === 0);
      matched.push({ matches, everyday: context });
    }
    // One such word may be everyday (輸送用コンテナ, 画像のイメージ); two different ones are Docker talk.
    if (weakEvidence.length >= config.weakDomainWord.needed) evidence.push(...weakEvidence);
    const domain: DomainEvidence = { inDomain: evidence.length > 0, evidence };
    const weights = domain.inDomain ? config.inDomain : config;
    const fieldWeight = domain.inDomain ? inDomainFieldWeights : outOfDomainFieldWeights;
    totalWeight +=
      unknownWeight *
      (unknownWords * weights.unknownWordWeight +
        everydayWords * weights.everydayWordWeight +
        everydayJapaneseWords * weights.everydayJapaneseWordWeight);

    for (const { matches, everyday } of matched) {
      let weight = 0;
      // A word may stand for several known words (typo candidates); a topic counts its best one.
      let tokenTopicCount = 0;
      for (const { term, similarity } of matches) {
        const id = idOf(term);
        if (id < 0) continue;
        weight = Math.max(weight, idf[id] as number);
        if ((wordReached[id] as number) < similarity) {
          if (wordReached[id] === 0) reachedWords[reachedCount++] = id;
          wordReached[id] = similarity;
        }
        for (let i = index.topicStart[id] as number; i < (index.topicStart[id + 1] as number); i++) {
          const topic = index.postingTopics[i] as number;
          const value = similarity * (fieldWeight[index.postingFields[i] as number] as number);
          if (tokenBest[topic] === 0) tokenTopics[tokenTopicCount++] = topic;
          if ((tokenBest[topic] as number) < value) tokenBest[topic] = value;
          if (similarity === 1) tokenExact[topic] = 1;
        }
      }
      // An everyday word the knowledge also uses ("team", "week") is mostly context in a Docker question.
      if (everyday) weight *= weights.everydayKnownWordFactor;
      totalWeight += weight;
      for (let t = 0; t < tokenTopicCount; t++) {
        const topic = tokenTopics[t] as number;
        if (topicTouched[topic] === 0) {
          topicTouched[topic] = 1;
          touchedTopics[touchedTopicCount++] = topic;
        }
        topicSums[topic] = (topicSums[topic] as number) + weight * (tokenBest[topic] as number);
        tokenBest[topic] = 0;
        if (tokenExact[topic] === 1) {
          topicExact[topic] = 1;
          topicWords[topic] = Math.min(255, (topicWords[topic] as number) + 1);
          tokenExact[topic] = 0;
        }
      }
    }

    // How much of each name the question said, accumulated only over names holding a reached word.
    for (let w = 0; w < reachedCount; w++) {
      const id = reachedWords[w] as number;
      const similarity = wordReached[id] as number;
      wordReached[id] = 0;
      for (let i = index.nameStart[id] as number; i < (index.nameStart[id + 1] as number); i++) {
        const name = index.postingNames[i] as number;
        if (nameSaid[name] === 0) touchedNames[touchedNameCount++] = name;
        nameSaid[name] = (nameSaid[name] as number) + (idf[id] as number) * similarity;
      }
    }
    for (let n = 0; n < touchedNameCount; n++) {
      const name = touchedNames[n] as number;
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
    for (let t = 0; t < touchedTopicCount; t++) {
      const topic = touchedTopics[t] as number;
      const coverage = (topicSums[topic] as number) / totalWeight;
      const completeness = topicCompleteness[topic] as number;
      const exact = topicExact[topic] === 1;
      const words = topicWords[topic] as number;
      topicWords[topic] = 0;
      topicSums[topic] = 0;
      topicTouched[topic] = 0;
      topicCompleteness[topic] = 0;
      topicExact[topic] = 0;
      const score = coverage * (config.completenessBase + (1 - config.completenessBase) * completeness);
      if (hits.length >= config.rankDepth && score <= floor) continue;
      // Kept in order (score descending, then topic order) by inserting in place: a sort per hit was
      // the most expensive line of a search.
      let at = hits.length;
      while (at > 0 && outranks(score, topic, hits[at - 1] as Hit)) at--;
      // Moved along by hand: splice would allocate the (empty) array of what it removed.
      const hit: Hit = { index: topic, score, exact, words };
      hits.push(hit);
      for (let k = hits.length - 1; k > at; k--) hits[k] = hits[k - 1] as Hit;
      hits[at] = hit;
      if (hits.length > config.rankDepth) hits.pop();
      floor = hits[hits.length - 1]?.score ?? -1;
    }
    return { hits, domain };
  }

  function rank(question: string): SearchHit[] {
    return rankAll(question).hits.map(({ index, score }) => ({
      topic: topics[index] as Topic,
      score: round(score),
    }));
  }

  function decide(question: string, lang: Lang, hits: Hit[], domain: DomainEvidence): SearchResult {
    const top = hits[0];
    const topTopic = top ? topics[top.index] : undefined;
    if (!top || !topTopic) {
      return {
        question,
        lang,
        answered: false,
        topic: null,
        score: 0,
        suggestions: [],
        errorMatch: null,
        domain,
      };
    }
    if (top.error !== undefined) {
      // The other topics whose errors the question also contains are the only runners-up worth offering.
      const suggestions = hits
        .slice(1)
        .filter((hit) => hit.error !== undefined)
        .slice(0, config.maxSuggestions)
        .map((hit) => topics[hit.index] as Topic);
      return {
        question,
        lang,
        answered: true,
        topic: topTopic,
        score: 1,
        suggestions,
        errorMatch: top.error,
        domain,
      };
    }

    // A close runner-up that the best topic lists as related is a neighbour, not a rival.
    const rival = hits
      .slice(1)
      .find((hit) => hit.index !== top.versus && !topTopic.related.includes(topics[hit.index]?.id ?? ''));
    const margin = top.score - (rival?.score ?? 0);
    // Evidence made only of corrected or partial words ("lunch" read as "launch") must be stronger.
    // A question that shows nothing of Docker needs more of it covered to be answered.
    const threshold = !top.exact
      ? config.inexactAnswerMin
      : domain.inDomain
        ? config.answerMin
        : config.outOfDomainAnswerMin;
    const answered =
      (top.score >= threshold || corroborated(top, hits[1], lang)) && margin >= config.minMargin;

    const pool = answered ? hits.slice(1) : hits;
    const suggestions =
      answered && top.score >= config.confidentMin
        ? top.versus === undefined
          ? []
          : [topics[top.versus] as Topic]
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
      errorMatch: null,
      domain,
    };
  }

  /**
   * A question that shows nothing of Docker is still answered when many of its words, said exactly,
   * point at one topic that clearly leads the next: a colleague's long account of their problem
   * ("our node app and redis on one VM… every upgrade breaks the other") covers little of any topic's
   * score, but a dozen of its words agree.
   */
  function corroborated(top: Hit, next: Hit | undefined, lang: Lang): boolean {
    const { answerMin, words, lead } = config.corroborated;
    return (
      top.exact &&
      top.score >= answerMin &&
      (top.words ?? 0) >= words[lang] &&
      top.score >= lead * (next?.score ?? 0)
    );
  }

  return { search, rank, explain, topics };
}

/**
 * An everyday English word, or the stem of one ("manag", "shar", "deni"), or a word of general
 * computing that is not Docker's (app, api, linux, github).
 */
function isEverydayEnglish(token: string): boolean {
  return isCommonEnglish(token) || GENERAL_COMPUTING_WORDS.has(token);
}

/**
 * A common English word, or the stem the tokenizer made of one ("argu", "manag", "deni"). Remembered:
 * a question asks it of the same word several times, and questions repeat their words.
 */
function isCommonEnglish(token: string): boolean {
  let common = commonEnglishCache.get(token);
  if (common === undefined) {
    common =
      COMMON_ENGLISH_WORDS.has(token) ||
      COMMON_ENGLISH_WORDS.has(`${token}e`) ||
      COMMON_ENGLISH_WORDS.has(`${token}y`) ||
      COMMON_ENGLISH_WORDS.has(token.replace(/i$/, 'y'));
    if (commonEnglishCache.size >= COMMON_ENGLISH_CACHE_LIMIT) commonEnglishCache.clear();
    commonEnglishCache.set(token, common);
  }
  return common;
}
const COMMON_ENGLISH_CACHE_LIMIT = 10_000;
const commonEnglishCache = new Map<string, boolean>();

const KATAKANA_WORD = /^[\p{Script=Katakana}ー]+$/u;
const textOfToken = (token: Token) => token.text;
/** A concept is content: never an everyday word nor a compound. */
const withTokenText = (_token: Token, text: string): Token => ({ text, compound: false });

/** Whether a topic with this score ranks before `hit`: a higher score, or the same and an earlier topic. */
function outranks(score: number, topic: number, hit: Hit): boolean {
  return score > hit.score || (score === hit.score && topic < hit.index);
}

/**
 * The inverted index in compressed-sparse-row form: for word id `w`, its postings are the slots
 * `topicStart[w]` to `topicStart[w + 1]` of `postingTopics` / `postingFields`, and the names holding
 * it are `nameStart[w]` to `nameStart[w + 1]` of `postingNames`. Flat typed arrays instead of an object
 * per word keep a 10,000-entry knowledge base quick to build and small in memory.
 */
interface Index {
  topicCount: number;
  /** every known word, numbered: its word id */
  terms: StringTable;
  idf: Float64Array;
  topicStart: Int32Array;
  postingTopics: Int32Array;
  /** per posting: the best field (index into FIELDS) of the topic holding the word */
  postingFields: Uint8Array;
  nameStart: Int32Array;
  postingNames: Int32Array;
  /** per name: its topic, and the summed idf of its words */
  nameTopic: Int32Array;
  nameTotals: Float64Array;
}

const FIELDS: readonly Field[] = ['alias', 'title', 'id', 'example', 'answer'];
const [ALIAS, TITLE, ID, EXAMPLE, ANSWER] = [0, 1, 2, 3, 4];

/**
 * One pass over the knowledge: per topic, the best field each word was found in (its postings), and
 * per name (alias, title, id), its distinct words (links). Both are kept in scratch arrays indexed by
 * word id, which grow with the vocabulary, rather than in a map per topic or per name.
 */
function buildIndex(topics: readonly Topic[], config: SearchConfig, concepts: ConceptMap): Index {
  const fieldWeights = FIELDS.map((field) => config.fieldWeights[field]);
  const vocabulary = new Vocabulary(concepts);
  /** per word id: the best field of the current topic holding it, or -1 */
  let bestField = new Int32Array(1 << 12).fill(-1);
  /** per word id: the last name holding it */
  let lastName = new Int32Array(1 << 12).fill(-1);
  const touched: number[] = [];
  const pairTerm = new IntList();
  const pairTopic = new IntList();
  const pairField = new IntList();
  const linkTerm = new IntList();
  const linkName = new IntList();
  const nameTopic = new IntList();

  let topicIndex = 0;
  let field = ALIAS;
  let nameId = -1;
  const addWord = (id: number) => {
    while (id >= bestField.length) {
      bestField = grown(bestField);
      lastName = grown(lastName);
    }
    const best = bestField[id] as number;
    if (best < 0) touched.push(id);
    if (best < 0 || (fieldWeights[best] as number) < (fieldWeights[field] as number)) bestField[id] = field;
    // Examples and answers lend a topic words; only aliases, titles and ids are its names.
    if (field === ANSWER || field === EXAMPLE) return;
    if (nameId < 0) {
      nameId = nameTopic.length;
      nameTopic.push(topicIndex);
    }
    if (lastName[id] === nameId) return;
    lastName[id] = nameId;
    linkTerm.push(id);
    linkName.push(nameId);
  };
  const addText = (text: string, textField: number) => {
    field = textField;
    nameId = -1;
    vocabulary.wordIds(text, addWord);
  };

  for (; topicIndex < topics.length; topicIndex++) {
    const topic = topics[topicIndex] as Topic;
    for (const alias of topic.aliases.en) addText(alias, ALIAS);
    for (const alias of topic.aliases.ja) addText(alias, ALIAS);
    addText(topic.title.en, TITLE);
    addText(topic.title.ja, TITLE);
    addText(topic.id.replace(/-/g, ' '), ID);
    for (const example of topic.examples.en) addText(example, EXAMPLE);
    for (const example of topic.examples.ja) addText(example, EXAMPLE);
    addText(topic.answer.en, ANSWER);
    addText(topic.answer.ja, ANSWER);
    for (const id of touched) {
      const best = bestField[id] as number;
      bestField[id] = -1;
      // A field that weighs nothing adds no posting.
      if ((fieldWeights[best] as number) <= 0) continue;
      pairTerm.push(id);
      pairTopic.push(topicIndex);
      pairField.push(best);
    }
    touched.length = 0;
  }

  const termCount = vocabulary.terms.size;
  const topicStart = startsByTerm(pairTerm, termCount);
  const postingTopics = new Int32Array(pairTerm.length);
  const postingFields = new Uint8Array(pairTerm.length);
  const nextPosting = topicStart.slice(0, termCount);
  for (let pair = 0; pair < pairTerm.length; pair++) {
    const at = takeSlot(nextPosting, pairTerm.at(pair));
    postingTopics[at] = pairTopic.at(pair);
    postingFields[at] = pairField.at(pair);
  }
  const nameStart = startsByTerm(linkTerm, termCount);
  const postingNames = new Int32Array(linkTerm.length);
  const nextName = nameStart.slice(0, termCount);
  for (let link = 0; link < linkTerm.length; link++) {
    postingNames[takeSlot(nextName, linkTerm.at(link))] = linkName.at(link);
  }

  const topicCount = Math.max(topics.length, 1);
  const idf = new Float64Array(termCount);
  for (let id = 0; id < termCount; id++) {
    const df = Math.max((topicStart[id + 1] as number) - (topicStart[id] as number), 1);
    idf[id] = Math.log(1 + topicCount / df);
  }
  const nameTotals = new Float64Array(nameTopic.length);
  for (let link = 0; link < linkName.length; link++) {
    const name = linkName.at(link);
    nameTotals[name] = (nameTotals[name] as number) + (idf[linkTerm.at(link)] as number);
  }
  return {
    topicCount,
    terms: vocabulary.terms,
    idf,
    topicStart,
    postingTopics,
    postingFields,
    nameStart,
    postingNames,
    nameTopic: nameTopic.toArray(),
    nameTotals,
  };
}

/** Twice the length, the new half filled with -1. */
function grown(array: Int32Array): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(array.length * 2).fill(-1);
  larger.set(array);
  return larger;
}

/**
 * Where each word's slots start when `terms` (one word id per pair) is grouped by word: a counting
 * sort, which keeps pairs in their order (topics ascending) within a word.
 */
function startsByTerm(terms: IntList, termCount: number): Int32Array {
  const start = new Int32Array(termCount + 1);
  for (let pair = 0; pair < terms.length; pair++) {
    const next = terms.at(pair) + 1;
    start[next] = (start[next] as number) + 1;
  }
  for (let id = 0; id < termCount; id++) start[id + 1] = (start[id + 1] as number) + (start[id] as number);
  return start;
}

/** The next free slot of a word, taken. */
function takeSlot(next: Int32Array, term: number): number {
  const at = next[term] as number;
  next[term] = at + 1;
  return at;
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

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** The names a topic answers to as a whole: its id (also with spaces) and its aliases. */
function namesOf(topic: Topic): string[] {
  return [topic.id, topic.id.replace(/-/gu, ' '), ...topic.aliases.en, ...topic.aliases.ja];
}

/** The string table's FNV-1a hash, unsigned: a 32-bit key that stands in for the name itself. */
function hashName(name: string): number {
  return hashOf(name) >>> 0;
}

/**
 * Each whole alias and id that names one topic only, folded as questions are ("container", "コンテナ",
 * "docker-compose"): the terms a "what is X" question can be answered by. Kept as sorted 32-bit hashes
 * with their topic, not as strings (10,000 entries hold about 300,000 names: as a Map of strings they
 * cost 40 MB, so 2.4 MB), and a hit is confirmed against the topic's own names, so a hash two names
 * share can only lose a term (a hash of two topics answers neither), never answer a wrong one.
 */
function buildNameMap(topics: readonly Topic[]): { get(term: string): number | undefined } {
  // hash × 2^21 + topic index, sorted: a 53-bit integer, exact in a double for up to 2^21 topics.
  const TOPIC_BITS = 2 ** 21;
  const keys: number[] = [];
  topics.forEach((topic, index) => {
    for (const name of namesOf(topic)) keys.push(foldedNameHash(name) * TOPIC_BITS + index);
  });
  const sorted = Float64Array.from(keys).sort();
  const firstAtLeast = (value: number) => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((sorted[middle] as number) < value) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return {
    get(term) {
      const hash = hashName(term);
      const from = firstAtLeast(hash * TOPIC_BITS);
      if (from >= sorted.length || (sorted[from] as number) >= (hash + 1) * TOPIC_BITS) return undefined;
      const index = (sorted[from] as number) - hash * TOPIC_BITS;
      // Another topic under the same hash: the last entry of the hash's run is not this topic's.
      const to = firstAtLeast((hash + 1) * TOPIC_BITS) - 1;
      if ((sorted[to] as number) - hash * TOPIC_BITS !== index) return undefined;
      const topic = topics[index] as Topic;
      return namesOf(topic).some((name) => foldName(name) === term) ? index : undefined;
    },
  };
}

/**
 * `hashName(foldName(name))`. A 10,000-entry knowledge base has nearly half a million names, and most
 * (plain ASCII, kana and kanji, single spaces between words) are checked, lower-cased and hashed in one
 * pass over their characters, without a new string nor a regular expression.
 */
function foldedNameHash(name: string): number {
  return plainNameHash(name) ?? hashName(foldName(name));
}

/**
 * The hash of a name folded, when folding only lower-cases its ASCII letters: the name is printable
 * ASCII, kana, kanji of the unified block, 、 or 。 (characters NFKC keeps as they are and that compose
 * with nothing), with single spaces between words and none before or after. Null otherwise.
 */
function plainNameHash(name: string): number | null {
  let hash = HASH_START;
  let previous = 0x20; // a leading space is not plain
  for (let i = 0; i < name.length; i++) {
    let code = name.charCodeAt(i);
    if (code === 0x20 ? previous === 0x20 : !isPlainNameCharacter(code)) return null;
    if (code >= 0x41 && code <= 0x5a) code += 0x20;
    hash = nextHash(hash, code);
    previous = code;
  }
  return previous === 0x20 ? null : hash >>> 0;
}

function isPlainNameCharacter(code: number): boolean {
  return (
    (code > 0x20 && code <= 0x7e) ||
    (code >= 0x3041 && code <= 0x3096) || // hiragana letters
    (code >= 0x30a1 && code <= 0x30fa) || // katakana letters
    code === 0x30fc || // ー
    (code >= 0x4e00 && code <= 0x9fff) ||
    code === 0x3001 ||
    code === 0x3002
  );
}

/**
 * A name as a question's term is compared with it: normalised, whitespace runs made one space, trimmed.
 * Plain ASCII needs only lower-casing, and most names already have single spaces.
 */
function foldName(name: string): string {
  const folded = isPrintableAscii(name) ? name.toLowerCase() : normalizeText(name, { slack: false });
  return SINGLE_SPACED.test(folded) ? folded : folded.replace(/\s+/gu, ' ').trim();
}

/** Words with one space between them, none before or after: what squeezing whitespace leaves. */
const SINGLE_SPACED = /^(?:\S+ )*\S+$/;
