/**
 * Every tuning constant of the answer engine, in one frozen place. Scores are in [0, 1].
 * Changing one is a change to answer quality: run `npm run eval` and `npm run bench` after.
 */
export const SEARCH_DEFAULTS = Object.freeze({
  /**
   * How much a word counts when found in each part of a topic. An example question's words count less
   * than a name's (an example says much besides the topic) and more than an answer's (they are the
   * words people ask with).
   */
  fieldWeights: Object.freeze({ alias: 1, title: 0.9, id: 0.8, example: 0.5, answer: 0.35 }),
  /**
   * Score at or above which the best topic is given as the answer, when the question shows Docker
   * (chosen with `npm run eval -- --calibration`: 0.25 answers 9 more questions rightly than 0.3 and
   * no off-topic one more).
   */
  answerMin: 0.25,
  /** The same for a question in which nothing showed Docker (no command, error, file or distinctive word). */
  outOfDomainAnswerMin: 0.37,
  /**
   * A question that shows no Docker is still answered, at answerMin (0.25) like one that does, when at
   * least `words` of its words reach the best topic exactly and its score is `lead` times the next
   * topic's: many words agreeing are evidence a share of the score is not. Japanese needs more of them:
   * its words are split finer (a compound and its parts), so more of them meet a topic by chance.
   * Chosen with `npm run eval -- --calibration` over sets 1–13 (1,936 questions): 6 English and 7
   * Japanese words at 0.25 answer 18 more questions rightly than none, none wrongly and no off-topic
   * one; 5 English words answer two more rightly and one off-topic ("my macbook volume keys stopped
   * working"); 6 Japanese words two more rightly, one wrongly and one off-topic (AirPodsのポッド).
   */
  corroborated: Object.freeze({
    answerMin: 0.25,
    words: Object.freeze({ en: 6, ja: 7 }),
    lead: 1.3,
  }),
  /** The same, when every word that matched was a corrected typo or a part of a word. */
  inexactAnswerMin: 0.5,
  /** Below this an answer also offers "did you mean" suggestions. */
  confidentMin: 0.75,
  /**
   * The best topic must lead the next unrelated one by this much: a tie is a question, not an answer.
   * 0.05 rather than 0.07 answers 5 more questions rightly over every set, and no off-topic one more.
   */
  minMargin: 0.05,
  /**
   * The least score of the topic a "what is X" question names by one of its whole names ("what is a
   * container", "そもそもコンテナって何ですか"): as confident as confidentMin, whatever the words around it.
   */
  definitionScore: 0.75,
  /** Lowest score worth suggesting. */
  suggestMin: 0.12,
  maxSuggestions: 3,
  /**
   * Share of the score that does not depend on the question covering a whole alias or title: "container"
   * alone should prefer the topic named "container" over "container vs image".
   */
  completenessBase: 0.5,
  /**
   * A question word that matches no topic weighs this multiple of the rarest known word's weight: a
   * word the knowledge does not know is the strongest sign that the question is about something else
   * ("coffee", "Photoshop"), so a lower answerMin can still refuse off-topic questions. answerMin,
   * unknownWordWeight and minMargin were chosen together on the eval file and the five independent
   * question sets (npm run eval -- --file test/fixtures/dev-questions-N.tsv).
   */
  unknownWordWeight: 1.5,
  /**
   * The same for an everyday word the knowledge does not know ("lunch", "weather", 会社, 天気): off-topic
   * evidence too while nothing in the question shows Docker.
   */
  everydayWordWeight: 1.5,
  /**
   * The same for an everyday Japanese word of a request (仕組み, 目的, 手順, 会社, チーム): neither content
   * nor off-topic evidence. Japanese words of daily life (ランチ, 天気) weigh as everydayWordWeight.
   */
  everydayJapaneseWordWeight: 0,
  /** How much an everyday word the knowledge knows ("team", "week") counts, times its rarity. */
  everydayKnownWordFactor: 1,
  /** A word shows the domain when the names of at least this many topics hold it. */
  domainWordMinTopics: 2,
  /**
   * An everyday word of the knowledge (container, image, compose, コンテナ, イメージ, ボリューム) shows the
   * domain only together with `needed` - 1 other such words ("container" + "image", コンテナ + ボリューム;
   * not 輸送用コンテナ nor 画像のイメージ alone): it must be at least `minLength` long, be by itself the
   * name (alias or title) of some topic, and be held by the names of `minTopics` topics.
   */
  weakDomainWord: Object.freeze({
    minLength: 4,
    minTopics: 2,
    needed: 2,
  }),
  /**
   * The weights of unknown and everyday words once the question shows Docker (an error fragment, a
   * command, a file name or a word distinctive of the knowledge): words of context then do not count
   * against a topic, and a word the knowledge does not know counts a third of what it counts otherwise.
   * Chosen over every question set in the repository with `npm run eval -- --calibration`, together
   * with outOfDomainAnswerMin.
   */
  inDomain: Object.freeze({
    unknownWordWeight: 0.5,
    everydayWordWeight: 0,
    everydayJapaneseWordWeight: 0,
    everydayKnownWordFactor: 0,
    /** fieldWeights.example once the question shows Docker. */
    exampleWeight: 0.6,
  }),
  /** Questions are cut to this many distinct words, which bounds the work on a pasted log. */
  maxQuestionTokens: 24,
  fuzzy: Object.freeze({
    /** Shorter Latin words are matched exactly only: "ps" must not become "pv". */
    minLength: 4,
    /** Longest word length that tolerates only one edit; longer words tolerate two. */
    oneEditUpTo: 7,
    /** Fuse.js threshold for collecting candidates; the edit distance decides. */
    fuseThreshold: 0.45,
  }),
  /** Similarity given to a Japanese word that contains, or is contained in, a known word. */
  japanesePartialSimilarity: 0.7,
  /** At most this many known words stand in for one unknown Japanese word. */
  maxPartialMatches: 24,
  /** How many of the best topics are scored exactly; enough to find the best, its rival and suggestions. */
  rankDepth: 12,
});

/** The shape of the constants, with any numbers in them (a test or a benchmark may try others). */
type Widened<T> = T extends number ? number : { readonly [K in keyof T]: Widened<T[K]> };
export type SearchConfig = Widened<typeof SEARCH_DEFAULTS>;
