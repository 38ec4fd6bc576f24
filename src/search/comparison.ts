import { normalizeText } from './normalize.js';

/** The two things a question compares, and which one it leans to ("B, not A"), if it says. */
export interface Comparison {
  a: string;
  b: string;
  /** the side the asker asks about ("why use B instead of A" asks about B) */
  asked: 'a' | 'b' | null;
}

/** Where a side ends: punctuation, or the start of the rest of a sentence. */
const SIDE_END = /[,.!?;:、。！？…()「」]/u;

interface Pattern {
  pattern: RegExp;
  asked: 'a' | 'b' | null;
  /** whether the pattern only counts in a question that asks for a choice (for "A or B") */
  needsChoice?: boolean;
  /** whether B is the words before the comparing word ("AってよくきくけどBと何が違う") rather than after A */
  bEndsAtComparison?: boolean;
}

const PATTERNS: readonly Pattern[] = [
  { pattern: /differences? between (.+?) and (.+)/, asked: null },
  { pattern: /(.+?)\s+(?:vs\.?|versus)\s+(.+)/, asked: null },
  { pattern: /(.+?)\s+or\s+(.+)/, asked: null, needsChoice: true },
  { pattern: /(.+?)(?:じゃなくて|ではなく|の代わりに)(.+?)(?:を|が)?(?:使う|使っ|選ぶ|選ん)/u, asked: 'b' },
  { pattern: /(.+?)と(.+?)の(?:違い|ちがい|差)/u, asked: null },
  { pattern: /(.+?)と(.+?)(?:って|は|では|なら)?(?:どっち|どちら|どれ)/u, asked: null },
  { pattern: /(.+?)と(.+?)(?:って|は|では|の)?(?:何が|なにが|どこが|どう)(?:違|ちが)/u, asked: null },
  {
    pattern: /(.+?)(?:って|は)(.+?)と(?:は)?(?:何が|なにが|どこが|どう)(?:違|ちが)/u,
    asked: 'a',
    bEndsAtComparison: true,
  },
  { pattern: /(.+?)と(.+?)(?:って|は)(?:同じ|一緒)/u, asked: null },
  { pattern: /\bis ([^,.!?;:]{1,40}?) (?:the same(?: thing)? as|just (?:a|an|another)) (.+)/u, asked: 'a' },
];
/** A quick first look: most questions compare nothing and need no more. */
const COMPARING =
  /vs|versus|differen|\bor\b|same|just|同じ|一緒|違|ちが|差|どっち|どちら|どれ|じゃなくて|ではなく|代わり/iu;
const CHOICE = /\b(?:which|better|prefer|should i|choose|pick)\b|どっち|どちら/u;

/**
 * The two sides of a comparison ("A vs B", "difference between A and B", "AとBの違い", "AとBどっちが
 * いい", "AじゃなくてBを使う理由", "A or B, which…"), each cut to the words next to the comparing word;
 * null when the question compares nothing.
 */
export function comparisonOf(question: string): Comparison | null {
  if (!COMPARING.test(question)) return null;
  const text = normalizeText(question).replace(/\s+/gu, ' ').trim();
  for (const { pattern, asked, needsChoice, bEndsAtComparison } of PATTERNS) {
    if (needsChoice && !CHOICE.test(text)) continue;
    const match = pattern.exec(text);
    if (!match) continue;
    const a = lastPart(match[1] ?? '');
    const b = bEndsAtComparison ? lastPart(match[2] ?? '') : firstPart(match[2] ?? '');
    if (a !== '' && b !== '' && a !== b && !PRONOUNS.has(a) && !PRONOUNS.has(b)) return { a, b, asked };
  }
  return null;
}

/** Words that start the rest of a sentence rather than name a side: "kubernetes for a small team". */
const CLAUSE_WORDS = new Set(
  'for in on with to when if because so but that which who where while since about from at of i we you my our'.split(
    ' ',
  ),
);
/** A side that only points back ("is it the same as a container"): the question names its thing elsewhere. */
const PRONOUNS = new Set('it this that they these those one それ これ あれ'.split(' '));
const ARTICLES = /^(?:the|a|an|using|use|between)\s+/;

/** The words of `text` after its last punctuation or clause word, at most four of them. */
function lastPart(text: string): string {
  const parts = text.split(SIDE_END);
  const words = (parts[parts.length - 1] ?? '').trim().split(' ');
  let start = words.length;
  while (start > 0 && !CLAUSE_WORDS.has(words[start - 1] as string) && words.length - start < 4) start--;
  return words.slice(start).join(' ').trim().replace(ARTICLES, '');
}

/** The words of `text` before its first punctuation or clause word, at most four of them. */
function firstPart(text: string): string {
  const words = (text.split(SIDE_END)[0] ?? '').trim().replace(ARTICLES, '').split(' ');
  let end = 0;
  while (end < words.length && end < 4 && !CLAUSE_WORDS.has(words[end] as string)) end++;
  return words.slice(0, end).join(' ').trim();
}
