import { normalizeText } from './normalize.js';

/**
 * The term a question asks the meaning of — "what is a container", "what even is an image?", "what does
 * kubernetes actually do", "そもそもコンテナって何ですか", "Dockerのイメージとは", "「コンテナ」って結局なんなん
 * でしょう" — or null. Only the words between the asking words and the next punctuation or aside are the
 * term, so "what is the image size limit" is the term "image size limit" (no topic's name), never "image".
 * The engine answers a term that is the whole name of exactly one topic with that topic: a colleague's
 * "what is X?" asks for X's own topic, however much context surrounds it (a PM's standups, a new team).
 */
export function definedTerm(question: string): string | null {
  if (!ASKING.test(question)) return null;
  const text = normalizeText(question).replace(/\s+/gu, ' ').trim();
  return englishTerm(text) ?? japaneseTerm(text);
}

/**
 * The terms a question quotes ("「コンテナ」って言ってるんですが、そもそも何なんでしょう", 'the devs keep
 * saying "image", what is that?') when it asks a meaning without naming the term next to the asking
 * words; empty otherwise. The engine takes the first that is a topic's whole name.
 */
export function quotedTerms(question: string): string[] {
  if (!QUOTE.test(question)) return [];
  const text = normalizeText(question).replace(/\s+/gu, ' ').trim();
  if (!ASKING_ALONE.test(text)) return [];
  return [...text.matchAll(QUOTED)].flatMap((match) => {
    const term = cleanTerm(match[1] ?? match[2] ?? '');
    return term === null ? [] : [term];
  });
}

/** A quick first look: most questions ask no meaning. */
const ASKING = /what|とは|って|というのは|ってのは/iu;
const QUOTE = /[「『"“]/u;
/** A term in Japanese corner brackets or in double quotes, a few words long. */
const QUOTED = /[「『]([^「」『』]{1,30})[」』]|["“]([^"“”]{1,30})["”]/gu;
/** Asking what something is without saying what: "そもそも何なんでしょう", "what is that", "what does it mean". */
const ASKING_ALONE =
  /(?:そもそも|結局|一体|いったい)(?:何|なに|なん)(?![\p{Script=Han}が])|(?:^|[^a-z'])what (?:even |exactly |actually |really )?(?:is|are) (?:it|that|this|they)\b|what does (?:it|that|this) (?:even |actually |really )?(?:mean|do)\b/u;

/** The asking words before an English term, and the verbs after the term of "what does X do". */
const ENGLISH_WHAT =
  /(?:^|[^a-z'])what(?:'s| (?:even |exactly |actually |really )?(?:is|are))\s+(?:even |exactly |actually |really )?(.+)/u;
const ENGLISH_DOES = /(?:^|[^a-z'])what does (.+?) (?:even |exactly |actually |really )?(?:do|mean)\b/u;
/** Articles and quotes that are not part of a name. */
const LEADING = /^(?:(?:an?|the|this|that)\s+)?["'`“‘]?/u;
const TRAILING = /["'`”’]$/u;
/** Words after which a term has ended ("what is a container and why…", "what is an image exactly?"). */
const ENGLISH_AFTER = new Set(
  'and exactly actually even anyway really though btw lol lmao again here now then anyways'.split(' '),
);
/** "in this context", "in plain terms", "in the docker sense": an aside after the term, not part of it. */
const ENGLISH_ASIDE =
  / in (?:(?:this|that) (?:context|case|sense)|(?:plain|simple|layman'?s?) (?:terms|words|english)|a nutshell|(?:the )?(?:docker|kubernetes|k8s|container) (?:sense|world|context)|short|general|practice)\b.*$/u;
/** Where a term ends: punctuation of either language, brackets, an arrow. */
const TERM_END = /[,.!?;:、。！？…()（）「」『』【】→←\n\p{Extended_Pictographic}]/u;
/** In Japanese, a space after a Japanese character also ends a sentence: "うなずいてます そもそもコンテナって". */
const JAPANESE_SPACE = /(?<=[^\p{ASCII}]) /u;
/** Words that point back to a term said elsewhere ("what does it do"): a quoted term may be it. */
const POINTING = new Set('it this that they these those それ これ あれ'.split(' '));
/** The longest name the engine looks for: longer runs are sentences, not terms. */
const MAX_TERM_WORDS = 4;

function englishTerm(text: string): string | null {
  const does = ENGLISH_DOES.exec(text);
  if (does) return cleanTerm((does[1] ?? '').split(TERM_END)[0] ?? '');
  const what = ENGLISH_WHAT.exec(text);
  if (!what) return null;
  const words = ((what[1] ?? '').split(TERM_END)[0] ?? '').replace(ENGLISH_ASIDE, '').trim().split(' ');
  const end = words.findIndex((word) => ENGLISH_AFTER.has(word));
  return cleanTerm(words.slice(0, end < 0 ? words.length : end).join(' '));
}

function cleanTerm(term: string): string | null {
  const cleaned = term.trim().replace(LEADING, '').replace(TRAILING, '').trim();
  if (cleaned === '' || cleaned.split(' ').length > MAX_TERM_WORDS || POINTING.has(cleaned)) return null;
  return cleaned;
}

/**
 * "X って何", "X とは", "X っていうのは何", with 結局, そもそも, 一体 or ざっくり between; 何 must not start a
 * counter or another word (何頭, 何時, 何人, 何が違う: "the pod of whales, how many" asks no meaning).
 */
const JAPANESE_ASKING =
  /(?:って|とは|っていうのは|というのは|ってのは)(?:、|\s)?(?:結局|そもそも|一体|いったい|ざっくり|要するに|具体的に|簡単に|一言で)?(?:何|なに|なん|どういう(?:もの|こと|役割|意味)|どんな(?:もの|役割))(?![\p{Script=Han}が])|とは(?:[?？!！。]|$)/u;
/** Words that start a sentence before the term, not part of it. */
const JAPANESE_BEFORE = /^(?:そもそも|結局|最近|よく聞く|いわゆる|みんなが言う|その|この|あの)/u;
/** "Docker の" (でいう, における) before a name: "Dockerのイメージって何" asks about the image. */
const OWNER = /^(?:docker|kubernetes|k8s)\s?(?:の|でいう|で言う|における)/u;

function japaneseTerm(text: string): string | null {
  const match = JAPANESE_ASKING.exec(text);
  if (!match) return null;
  const before = text.slice(0, match.index);
  const parts = before.split(TERM_END).flatMap((part) => part.split(JAPANESE_SPACE));
  let term = (parts[parts.length - 1] ?? '').trim();
  // 「コンテナ」って: the term is what the quotes hold.
  if (term === '' && parts.length >= 2) term = (parts[parts.length - 2] ?? '').trim();
  let previous;
  do {
    previous = term;
    term = term.replace(JAPANESE_BEFORE, '').replace(OWNER, '').trim();
  } while (term !== previous);
  return cleanTerm(term);
}
