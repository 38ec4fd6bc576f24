import type { Lang } from '../knowledge/types.js';

/**
 * Slack wraps mentions, channels, broadcasts and links in angle brackets
 * (https://api.slack.com/reference/surfaces/formatting#retrieving-messages). None of it is
 * question content except a link's visible label.
 */
export function stripSlackMarkup(text: string): string {
  // Most questions hold neither: no markup to take out, and no five passes over the text.
  if (!text.includes('<') && !text.includes('&')) return text;
  return text
    .replace(/<(?:https?|mailto):[^|>]*\|([^>]*)>/g, ' $1 ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Folds width and case (NFKC + lower case) and turns control, format and bidi characters (RTL marks,
 * zero-width joiners) into spaces, so "ＤＯＣＫＥＲ", "docker" and "do\u200bcker" compare equal enough.
 */
export function normalizeText(text: string, { slack = true } = {}): string {
  const folded = (slack ? stripSlackMarkup(text) : text).normalize('NFKC').toLowerCase();
  return isPlainText(folded) ? folded : folded.replace(UNPRINTABLE, ' ');
}

const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/gu;

/**
 * Whether every character is printable ASCII, common punctuation, kana or a kanji of the unified
 * block: none of those is a control, format, private-use or unassigned character, so the text needs no
 * replacing. A loop over the codes is several times cheaper than the regular expression with its Unicode
 * classes, and indexing a large knowledge base normalises half a million names and phrases.
 */
function isPlainText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code <= 0x7e) continue;
    if (code >= 0x3000 && code <= 0x303f) continue; // CJK punctuation: 、。「」 and the ideographic space
    if ((code >= 0x3041 && code <= 0x3096) || (code >= 0x3099 && code <= 0x30ff)) continue; // kana
    if (code >= 0x4e00 && code <= 0x9fff) continue;
    if (code >= 0x2010 && code <= 0x2027) continue; // dashes, quotes, bullets, the ellipsis
    return false;
  }
  return true;
}

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

/** Any kana or kanji means the asker reads Japanese; everything else gets English. */
export function detectLang(text: string): Lang {
  return JAPANESE.test(stripSlackMarkup(text)) ? 'ja' : 'en';
}
