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
  /** the terms of piece p are pieceTerms[pieceStart[p]] to pieceTerms[pieceStart[p + 1]], side by side */
  private readonly pieceTerms = new IntList();
  private readonly pieceStart = new IntList();
  private readonly phrases = new StringTable();
  /** per phrase: its tokens, before concepts */
  private readonly phraseTokens: string[][] = [];
  /** per phrase: its terms, when there are no concepts to apply across phrases (else its tokens) */
  private readonly phraseTerms: number[][] = [];

  /** `concepts`: each concept word is numbered as its concept (see knowledge/concepts.yaml). */
  constructor(private readonly concepts: ConceptMap = NO_CONCEPTS) {
    this.pieceStart.push(0);
  }

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
   * "dont"): what `tokenize` splits ASCII text into. (The loop is written out here and in
   * `pieceWordIds`, not shared through a rule object: a call per character for the rule's tests was
   * most of the time of indexing a large knowledge base.)
   */
  private latinWordIds(text: string, word: (term: number) => void): void {
    let start = -1;
    let hash = HASH_START;
    for (let i = 0; i <= text.length; i++) {
      const code = i < text.length ? lowerAscii(text.charCodeAt(i)) : 0x20;
      if (code === 0x27 || code === 0x60) continue;
      if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) {
        if (start < 0) {
          start = i;
          hash = HASH_START;
        }
        hash = nextHash(hash, code);
        continue;
      }
      if (start < 0) continue;
      let raw = this.rawWords.find(text, start, i, hash, sameFoldedWord);
      if (raw < 0) {
        const folded = text.slice(start, i).toLowerCase().replace(/['`]/g, '');
        const token = latinTokenOf(folded);
        raw = this.rawWords.add(folded, hash);
        this.rawWordTerms.push(token === null ? -1 : this.termOf(this.concepts.single.get(token) ?? token));
      }
      const term = this.rawWordTerms.at(raw);
      if (term >= 0) word(term);
      start = -1;
    }
  }

  /** No word or compound spans whitespace, so a piece's tokens do not depend on its neighbours. */
  private pieceWordIds(text: string, word: (term: number) => void): void {
    let start = -1;
    let hash = HASH_START;
    for (let i = 0; i <= text.length; i++) {
      const code = i < text.length ? text.charCodeAt(i) : 0x20;
      if (!isWhitespace(code)) {
        if (start < 0) {
          start = i;
          hash = HASH_START;
        }
        hash = nextHash(hash, code);
        continue;
      }
      if (start < 0) continue;
      let piece = this.pieces.find(text, start, i, hash, sameSpan);
      if (piece < 0) {
        const cut = text.slice(start, i);
        piece = this.pieces.add(cut, hash);
        this.addPieceTerms(cut);
        this.pieceStart.push(this.pieceTerms.length);
      }
      const end = this.pieceStart.at(piece + 1);
      for (let at = this.pieceStart.at(piece); at < end; at++) word(this.pieceTerms.at(at));
      start = -1;
    }
  }

  /**
   * A piece's tokens are those of its phrases one after the other (see `forEachPhrase`), and each
   * distinct phrase is tokenised once: pieces of Japanese prose are long and rarely repeat whole,
   * but their phrases (コンテナの, イメージを, 起動します) do. Concepts are applied over the whole
   * piece, since a concept of several tokens may span two phrases.
   */
  private addPieceTerms(piece: string): void {
    const tokens: string[] = [];
    forEachPhrase(piece, (start, end, hash) => {
      let phrase = this.phrases.find(piece, start, end, hash, sameSpan);
      if (phrase < 0) {
        const text = piece.slice(start, end);
        const own: string[] = [];
        chunkTokens(text, (token) => own.push(token));
        phrase = this.phrases.add(text, hash);
        // Without concepts a phrase's words are numbered now, in order: the order they are first met.
        if (this.concepts === NO_CONCEPTS) this.phraseTerms.push(own.map((token) => this.termOf(token)));
        else this.phraseTokens.push(own);
      }
      if (this.concepts === NO_CONCEPTS) {
        for (const term of this.phraseTerms[phrase] as number[]) this.pieceTerms.push(term);
      } else {
        for (const token of this.phraseTokens[phrase] as string[]) tokens.push(token);
      }
    });
    if (this.concepts === NO_CONCEPTS) return;
    const words = applyConcepts(tokens, this.concepts, String, (_, concept) => concept);
    for (const token of words) this.pieceTerms.push(this.termOf(token));
  }
}

/**
 * Calls `phrase(start, end, hash)` for the phrases of a piece (text without whitespace), cut where one
 * script gives way to another and no compound can span the change: between hiragana and a katakana
 * letter or kanji either way, and after 、 or 。 ("コンテナ|の|イメージ|を|起動|します|。"). There,
 * tokenising the piece whole and the phrases one by one give the same tokens:
 *
 * - the script runs, and what the word splitter makes of each, are the same;
 * - no compound forms across a cut: a compound joins two adjacent nouns (katakana and kanji), and a
 *   hiragana word is never a noun, nor is 、;
 * - normalising is the same on both sides: the characters either side of a cut are ones NFKC keeps as
 *   they are and that combine with nothing before them, neither cased nor case-ignorable;
 * - hiragana typed for a loanword (いめーじ) are turned to katakana, which would join a katakana run
 *   after them: so no cut follows hiragana that a long-vowel mark precedes or continues, nor any that
 *   follow a character NFKC might turn into hiragana or a long-vowel mark.
 */
function forEachPhrase(piece: string, phrase: (start: number, end: number, hash: number) => void): void {
  let start = 0;
  let hash = HASH_START;
  /** whether what precedes the current run of hiragana letters is plain (see isPlainBeforeHiragana) */
  let plain = true;
  let previous = -1;
  for (let i = 0; i < piece.length; i++) {
    const code = piece.charCodeAt(i);
    const hiragana = isHiraganaLetter(code);
    if (i > start) {
      const cut = hiragana
        ? isKatakanaOrKanji(previous) || previous === 0x3001 || previous === 0x3002
        : isKatakanaOrKanji(code) &&
          ((plain && isHiraganaLetter(previous)) || previous === 0x3001 || previous === 0x3002);
      if (cut) {
        phrase(start, i, hash);
        start = i;
        hash = HASH_START;
      }
    }
    if (!hiragana) plain = isPlainBeforeHiragana(code);
    hash = nextHash(hash, code);
    previous = code;
  }
  if (start < piece.length) phrase(start, piece.length, hash);
}

function isHiraganaLetter(code: number): boolean {
  return code >= 0x3041 && code <= 0x3096;
}

/** A katakana letter (not the long-vowel mark) or a kanji of the unified block. */
function isKatakanaOrKanji(code: number): boolean {
  return (code >= 0x30a1 && code <= 0x30fa) || (code >= 0x4e00 && code <= 0x9fff);
}

/** ASCII, a katakana letter, a kanji, 、 or 。: characters that NFKC keeps and no loanword rule joins. */
function isPlainBeforeHiragana(code: number): boolean {
  return (code >= 0x21 && code <= 0x7e) || isKatakanaOrKanji(code) || code === 0x3001 || code === 0x3002;
}

function lowerAscii(code: number): number {
  return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
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
