import { EVERYDAY_JAPANESE_WORDS } from './japanese-words.js';
import { normalizeText, stripSlackMarkup } from './normalize.js';

/**
 * Question phrasing, not content: "what is", "how do I", "とは", "って何", "教えて", "ですか"…
 * Words that carry meaning in some topic ("why", "use", "difference", "違い") stay.
 */
const STOPWORDS = new Set(
  [
    // English (after stemming, so "does" → "doe" is listed too)
    'a about above after again all also am an and any are as at be been being between but by can cannot could did do doe does doing',
    'for from get got had has have having he her here hi hey how i if im in into is it its just kind let like me mean',
    'meaning more most my need no not now of on one only or our out over please plz pls s should show so some someone',
    'such tell than thank thanks that the their them then there these they thing this those through to too u us',
    'very via want was way we what whats when where whether which while who whom will with would',
    'wonder wondering explain explanation ya yo you your yours',
    // Chat filler that says nothing about the topic
    'actually really basically just even still already instead always ever every everyone anyone anybody',
    'something anything everything nothing thing stuff lot lots bunch guy guys folk folks people person',
    'okay ok fine sure yes yeah maybe perhaps probably keep keeps around sort whole kinda gonna wanna',
    'eli5 tldr tl dr question quick simple simply exactly right wrong confused confusing understand',
    'know knew see seem seems say said saying ask asked asking try tried trying',
    'each other others another same different differ then than own',
    'dont doesnt didnt cant cannot couldnt wont wouldnt shouldnt isnt arent wasnt ive youre theyre theres hows whos lets',
    'basic basics intro introduction overview guide tutorial beginner beginners explained pls plz thx btw',
    // Chat abbreviations and interjections
    'imo imho tbh idk idc afaik fyi lol lmao asap iirc ngl hmm um uh umm oh wow cool nice awesome sorry ugh dunno gotta ur w',
    // Japanese particles, auxiliaries and question phrasing, as Intl.Segmenter splits them
    'の は が を に で と も へ や か な ね よ わ ぞ さ て た だ し い う る れ ん っ から まで より って とは とか など',
    'です ます でした ました でしょ でしょう ません ない なかった たい たく たら れば すれ すれば する します したい',
    'した して しよう できる でき できます できない られる れる ある あり ありますか いる いい よい こと もの ため',
    'よう ほう 方 方法 やり方 仕方 使い方 何 なに なん どう どうやって どうすれば どの どれ どこ どんな いつ',
    '誰 教 知 教え 教えて ください 下さい お願い おねがい について 知り 知りたい わから わかり 分から 分かり',
    'ってなに って何 とは何 意味 ちょっと 本当 ほんと 化 使 おしえて おしえ なんだっけ だっけ',
    // Japanese chat filler that says nothing about the topic
    'そもそも 一言 簡単 簡単に ざっくり 具体的 具体的に 詳しく 改めて やっぱり 結局 みたいな 感じ 的 いまいち',
    '全然 すごく めっちゃ 少し 今さら 初心者 素人 入門 理解 説明 質問 聞きたい 分かる わかる',
    'っていう っていうか ぶっちゃけ えっと ちなみに 要は つまり ところで マジ まじ 正直 一応',
    // Greetings and thanks are politeness, not a question
    'hello hi hey howdy thx ty cheers morning evening',
    'こんにちは こんばんは おはよう おはようございます ありがとう ありがとうございます ありがと よろしく すみません',
  ]
    .join(' ')
    .split(/\s+/),
);

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });
const HAN = /\p{Script=Han}/u;
const HAN_RUNS = /\p{Script=Han}+/gu;
const HIRAGANA_ONLY = /^\p{Script=Hiragana}+$/u;
/** Short hiragana words that do carry meaning. */
const HIRAGANA_CONTENT = new Set(['なぜ', 'もと', 'まとめ', 'ずっと', 'すぐ']);
const LATIN = /^[a-z0-9]+$/;
const KATAKANA_LONG_VOWEL = /^([\p{Script=Katakana}ー]{2,}?)ー$/u;

/**
 * A light English stemmer: plurals and the common verb endings, applied alike to knowledge and
 * questions, so "containers", "pulled" and "tagged" meet "container", "pull" and "tag". "running"
 * stays whole: in Docker questions it is mostly a state ("running containers", what `docker ps`
 * lists), not the verb of `docker run`.
 */
export function stem(word: string): string {
  if (!LATIN.test(word) || word.length <= 3 || word === 'running') return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(?:ch|sh|x)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length > 4) w = undouble(w.slice(0, -2));
  return w;
}

function undouble(w: string): string {
  return /([b-df-hj-np-tv-z])\1$/.test(w) && !/(?:ll|ss)$/.test(w) ? w.slice(0, -1) : w;
}

/** Spelling variants of one katakana word: "サーバー" and "サーバ", "コンテナー" and "コンテナ". */
function foldKana(word: string): string {
  return word.replace(KATAKANA_LONG_VOWEL, '$1');
}

/**
 * Japanese inflects by changing the kana after a kanji stem (動かす, 動かして, 動いた), so a word mixing
 * kanji and hiragana is reduced to its kanji: the same reduction on both sides makes them meet. Short
 * hiragana-only words left over by the word splitter are inflection endings, not content.
 */
function japaneseStems(word: string): string[] {
  if (HAN.test(word) && /\p{Script=Hiragana}/u.test(word)) return word.match(HAN_RUNS) ?? [];
  if (HIRAGANA_ONLY.test(word) && word.length <= 3 && !HIRAGANA_CONTENT.has(word)) return [];
  return [word];
}

/** "don't" is one word, "dont", not "don" and "t". */
const APOSTROPHES = /['’‘`]/g;
const JAPANESE_NOUN = /^[\p{Script=Katakana}\p{Script=Han}ー]+$/u;
const COMPARISON = new Set(['vs', 'versus', 'v']);

export interface Token {
  text: string;
  /**
   * Two Japanese nouns written together ("コンテナイメージ") also form one compound token, so the
   * compound outranks the same words joined by a particle ("コンテナをイメージに").
   */
  compound: boolean;
  /**
   * An everyday Japanese word (会社, 目的, 手順): not content, and not a sign of an off-topic question
   * when the rest of the question is about Docker. English everyday words are told by the engine.
   */
  everyday?: boolean;
}

/**
 * Non-ASCII text is cut into runs of one script (katakana, kanji, hiragana) and only those go through
 * Intl.Segmenter, which costs far more per character than the rest of tokenising. A run's segments
 * are remembered: words repeat across a knowledge base (コンテナ, 起動, です), so a large one
 * indexes in seconds, not minutes.
 */
const SCRIPT_RUN =
  /[a-z0-9]+|[\p{Script=Katakana}ー]+|\p{Script=Han}+|\p{Script=Hiragana}+|[^\sa-z0-9\p{Script=Katakana}ー\p{Script=Han}\p{Script=Hiragana}]+/gu;
const ASCII_WORD = /^[a-z0-9]/;
const SEGMENT_CACHE_LIMIT = 200_000;
/** A content word of a run: what it contributes, where it starts in the run and its length. */
type RunWord = [Word, number, number];
const segmentCache = new Map<string, RunWord[]>();

function segmentRun(run: string): RunWord[] {
  let segments = segmentCache.get(run);
  if (!segments) {
    segments = [];
    for (const { segment, index, isWordLike } of segmenter.segment(run)) {
      if (!isWordLike) continue;
      const word = wordOf(segment);
      if (word.kind !== 'stopword') segments.push([word, index, segment.length]);
    }
    if (segmentCache.size >= SEGMENT_CACHE_LIMIT) segmentCache.clear();
    segmentCache.set(run, segments);
  }
  return segments;
}

/** A hiragana word with a long-vowel mark is a loanword typed without conversion: いめーじ is イメージ. */
const HIRAGANA_LOANWORD = /[\p{Script=Hiragana}ー]*[\p{Script=Hiragana}]ー[\p{Script=Hiragana}ー]*/gu;

const TRAILING_PARTICLES = [
  'って',
  'とは',
  'から',
  'まで',
  'の',
  'は',
  'が',
  'を',
  'に',
  'で',
  'と',
  'も',
  'や',
  'へ',
];

/** The loanword in katakana; particles written after it (いめーじの) stay hiragana. */
function toKatakana(run: string): string {
  let word = run;
  let particles = '';
  for (let peeled = true; peeled;) {
    peeled = false;
    for (const particle of TRAILING_PARTICLES) {
      const rest = word.slice(0, -particle.length);
      if (word.endsWith(particle) && rest.length >= 2 && /ー./u.test(rest)) {
        word = rest;
        particles = particle + particles;
        peeled = true;
        break;
      }
    }
  }
  return (
    word.replace(/[\u3041-\u3096]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0x60)) + particles
  );
}

/**
 * Text → tokens in order: normalised, split into words (Japanese too), stemmed, no stopwords.
 * `slack: true` (questions) first removes Slack markup; knowledge text may contain `<none>` literally.
 */
export function tokenizeDetailed(text: string, { slack = true } = {}): Token[] {
  if (PRINTABLE_ASCII.test(text)) return tokenizeAscii(slack ? stripSlackMarkup(text) : text);
  const tokens: Token[] = [];
  scanWords(prepareText(text, slack), (token, compound, everyday) =>
    tokens.push(everyday ? { text: token, compound, everyday } : { text: token, compound }),
  );
  return tokens;
}

/** Normalised, apostrophes joined ("don't" → "dont"), loanwords typed in hiragana turned to katakana. */
function prepareText(text: string, slack: boolean): string {
  return normalizeText(text, { slack }).replace(APOSTROPHES, '').replace(HIRAGANA_LOANWORD, toKatakana);
}

/** The words of prepared text, in order, each with whether it is a compound of the two nouns before. */
function scanWords(
  cleaned: string,
  emit: (token: string, compound: boolean, everyday: boolean) => void,
): void {
  let previous: string | undefined;
  let previousEnd = -1;
  for (const run of cleaned.matchAll(SCRIPT_RUN)) {
    const value = run[0];
    if (ASCII_WORD.test(value)) {
      previous = undefined;
      const token = latinToken(value);
      if (token !== null) emit(token, false, false);
      continue;
    }
    for (const [word, offset, length] of segmentRun(value)) {
      const index = run.index + offset;
      const adjacent = index === previousEnd;
      previousEnd = index + length;
      if (word.kind === 'noun') {
        const text = word.tokens[0] as string;
        if (adjacent && previous) emit(previous + text, true, false);
        emit(text, false, false);
        previous = text;
        continue;
      }
      previous = undefined;
      for (const text of word.tokens) emit(text, false, word.kind === 'everyday');
    }
  }
}

interface Word {
  kind: 'noun' | 'stopword' | 'everyday' | 'other';
  tokens: string[];
}

const WORD_CACHE_LIMIT = 100_000;
const wordCache = new Map<string, Word>();

/** What one segmented word contributes; remembered, since words repeat across a knowledge base. */
function wordOf(segment: string): Word {
  let word = wordCache.get(segment);
  if (!word) {
    if (STOPWORDS.has(segment)) word = { kind: 'stopword', tokens: [] };
    else if (EVERYDAY_JAPANESE_WORDS.has(segment)) word = { kind: 'everyday', tokens: [segment] };
    else if (LATIN.test(segment)) {
      const token = latinToken(segment);
      word = token === null ? { kind: 'stopword', tokens: [] } : { kind: 'other', tokens: [token] };
    } else if (JAPANESE_NOUN.test(segment)) word = { kind: 'noun', tokens: [foldKana(segment)] };
    else {
      const stems = japaneseStems(segment)
        .map(foldKana)
        .filter((token) => !STOPWORDS.has(token));
      word = { kind: stems.length === 0 ? 'stopword' : 'other', tokens: stems };
    }
    if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
    wordCache.set(segment, word);
  }
  return word;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** "3 replicas", "at 3", "1つ": a one- or two-digit number is a count or a time, never a subject. */
const SMALL_NUMBER = /^[0-9]{1,2}$/;

/** Plain ASCII text is split into words without Unicode folding nor word segmentation. */
export function isPrintableAscii(text: string): boolean {
  return PRINTABLE_ASCII.test(text);
}

/**
 * Chat shorthand, written the same way on both sides: "ctr" is a container, "img" an image. (A Map: an
 * object looked up with each word of a large knowledge base would intern every one of them.)
 */
const SHORTHAND = new Map([
  ['ctr', 'container'],
  ['ctrs', 'container'],
  ['cntr', 'container'],
  ['ctnr', 'container'],
  ['img', 'image'],
  ['imgs', 'image'],
  ['diff', 'difference'],
  ['repo', 'repository'],
  ['repos', 'repository'],
]);
const LATIN_WORD_CACHE_LIMIT = 100_000;
const latinWordCache = new Map<string, string | null>();

/** The token of one Latin word, or null for a stopword; remembered, since words repeat. */
function latinToken(word: string): string | null {
  let token = latinWordCache.get(word);
  if (token === undefined) {
    token = latinTokenOf(word);
    if (latinWordCache.size >= LATIN_WORD_CACHE_LIMIT) latinWordCache.clear();
    latinWordCache.set(word, token);
  }
  return token;
}

/** Plain ASCII text (most English) needs no Unicode folding nor word segmentation. */
function tokenizeAscii(text: string): Token[] {
  const tokens: Token[] = [];
  for (const word of text
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .split(/[^a-z0-9]+/)) {
    if (word === '') continue;
    const token = latinToken(word);
    if (token !== null) tokens.push({ text: token, compound: false });
  }
  return tokens;
}

/**
 * The tokens of a piece of knowledge text holding no whitespace, compounds included: no word spans
 * whitespace, so the tokens of a text are those of its pieces one after the other.
 */
export function chunkTokens(piece: string, token: (text: string) => void): void {
  scanWords(prepareText(piece, false), (text, _compound, everyday) => {
    if (!everyday) token(text);
  });
}

/** What a raw English word becomes in the index: its stemmed token, or null for a stopword. */
export function latinTokenOf(raw: string): string | null {
  if (SMALL_NUMBER.test(raw)) return null;
  const stemmed = COMPARISON.has(raw) ? 'vs' : stem(SHORTHAND.get(raw) ?? raw);
  return STOPWORDS.has(raw) || STOPWORDS.has(stemmed) ? null : stemmed;
}

/** The content words of a text, compounds included (everyday Japanese words are not content). */
export function tokenize(text: string, options?: { slack?: boolean }): string[] {
  return tokenizeDetailed(text, options)
    .filter((token) => token.everyday !== true)
    .map((token) => token.text);
}

const LONG_LATIN_STOPWORDS = [...STOPWORDS]
  .filter((word) => LATIN.test(word) && word.length >= 3)
  .map((word) => ({ word, letters: sortedLetters(word) }));

/**
 * Question words are typed fast and mistyped often ("waht", "hwo", "wht"): those are not content
 * either. Only swapped or dropped letters count; a changed letter makes another word ("post", "most").
 */
export function isMistypedStopword(token: string, distance: (a: string, b: string) => number): boolean {
  if (token.length < 3) return false;
  let letters: string | undefined;
  return LONG_LATIN_STOPWORDS.some(({ word, letters: wordLetters }) => {
    if (word.length === token.length) {
      letters ??= sortedLetters(token);
      return wordLetters === letters && distance(token, word) <= 1;
    }
    return word.length === token.length + 1 && distance(token, word) <= 1;
  });
}

/** The letters of a word in order ("waht" and "what" both give "ahtw"). */
function sortedLetters(word: string): string {
  return [...word].sort().join('');
}

export function isLatinToken(token: string): boolean {
  return LATIN.test(token);
}
