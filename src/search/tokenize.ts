import { normalizeText } from './normalize.js';

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
    // Japanese particles, auxiliaries and question phrasing, as Intl.Segmenter splits them
    'の は が を に で と も へ や か な ね よ わ ぞ さ て た だ し い う る れ ん っ から まで より って とは とか など',
    'です ます でした ました でしょ でしょう ません ない なかった たい たく たら れば すれ すれば する します したい',
    'した して しよう できる でき できます できない られる れる ある あり ありますか いる いい よい こと もの ため',
    'よう ほう 方 方法 やり方 仕方 使い方 何 なに なん どう どうやって どうすれば どの どれ どこ どんな いつ',
    '誰 教 知 教え 教えて ください 下さい お願い おねがい について 知り 知りたい わから わかり 分から 分かり',
    'ってなに って何 とは何 意味 ちょっと 本当 ほんと 化',
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
const HIRAGANA_CONTENT = new Set(['なぜ', 'もと', 'まとめ', 'ずっと']);
const LATIN = /^[a-z0-9]+$/;
const KATAKANA_LONG_VOWEL = /^([\p{Script=Katakana}ー]{2,}?)ー$/u;

/**
 * A light English stemmer: plurals and the common verb endings, applied alike to knowledge and
 * questions, so "containers", "running" and "tagged" meet "container", "run" and "tag".
 */
export function stem(word: string): string {
  if (!LATIN.test(word) || word.length <= 3) return word;
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
}

/**
 * Word-like segments with their positions. ASCII words are split by a regular expression; other text
 * is cut into runs of one script (katakana, kanji, hiragana) and only those go through
 * Intl.Segmenter, which costs far more per character. A run's segments are remembered: words repeat
 * across a knowledge base (コンテナ, 起動, です), so a large one indexes in seconds, not minutes.
 */
function* words(text: string): Generator<{ segment: string; index: number }> {
  for (const run of text.matchAll(SCRIPT_RUN)) {
    const start = run.index;
    const value = run[0];
    if (ASCII_WORD.test(value)) {
      yield { segment: value, index: start };
      continue;
    }
    for (const [segment, index] of segmentRun(value)) yield { segment, index: start + index };
  }
}

const SCRIPT_RUN =
  /[a-z0-9]+|[\p{Script=Katakana}ー]+|\p{Script=Han}+|\p{Script=Hiragana}+|[^\sa-z0-9\p{Script=Katakana}ー\p{Script=Han}\p{Script=Hiragana}]+/gu;
const ASCII_WORD = /^[a-z0-9]/;
const SEGMENT_CACHE_LIMIT = 200_000;
const segmentCache = new Map<string, [string, number][]>();

function segmentRun(run: string): [string, number][] {
  let segments = segmentCache.get(run);
  if (!segments) {
    segments = [];
    for (const { segment, index, isWordLike } of segmenter.segment(run)) {
      if (isWordLike) segments.push([segment, index]);
    }
    if (segmentCache.size >= SEGMENT_CACHE_LIMIT) segmentCache.clear();
    segmentCache.set(run, segments);
  }
  return segments;
}

/**
 * Text → tokens in order: normalised, split into words (Japanese too), stemmed, no stopwords.
 * `slack: true` (questions) first removes Slack markup; knowledge text may contain `<none>` literally.
 */
export function tokenizeDetailed(text: string, { slack = true } = {}): Token[] {
  const cleaned = normalizeText(text, { slack })
    .replace(APOSTROPHES, '')
    .replace(/[^\p{L}\p{N}\p{M}ー]+/gu, ' ');
  const tokens: Token[] = [];
  let previous: string | undefined;
  let previousEnd = -1;
  for (const { segment, index } of words(cleaned)) {
    if (STOPWORDS.has(segment)) continue;
    const adjacent = index === previousEnd;
    previousEnd = index + segment.length;
    if (JAPANESE_NOUN.test(segment)) {
      const word = foldKana(segment);
      if (adjacent && previous) tokens.push({ text: previous + word, compound: true });
      tokens.push({ text: word, compound: false });
      previous = word;
      continue;
    }
    previous = undefined;
    for (const word of japaneseStems(segment)) {
      const token = COMPARISON.has(word) ? 'vs' : foldKana(stem(word));
      if (!STOPWORDS.has(token)) tokens.push({ text: token, compound: false });
    }
  }
  return tokens;
}

const SCRIPT_RUNS = /[a-z0-9]+|[\p{Script=Katakana}ー]+|\p{Script=Han}+|\p{Script=Hiragana}+/gu;

/**
 * A cheaper split for long knowledge text (answers), where Intl.Segmenter would dominate the time to
 * index a large knowledge base. Katakana and kanji runs are words; a kanji run also gives its
 * two-character pieces (開発環境 → 開発, 発環, 環境), which is how most kanji words are built, so
 * questions split by the segmenter still meet them. Hiragana is grammar here and is dropped, as the
 * segmenter path drops inflection endings.
 */
export function tokenizeLongText(text: string): string[] {
  const tokens: string[] = [];
  for (const [run] of normalizeText(text, { slack: false }).replace(APOSTROPHES, '').matchAll(SCRIPT_RUNS)) {
    if (STOPWORDS.has(run)) continue;
    if (LATIN.test(run)) {
      const token = stem(run);
      if (!STOPWORDS.has(token)) tokens.push(token);
    } else if (HAN.test(run)) {
      tokens.push(run);
      for (let i = 0; i + 2 <= run.length && run.length > 2; i++) tokens.push(run.slice(i, i + 2));
    } else if (!HIRAGANA_ONLY.test(run) || HIRAGANA_CONTENT.has(run)) {
      tokens.push(foldKana(run));
    }
  }
  return tokens;
}

/** The content words of a text, compounds included. */
export function tokenize(text: string, options?: { slack?: boolean }): string[] {
  return tokenizeDetailed(text, options).map((token) => token.text);
}

const LONG_LATIN_STOPWORDS = [...STOPWORDS].filter((word) => LATIN.test(word) && word.length >= 4);

/** Question words are typed fast and mistyped often ("waht", "hwo"): those are not content either. */
export function isMistypedStopword(token: string, distance: (a: string, b: string) => number): boolean {
  return token.length >= 4 && LONG_LATIN_STOPWORDS.some((word) => distance(token, word) <= 1);
}

export function isLatinToken(token: string): boolean {
  return LATIN.test(token);
}
