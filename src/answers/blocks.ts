// Types only: @slack/types arrives with @slack/bolt, and nothing here needs it at run time.
import type {
  ActionsBlock,
  Button,
  ContextBlock,
  HeaderBlock,
  HomeView,
  KnownBlock,
  SectionBlock,
} from '@slack/types';
import type { KnowledgeBase } from '../knowledge/load.js';
import type { Lang, Topic } from '../knowledge/types.js';
import { linksFor, type Answer } from './answer.js';
import { say, sayWith, type MessageKey } from './messages.js';

export interface SlackMessage {
  /** Plain-text fallback for notifications and screen readers. */
  text: string;
  blocks: KnownBlock[];
}

/** A Home tab whose blocks are all kinds this module builds, so callers and tests can inspect them. */
export interface HomeTab extends HomeView {
  blocks: KnownBlock[];
}

export interface AnswerMessageOptions {
  /** Offer a button that reposts the answer in the channel (only for answers only the asker sees). */
  shareable: boolean;
  /** User id of whoever shared the answer; shows who asked and what. */
  sharedBy?: string;
}

export interface TopicMessageOptions extends AnswerMessageOptions {
  /** The question that led to the topic, when known (for a shared answer); defaults to the topic title. */
  question?: string;
}

/** What the feedback and share buttons carry, so the listener needs no state to act on a click. */
export interface AnswerRef {
  topic: string;
  lang: Lang;
  question: string;
}

/**
 * Block Kit limits, from https://docs.slack.dev/reference/block-kit/blocks and the element pages.
 * Lengths are counted in UTF-16 code units, which is never fewer than the characters Slack counts.
 */
export const BLOCK_KIT_LIMITS = Object.freeze({
  messageBlocks: 50,
  homeBlocks: 100,
  sectionText: 3000,
  contextElements: 10,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  actionsElements: 25,
  /** Slack accepts a much longer top-level `text`; a notification preview shows far less anyway. */
  fallbackText: 3000,
});

/** Action ids the Slack listeners register for. */
export const ACTION_IDS = Object.freeze({
  showTopicPrefix: 'show_topic:',
  feedbackHelpful: 'feedback_helpful',
  feedbackNotHelpful: 'feedback_not_helpful',
  shareAnswer: 'share_answer',
});

/** A long answer is split over several sections; past this many it is cut, keeping messages readable. */
const MAX_EXPLANATION_SECTIONS = 10;
const MAX_LINKS = 3;
/** A link title longer than this is shortened, so one long title cannot push the others out. */
const MAX_LINK_TITLE = 200;
const MAX_TOPIC_LINE = 150;

const ELLIPSIS = '…';
const ZWSP = '\u200B';

// ---------------------------------------------------------------------------------------------------
// Messages

/** An answer, or the admission that there is none, as a Slack message. */
export function answerMessage(answer: Answer, kb: KnowledgeBase, opts: AnswerMessageOptions): SlackMessage {
  const topic = answer.topic === null ? undefined : kb.byId.get(answer.topic);
  if (!answer.answered || answer.topic === null) return noAnswerMessage(answer, kb);

  const { lang } = answer;
  const topicId = answer.topic;
  const title = answer.title ?? topic?.title[lang] ?? topicId;
  const blocks: KnownBlock[] = [header(title)];
  const fallback: string[] = [];

  if (opts.sharedBy !== undefined) {
    const line = sayWith('askedBy', lang, { user: userMention(opts.sharedBy) });
    blocks.push(context([mrkdwn(line, lang)]), section(quote(answer.question), lang));
    fallback.push(`${line}: ${escapeMrkdwn(answer.question)}`);
  }
  fallback.push(title);

  const explanation = splitText(escapeMrkdwn(answer.text), BLOCK_KIT_LIMITS.sectionText, lang);
  // Already in final form and within the limit, so not passed through `section` a second time.
  for (const part of explanation) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: part } });
  fallback.push(escapeMrkdwn(answer.text));

  const links = linkLine(answer.links, lang);
  if (links) blocks.push(context([{ type: 'mrkdwn', text: links }]));

  const used = new Set<string>([topicId]);
  const relatedButtons = topicButtons(answer.related, lang, kb, used, BLOCK_KIT_LIMITS.actionsElements);
  if (relatedButtons.length > 0) {
    blocks.push(context([mrkdwn(escapeMrkdwn(`${say('related', lang)}:`), lang)]), actions(relatedButtons));
  }

  // The runners-up of a low-confidence answer, minus any already offered as related topics.
  const suggestionButtons = topicButtons(
    answer.suggestions,
    lang,
    kb,
    used,
    BLOCK_KIT_LIMITS.actionsElements,
  );
  if (suggestionButtons.length > 0) {
    blocks.push(section(escapeMrkdwn(say('didYouMean', lang)), lang), actions(suggestionButtons));
  }

  const value = answerRefValue({ topic: topicId, lang, question: answer.question });
  // Only a topic id longer than the limit itself could overflow the value; such a topic gets no buttons.
  if (value.length <= BLOCK_KIT_LIMITS.buttonValue) {
    const feedback: Button[] = [
      button(say('helpful', lang), ACTION_IDS.feedbackHelpful, value),
      button(say('notHelpful', lang), ACTION_IDS.feedbackNotHelpful, value),
    ];
    if (opts.shareable) {
      feedback.push({
        ...button(say('shareInChannel', lang), ACTION_IDS.shareAnswer, value),
        style: 'primary',
      });
    }
    blocks.push(actions(feedback));
  }

  return { text: fallbackText(fallback, lang), blocks };
}

/** A topic picked with a button, laid out exactly like an answer to a question about it. */
export function topicMessage(
  topicId: string,
  lang: Lang,
  kb: KnowledgeBase,
  opts: TopicMessageOptions,
): SlackMessage {
  const topic = kb.byId.get(topicId);
  const question = opts.question ?? topic?.title[lang] ?? topicId;
  const answer: Answer = topic
    ? {
        question,
        answered: true,
        topic: topic.id,
        score: 1,
        lang,
        title: topic.title[lang],
        text: topic.answer[lang],
        links: linksFor(topic, lang).map(({ title, url }) => ({ title, url })),
        related: topic.related,
        suggestions: [],
      }
    : // A button from an older message can name a topic that has since been removed.
      {
        question,
        answered: false,
        topic: null,
        score: 0,
        lang,
        title: null,
        text: `${say('noAnswer', lang)} ${say('seeTopics', lang)}`,
        links: [],
        related: [],
        suggestions: [],
      };
  return answerMessage(answer, kb, opts);
}

/** `/docker help`. */
export function helpMessage(lang: Lang): SlackMessage {
  const blocks: KnownBlock[] = [header(say('helpTitle', lang)), ...usageBlocks(lang)];
  const text = [say('helpTitle', lang), say('helpIntro', lang), ...USAGE_KEYS.map((key) => say(key, lang))];
  return { text: fallbackText(text.map(escapeMrkdwn), lang), blocks };
}

/** `/docker topics`: every topic title, in as few sections as the limits allow. */
export function topicsMessage(lang: Lang, kb: KnowledgeBase): SlackMessage {
  const count = kb.topics.length;
  const blocks: KnownBlock[] = [
    header(say('topicsTitle', lang)),
    context([mrkdwn(escapeMrkdwn(say('topicsHint', lang)), lang)]),
  ];
  const lines = kb.topics.map((topic) => `• ${escapeMrkdwn(truncate(topic.title[lang], MAX_TOPIC_LINE))}`);
  const groups = groupLines(lines, BLOCK_KIT_LIMITS.sectionText);

  const room = BLOCK_KIT_LIMITS.messageBlocks - blocks.length;
  const shown = groups.length <= room ? groups : groups.slice(0, room - 1);
  for (const group of shown) blocks.push(section(group.join('\n'), lang));
  const hidden = count - shown.reduce((sum, group) => sum + group.length, 0);
  if (hidden > 0) blocks.push(context([mrkdwn(sayWith('moreTopics', lang, { count: hidden }), lang)]));

  const text = `${say('topicsTitle', lang)} (${sayWith('topicsCount', lang, { count })})`;
  return { text: fallbackText([escapeMrkdwn(text)], lang), blocks };
}

/** The App Home tab: how to ask, then every topic as a button. */
export function homeView(lang: Lang, kb: KnowledgeBase): HomeTab {
  const other: Lang = lang === 'en' ? 'ja' : 'en';
  const blocks: KnownBlock[] = [
    header(say('homeTitle', lang)),
    ...usageBlocks(lang),
    // The reader's language is a guess here, so say in the other one too that both work.
    context([mrkdwn(escapeMrkdwn(say('bothLanguages', other)), other)]),
    { type: 'divider' },
    header(say('browseTopics', lang)),
  ];

  const buttons = topicButtons(
    kb.topics.map((topic) => topic.id),
    lang,
    kb,
    new Set(),
  );
  const rows = chunk(buttons, BLOCK_KIT_LIMITS.actionsElements);
  const room = BLOCK_KIT_LIMITS.homeBlocks - blocks.length;
  const shown = rows.length <= room ? rows : rows.slice(0, room - 1);
  for (const row of shown) blocks.push(actions(row));
  const hidden = buttons.length - shown.length * BLOCK_KIT_LIMITS.actionsElements;
  if (rows.length > shown.length && hidden > 0) {
    blocks.push(context([mrkdwn(sayWith('moreTopics', lang, { count: hidden }), lang)]));
  }
  return { type: 'home', blocks };
}

// ---------------------------------------------------------------------------------------------------
// Button values

/** The JSON a feedback or share button carries, with the question cut so the value fits Slack's limit. */
export function answerRefValue(ref: AnswerRef): string {
  const encode = (question: string) => JSON.stringify({ t: ref.topic, l: ref.lang, q: question });
  const full = encode(ref.question);
  if (full.length <= BLOCK_KIT_LIMITS.buttonValue) return full;

  // JSON escaping makes the encoded length grow unevenly with the question, so search for the longest fit.
  const chars = Array.from(ref.question);
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (encode(chars.slice(0, mid).join('') + ELLIPSIS).length <= BLOCK_KIT_LIMITS.buttonValue) low = mid;
    else high = mid - 1;
  }
  return encode(chars.slice(0, low).join('') + ELLIPSIS);
}

/** Reads back what `answerRefValue` wrote; null for anything else, since a click payload is user input. */
export function parseAnswerRef(value: string): AnswerRef | null {
  let data: unknown;
  try {
    data = JSON.parse(value);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const { t, l, q } = data as Record<string, unknown>;
  if (typeof t !== 'string' || typeof q !== 'string' || (l !== 'en' && l !== 'ja')) return null;
  return { topic: t, lang: l, question: q };
}

/** Reads a `show_topic:` button's value, `<id>|<lang>`. */
export function parseTopicValue(value: string): { topic: string; lang: Lang } | null {
  const match = /^([^|]+)\|(en|ja)$/.exec(value);
  return match?.[1] && (match[2] === 'en' || match[2] === 'ja') ? { topic: match[1], lang: match[2] } : null;
}

// ---------------------------------------------------------------------------------------------------
// Text

/**
 * Escapes the three characters Slack reads as markup
 * (https://docs.slack.dev/messaging/formatting-message-text#escaping), so text shown back to users
 * cannot ping `<!channel>`, `<!here>`, `<@U…>` or `<!subteam^…>`, nor relabel a link.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
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
function forLang(text: string, lang: Lang): string {
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
function splitText(escaped: string, max: number, lang: Lang): string[] {
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

function fallbackText(parts: string[], lang: Lang): string {
  return truncate(forLang(parts.join('\n\n'), lang), BLOCK_KIT_LIMITS.fallbackText);
}

/** The user's text as a block quote, escaped and cut to fit one section. */
function quote(text: string): string {
  const quoted = escapeMrkdwn(text)
    .split(/\r?\n/)
    .map((line) => `>${line}`)
    .join('\n');
  return truncate(quoted, BLOCK_KIT_LIMITS.sectionText - 200);
}

/** A mention when the id looks like one, the escaped text otherwise. */
function userMention(userId: string): string {
  return /^[UW][A-Z0-9]{2,}$/.test(userId) ? `<@${userId}>` : escapeMrkdwn(userId);
}

/**
 * `Docs: <url|title> · …`, with as many of the first links as fit one text object. Only the label and
 * titles get the Japanese boundaries: a zero-width space inside an address would break it.
 */
function linkLine(links: Answer['links'], lang: Lang): string | null {
  const label = forLang(escapeMrkdwn(`${say('links', lang)}:`), lang);
  let text = label;
  for (const link of links.slice(0, MAX_LINKS)) {
    // `|` ends the address and `<>` the link, so they cannot appear raw in it.
    const url = link.url.replace(/[|<> ]/g, (char) => encodeURIComponent(char));
    const title = forLang(escapeMrkdwn(truncate(link.title, MAX_LINK_TITLE)), lang).replace(/\|/g, '｜');
    const next = `${text}${text === label ? ' ' : ' · '}<${url}|${title}>`;
    if (next.length <= BLOCK_KIT_LIMITS.sectionText) text = next;
  }
  return text === label ? null : text;
}

// ---------------------------------------------------------------------------------------------------
// Blocks

const USAGE_KEYS: readonly MessageKey[] = [
  'helpAsk',
  'helpHelp',
  'helpTopics',
  'helpTip',
  'helpMention',
  'helpDm',
  'helpShortcut',
];

function usageBlocks(lang: Lang): KnownBlock[] {
  const lines = USAGE_KEYS.map((key) => `• ${escapeMrkdwn(say(key, lang))}`);
  return [section(escapeMrkdwn(say('helpIntro', lang)), lang), section(lines.join('\n'), lang)];
}

function header(text: string): HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, BLOCK_KIT_LIMITS.headerText) } };
}

function section(text: string, lang: Lang): SectionBlock {
  return { type: 'section', text: mrkdwn(text, lang) };
}

function mrkdwn(text: string, lang: Lang): { type: 'mrkdwn'; text: string } {
  return { type: 'mrkdwn', text: truncate(forLang(text, lang), BLOCK_KIT_LIMITS.sectionText) };
}

function context(elements: ContextBlock['elements']): ContextBlock {
  return { type: 'context', elements: elements.slice(0, BLOCK_KIT_LIMITS.contextElements) };
}

function actions(elements: Button[]): ActionsBlock {
  return { type: 'actions', elements: elements.slice(0, BLOCK_KIT_LIMITS.actionsElements) };
}

function button(text: string, actionId: string, value: string): Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: truncate(text, BLOCK_KIT_LIMITS.buttonText) },
    action_id: actionId,
    value,
  };
}

/**
 * `show_topic:` buttons for up to `limit` known topics among `ids`, skipping any already in `used`
 * (action ids must be unique within a message) and adding the ones it returns to it.
 */
function topicButtons(
  ids: readonly string[],
  lang: Lang,
  kb: KnowledgeBase,
  used: Set<string>,
  limit = Infinity,
): Button[] {
  const buttons: Button[] = [];
  for (const id of ids) {
    if (buttons.length >= limit) break;
    const topic: Topic | undefined = kb.byId.get(id);
    const actionId = ACTION_IDS.showTopicPrefix + id;
    if (!topic || used.has(id) || actionId.length > BLOCK_KIT_LIMITS.actionId) continue;
    used.add(id);
    buttons.push(button(topic.title[lang], actionId, `${id}|${lang}`));
  }
  return buttons;
}

function groupLines(lines: string[], max: number): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const line of lines) {
    if (current.length > 0 && length + 1 + line.length > max) {
      groups.push(current);
      current = [];
      length = 0;
    }
    current.push(line);
    length += (current.length > 1 ? 1 : 0) + line.length;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

function noAnswerMessage(answer: Answer, kb: KnowledgeBase): SlackMessage {
  const { lang } = answer;
  const sorry = escapeMrkdwn(`${say('noAnswer', lang)} ${say('seeTopics', lang)}`);
  const blocks: KnownBlock[] = [section(sorry, lang)];
  if (answer.question.trim().length > 0) {
    blocks.push(
      context([mrkdwn(escapeMrkdwn(say('youAsked', lang)), lang)]),
      section(quote(answer.question), lang),
    );
  }
  const suggestions = topicButtons(answer.suggestions, lang, kb, new Set(), BLOCK_KIT_LIMITS.actionsElements);
  const fallback = [sorry];
  if (suggestions.length > 0) {
    blocks.push(section(escapeMrkdwn(say('didYouMean', lang)), lang), actions(suggestions));
    const titles = suggestions.map((b) => escapeMrkdwn(b.text.text));
    fallback.push(`${escapeMrkdwn(say('didYouMean', lang))} ${titles.join(' / ')}`);
  }
  return { text: fallbackText(fallback, lang), blocks };
}

/**
 * The tip of the day: the topic's one-line tip (in one language or both), a link to its documentation
 * and a button that shows the full answer.
 */
export function tipMessage(topic: Topic, lang: Lang | 'both'): SlackMessage {
  const langs: Lang[] = lang === 'both' ? ['en', 'ja'] : [lang];
  const first = langs[0] as Lang;
  const blocks: KnownBlock[] = langs.map((l) =>
    section(`*${escapeMrkdwn(say('tipTitle', l))}* 💡  ${escapeMrkdwn(topic.tip[l])}`, l),
  );
  const link = linksFor(topic, first)[0];
  const links = link ? linkLine([{ title: link.title, url: link.url }], first) : null;
  if (links) blocks.push(context([mrkdwn(links, first)]));
  blocks.push(
    actions([button(topic.title[first], `${ACTION_IDS.showTopicPrefix}${topic.id}`, `${topic.id}|${first}`)]),
  );
  const text = langs.map((l) => `${say('tipTitle', l)}: ${topic.tip[l]}`).join('\n');
  return { text: truncate(text, BLOCK_KIT_LIMITS.fallbackText), blocks };
}
