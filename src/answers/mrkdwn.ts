import type { Lang } from '../knowledge/types.js';
import { BLOCK_KIT_LIMITS } from './block-kit-limits.js';

// Mrkdwn, Slack's text markup: escaping what users typed, and the spacing Japanese text needs.

/** A long answer is split over several sections; past this many it is cut, keeping messages readable. */
const MAX_EXPLANATION_SECTIONS = 10;
const ELLIPSIS = '…';
const ZWSP = '\u200B';

/**
 * Escapes the three characters Slack reads as markup
 * (https://docs.slack.dev/messaging/formatting-message-text#escaping), so text shown back to users
 * cannot ping `<!channel>`, `<!here>`, `<@U…>` or `<!subteam^…>`, nor relabel a link.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Text as Slack sent it (`&lt;` for <, `<#C1|general>`, `<@U1>`, `<https://x|label>`) turned back into
 * what its writer saw, so that shown back after escapeMrkdwn it reads as typed, not as `&amp;lt;` or as
 * raw ids. Mentions and links become plain text: shown back, they must not ping or link anyone.
 */
export function asTyped(text: string): string {
  return text
    .replace(/<(?:https?|mailto):[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<([@#!])([^|>]*)\|([^>]*)>/g, (_, sigil: string, _id: string, label: string) =>
      label.startsWith('@') || label.startsWith('#') ? label : `${sigil === '!' ? '@' : sigil}${label}`,
    )
    .replace(
      /<([@#!])(?:subteam\^)?([^>]*)>/g,
      (_, sigil: string, id: string) => `${sigil === '!' ? '@' : sigil}${id}`,
    )
    .replace(/<((?:https?|mailto):[^>]*)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Slack only renders `*bold*`, `_italic_`, `~strike~` and `` `code` `` when the markers stand at a word
 * boundary, and a Japanese character touching a marker is not one: `起動は`docker run`です` shows its
 * backticks. A zero-width space on the outer side of each pair gives Slack the boundary it needs.
 */
export function japaneseMrkdwn(text: string): string {
  // Code first (its content is literal); emphasis pairs are searched again inside, for nested markers.
  const pairs = /```[\s\S]*?```|`[^`\n]+`|([*_~])(?=\S)[^\n]*?\S\1/g;
  let out = '';
  let last = 0;
  for (const match of text.matchAll(pairs)) {
    const start = match.index;
    const end = start + match[0].length;
    const marker = match[1];
    const inner = marker ? marker + japaneseMrkdwn(match[0].slice(1, -1)) + marker : match[0];
    out += text.slice(last, start);
    if (needsBoundary(text[start - 1])) out += ZWSP;
    out += inner;
    if (needsBoundary(text[end])) out += ZWSP;
    last = end;
  }
  return out + text.slice(last);
}

function needsBoundary(char: string | undefined): boolean {
  return char !== undefined && char !== ZWSP && char.charCodeAt(0) > 0x7f && !/\s/u.test(char);
}

/** Mrkdwn as it should reach Slack in `lang`. */
export function forLang(text: string, lang: Lang): string {
  return lang === 'ja' ? japaneseMrkdwn(text) : text;
}

/** Cuts text to `max` code units, ending with … and never inside a surrogate pair or an `&amp;` entity. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - ELLIPSIS.length);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  cut = cut.replace(/&[a-z]{0,3}$/, '');
  return cut + ELLIPSIS;
}

/**
 * Splits mrkdwn into pieces of at most `max` characters (after the Japanese boundaries are added), at
 * the best break before the limit: a blank line, a line end, a sentence end, a space; and outside
 * inline code where it can, so a code span is not torn between two sections.
 */
export function splitText(escaped: string, max: number, lang: Lang): string[] {
  const parts: string[] = [];
  let rest = forLang(escaped, lang).trim();
  while (rest.length > max && parts.length < MAX_EXPLANATION_SECTIONS) {
    const cut = breakPoint(rest, max);
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) {
    if (parts.length < MAX_EXPLANATION_SECTIONS) parts.push(rest);
    else parts[parts.length - 1] = ellipsize(parts[parts.length - 1] ?? '', max);
  }
  return parts;
}

function breakPoint(text: string, max: number): number {
  const window = text.slice(0, max);
  const evenTicks = (end: number) => (window.slice(0, end).match(/`/g)?.length ?? 0) % 2 === 0;
  for (const outsideCode of [true, false]) {
    for (const pattern of [/\n\s*\n/g, /\n/g, /[.!?](?=\s)|[。！？]/g, /\s/g]) {
      let best = -1;
      for (const match of window.matchAll(pattern)) {
        const end = match.index + match[0].length;
        if (end >= max / 2 && (!outsideCode || evenTicks(end))) best = end;
      }
      if (best > 0) return best;
    }
  }
  // No break at all: cut hard, but not inside a surrogate pair or an entity.
  let cut = max;
  if (/[\ud800-\udbff]/.test(text[cut - 1] ?? '')) cut -= 1;
  const entity = /&[a-z]{0,3}$/.exec(text.slice(0, cut));
  return entity ? cut - entity[0].length : cut;
}

function ellipsize(text: string, max: number): string {
  return text.length < max ? text + ELLIPSIS : truncate(text, max);
}

export function fallbackText(parts: string[], lang: Lang): string {
  return truncate(forLang(parts.join('\n\n'), lang), BLOCK_KIT_LIMITS.fallbackText);
}

/** The user's text as a block quote, escaped and cut to fit one section. */
export function quote(text: string): string {
  const quoted = escapeMrkdwn(asTyped(text))
    .split(/\r?\n/)
    .map((line) => `>${line}`)
    .join('\n');
  return truncate(quoted, BLOCK_KIT_LIMITS.sectionText - 200);
}

/** A mention when the id looks like one, the escaped text otherwise. */
export function userMention(userId: string): string {
  return /^[UW][A-Z0-9]{2,}$/.test(userId) ? `<@${userId}>` : escapeMrkdwn(userId);
}
