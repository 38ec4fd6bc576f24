import { HASH_START, hashOf, nextHash, sameSpan, StringTable, type SameSpan } from './string-table.js';
import { applyConcepts, NO_CONCEPTS, type ConceptMap } from './concepts.js';
import { IntList } from './int-list.js';
import { chunkTokens, isPrintableAscii, latinTokenOf } from './tokenize.js';

/**
 * The words of a knowledge base, numbered as they are met: `wordIds(text, word)` calls `word(id)` for
 * each token `tokenize(text, { slack: false })` gives, in order, without building those strings.
 * `terms` (token → number) is what the index keeps; the rest only speeds the building up:
 *
 * - an English word is read straight from the text's character codes and looked up as it stands in
 *   the text, so each distinct raw word ("Containers") is lower-cased, stemmed and numbered once;
 * - other text is cut at whitespace into pieces ("コンテナイメージの"), and each distinct piece is
 *   tokenised once: aliases and titles repeat their words.
 */
export class Vocabulary {
  readonly terms = new StringTable();
  private readonly rawWords = new StringTable();
  /** per raw word: its term's number, or -1 for a stopword */
  private readonly rawWordTerms = new IntList();
  private readonly pieces = new StringTable();
  private readonly pieceTerms: number[][] = [];

  /** `concepts`: each concept word is numbered as its concept (see knowledge/concepts.yaml). */
  constructor(private readonly concepts: ConceptMap = NO_CONCEPTS) {}

  termOf(token: string): number {
    const hash = hashOf(token);
    const term = this.terms.find(token, 0, token.length, hash, sameSpan);
    return term >= 0 ? term : this.terms.add(token, hash);
  }

  wordIds(text: string, word: (term: number) => void): void {
    if (isPrintableAscii(text)) this.latinWordIds(text, word);
    else this.pieceWordIds(text, word);
  }

  /**
   * An English word is a run of letters and digits, lower-cased, apostrophes inside dropped ("Don't" is
   * "dont"): what `tokenize` splits ASCII text into.
   */
  private latinWordIds(text: string, word: (term: number) => void): void {
    forEachSpan(text, LATIN_WORD, (start, end, hash) => {
      let raw = this.rawWords.find(text, start, end, hash, sameFoldedWord);
      if (raw < 0) {
        const folded = text.slice(start, end).toLowerCase().replace(/['`]/g, '');
        const token = latinTokenOf(folded);
        raw = this.rawWords.add(folded, hash);
        this.rawWordTerms.push(token === null ? -1 : this.termOf(this.concepts.single.get(token) ?? token));
      }
      const term = this.rawWordTerms.at(raw);
      if (term >= 0) word(term);
    });
  }

  /** No word or compound spans whitespace, so a piece's tokens do not depend on its neighbours. */
  private pieceWordIds(text: string, word: (term: number) => void): void {
    forEachSpan(text, PIECE, (start, end, hash) => {
      let piece = this.pieces.find(text, start, end, hash, sameSpan);
      if (piece < 0) {
        const cut = text.slice(start, end);
        let terms: number[] = [];
        if (this.concepts === NO_CONCEPTS) chunkTokens(cut, (token) => terms.push(this.termOf(token)));
        else {
          const tokens: string[] = [];
          chunkTokens(cut, (token) => tokens.push(token));
          terms = applyConcepts(tokens, this.concepts, String, (_, concept) => concept).map((token) =>
            this.termOf(token),
          );
        }
        piece = this.pieces.add(cut, hash);
        this.pieceTerms.push(terms);
      }
      for (const term of this.pieceTerms[piece] as number[]) word(term);
    });
  }
}

/** What makes a span of text: the characters in it, those passed over, and how each is hashed. */
interface SpanRule {
  fold: (code: number) => number;
  inside: (code: number) => boolean;
  skipped: (code: number) => boolean;
}

const LATIN_WORD: SpanRule = { fold: lowerAscii, inside: isAlphanumeric, skipped: isApostrophe };
const PIECE: SpanRule = { fold: (code) => code, inside: (code) => !isWhitespace(code), skipped: () => false };

/** Calls `span(start, end, hash)` for each longest run of characters the rule keeps inside. */
function forEachSpan(text: string, rule: SpanRule, span: (start: number, end: number, hash: number) => void) {
  let start = -1;
  let hash = HASH_START;
  for (let i = 0; i < text.length; i++) {
    const code = rule.fold(text.charCodeAt(i));
    if (rule.skipped(code)) continue;
    if (rule.inside(code)) {
      if (start < 0) {
        start = i;
        hash = HASH_START;
      }
      hash = nextHash(hash, code);
      continue;
    }
    if (start >= 0) span(start, i, hash);
    start = -1;
  }
  if (start >= 0) span(start, text.length, hash);
}

function lowerAscii(code: number): number {
  return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
}

function isAlphanumeric(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x60;
}

/** What `\s` matches in a JavaScript regular expression. */
function isWhitespace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Whether `key` is the word from `start` to `end` of `text`, lower-cased and without apostrophes. */
const sameFoldedWord: SameSpan = (key, text, start, end) => {
  let at = 0;
  for (let i = start; i < end; i++) {
    const code = lowerAscii(text.charCodeAt(i));
    if (isApostrophe(code)) continue;
    if (key.charCodeAt(at++) !== code) return false;
  }
  return at === key.length;
};
