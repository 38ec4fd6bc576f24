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
  return (slack ? stripSlackMarkup(text) : text)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/gu, ' ');
}

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

/** Any kana or kanji means the asker reads Japanese; everything else gets English. */
export function detectLang(text: string): Lang {
  return JAPANESE.test(stripSlackMarkup(text)) ? 'ja' : 'en';
}
