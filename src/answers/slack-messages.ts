// The messages the bot sends, built from answers and topics within Block Kit's limits.
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
import { BLOCK_KIT_LIMITS } from './block-kit-limits.js';
import { ACTION_IDS, type AnswerButtons } from './button-values.js';
import { serialiseOnce } from './message-json.js';
import { phrase, phraseWith, type MessageKey } from './messages.js';
import {
  asTyped,
  escapeMrkdwn,
  fallbackText,
  forLang,
  quote,
  splitText,
  truncate,
  userMention,
} from './mrkdwn.js';

export interface SlackMessage {
  /**
   * Fallback for notifications and screen readers. Slack reads it as mrkdwn, mentions and links included,
   * so everything in it that a person wrote (an asker or a knowledge author) is escaped like the blocks.
   */
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
  /** Signs the values of the feedback and share buttons. */
  buttons: AnswerButtons;
  /** The one person this answer is shown to (whose Share button it is), or null when everyone sees it. */
  forUser: string | null;
  /** What a "not sure" reply ends with to offer asking the team (team-messages.ts `askTeamBlocks`). */
  askTeam?: KnownBlock[];
}

export interface TopicMessageOptions extends AnswerMessageOptions {
  /** The question that led to the topic, when known (for a shared answer); defaults to the topic title. */
  question?: string;
}

const MAX_LINKS = 3;
/** A link title longer than this is shortened, so one long title cannot push the others out. */
const MAX_LINK_TITLE = 200;
const MAX_TOPIC_LINE = 150;

/** An answer, or the admission that there is none, as a Slack message. */
export function answerMessage(answer: Answer, kb: KnowledgeBase, opts: AnswerMessageOptions): SlackMessage {
  if (!answer.answered || answer.topic === null) return noAnswerMessage(answer, kb, opts);

  const { lang } = answer;
  const topicId = answer.topic;
  const body = answerBody(answer, topicId, kb);
  const blocks: KnownBlock[] = [body.header];
  const fallback: string[] = [];

  if (opts.sharedBy !== undefined) {
    const line = phraseWith('askedBy', lang, { user: userMention(opts.sharedBy) });
    blocks.push(context([mrkdwn(line, lang)]), section(quote(answer.question), lang));
    fallback.push(`${line}: ${escapeMrkdwn(asTyped(answer.question))}`);
  }
  fallback.push(body.fallback);
  for (const block of body.blocks) blocks.push(block);

  // The runners-up of a low-confidence answer, minus any already offered as related topics.
  if (answer.suggestions.length > 0) {
    const suggestionButtons = topicButtons(
      answer.suggestions,
      lang,
      kb,
      new Set(body.used),
      BLOCK_KIT_LIMITS.actionsElements,
    );
    if (suggestionButtons.length > 0) {
      blocks.push(section(escapeMrkdwn(phrase('didYouMean', lang)), lang), actions(suggestionButtons));
    }
  }

  const value = opts.buttons.value({
    topic: topicId,
    lang,
    question: answer.question,
    forUser: opts.forUser,
  });
  // Only a topic id longer than the limit itself could overflow the value; such a topic gets no buttons.
  if (value.length <= BLOCK_KIT_LIMITS.buttonValue) {
    const feedback: Button[] = [
      button(phrase('helpful', lang), ACTION_IDS.feedbackHelpful, value),
      button(phrase('notHelpful', lang), ACTION_IDS.feedbackNotHelpful, value),
    ];
    if (opts.shareable) {
      feedback.push({
        ...button(phrase('shareInChannel', lang), ACTION_IDS.shareAnswer, value),
        style: 'primary',
      });
    }
    blocks.push(actions(feedback));
  }

  return { text: fallbackText(fallback, lang), blocks };
}

/**
 * The part of an answer that depends only on the topic and language: the header, the explanation, the
 * links and the related topics, and the fallback text. Laid out once per knowledge snapshot (a reload
 * brings a new KnowledgeBase object, so its answers are laid out afresh) and shared, frozen, by every
 * message that shows it, its blocks' JSON with it (message-json.ts); only the quoted question, the
 * suggestions and the signed buttons are per request.
 */
interface AnswerBody {
  title: string;
  text: string;
  links: Answer['links'];
  related: readonly string[];
  header: HeaderBlock;
  blocks: readonly KnownBlock[];
  /** Topics already shown as buttons, which the suggestions must not repeat. */
  used: ReadonlySet<string>;
  fallback: string;
}

const answerBodies = new WeakMap<KnowledgeBase, Map<string, AnswerBody>>();

function answerBody(answer: Answer, topicId: string, kb: KnowledgeBase): AnswerBody {
  const { lang } = answer;
  const title = answer.title ?? kb.byId.get(topicId)?.title[lang] ?? topicId;
  let bodies = answerBodies.get(kb);
  if (!bodies) {
    bodies = new Map();
    answerBodies.set(kb, bodies);
  }
  const key = `${lang}:${topicId}`;
  const cached = bodies.get(key);
  if (cached && sameBody(cached, title, answer)) return cached;
  const body = layOutBody(answer, topicId, title, kb);
  // An answer that differs from the topic's usual one (never, from the search) is laid out but not kept.
  if (!cached) {
    bodies.set(key, deepFreeze(body));
    for (const block of [body.header, ...body.blocks]) serialiseOnce(block);
  }
  return body;
}

function sameBody(body: AnswerBody, title: string, answer: Answer): boolean {
  return (
    body.title === title &&
    body.text === answer.text &&
    body.links.length === answer.links.length &&
    body.links.every(
      (link, i) => link.title === answer.links[i]?.title && link.url === answer.links[i]?.url,
    ) &&
    body.related.length === answer.related.length &&
    body.related.every((id, i) => id === answer.related[i])
  );
}

function layOutBody(answer: Answer, topicId: string, title: string, kb: KnowledgeBase): AnswerBody {
  const { lang } = answer;
  const blocks: KnownBlock[] = [];
  const explanation = splitText(escapeMrkdwn(answer.text), BLOCK_KIT_LIMITS.sectionText, lang);
  // Already in final form and within the limit, so not passed through `section` a second time.
  for (const part of explanation) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: part } });

  const links = linkLine(answer.links, lang);
  if (links) blocks.push(context([{ type: 'mrkdwn', text: links }]));

  const used = new Set<string>([topicId]);
  const relatedButtons = topicButtons(answer.related, lang, kb, used, BLOCK_KIT_LIMITS.actionsElements);
  if (relatedButtons.length > 0) {
    blocks.push(
      context([mrkdwn(escapeMrkdwn(`${phrase('related', lang)}:`), lang)]),
      actions(relatedButtons),
    );
  }
  return {
    title,
    text: answer.text,
    links: answer.links.map(({ title, url }) => ({ title, url })),
    related: [...answer.related],
    header: header(title),
    blocks,
    used,
    // The header is plain_text, shown as written; the top-level text is read as mrkdwn, so it is escaped.
    // Slack shows it only in notifications and to screen readers, so the title and first sentence say
    // enough; the whole answer is in the blocks.
    fallback: `${escapeMrkdwn(title)}\n\n${escapeMrkdwn(truncate(firstSentence(answer.text), MAX_FALLBACK_SENTENCE))}`,
  };
}

const MAX_FALLBACK_SENTENCE = 300;

/** The text up to the end of its first sentence or line (the whole text when that is empty). */
export function firstSentence(text: string): string {
  const trimmed = text.trim();
  const end = /[.!?](?=\s|$)|[。！？]|\n/.exec(trimmed);
  const first = end ? trimmed.slice(0, end.index + (end[0] === '\n' ? 0 : end[0].length)).trim() : trimmed;
  return first.length > 0 ? first : trimmed;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    if (value instanceof Set) return value;
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
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
        text: `${phrase('noAnswer', lang)} ${phrase('seeTopics', lang)}`,
        links: [],
        related: [],
        suggestions: [],
      };
  return answerMessage(answer, kb, opts);
}

/** `/docker help`. */
export function helpMessage(lang: Lang): SlackMessage {
  const blocks: KnownBlock[] = [header(phrase('helpTitle', lang)), ...usageBlocks(lang)];
  const text = [
    phrase('helpTitle', lang),
    phrase('helpIntro', lang),
    ...USAGE_KEYS.map((key) => phrase(key, lang)),
  ];
  return { text: fallbackText(text.map(escapeMrkdwn), lang), blocks };
}

/** `/docker topics`: every topic title, in as few sections as the limits allow. */
export function topicsMessage(lang: Lang, kb: KnowledgeBase): SlackMessage {
  const count = kb.topics.length;
  const blocks: KnownBlock[] = [
    header(phrase('topicsTitle', lang)),
    context([mrkdwn(escapeMrkdwn(phrase('topicsHint', lang)), lang)]),
  ];
  const lines = kb.topics.map((topic) => `• ${escapeMrkdwn(truncate(topic.title[lang], MAX_TOPIC_LINE))}`);
  const groups = groupLines(lines, BLOCK_KIT_LIMITS.sectionText);

  const room = BLOCK_KIT_LIMITS.messageBlocks - blocks.length;
  const shown = groups.length <= room ? groups : groups.slice(0, room - 1);
  for (const group of shown) blocks.push(section(group.join('\n'), lang));
  const hidden = count - shown.reduce((sum, group) => sum + group.length, 0);
  if (hidden > 0) blocks.push(context([mrkdwn(phraseWith('moreTopics', lang, { count: hidden }), lang)]));

  const text = `${phrase('topicsTitle', lang)} (${phraseWith('topicsCount', lang, { count })})`;
  return { text: fallbackText([escapeMrkdwn(text)], lang), blocks };
}

/**
 * The App Home tab: how to ask (and "Ask the team", `askTeam`), the reader's study progress (`study`, built by quiz-messages'
 * `studyBlocks`; none when it could not be read), then every topic as a button.
 */
export function homeView(
  lang: Lang,
  kb: KnowledgeBase,
  study: KnownBlock[] = [],
  askTeam: KnownBlock[] = [],
): HomeTab {
  const other: Lang = lang === 'en' ? 'ja' : 'en';
  const blocks: KnownBlock[] = [
    header(phrase('homeTitle', lang)),
    ...usageBlocks(lang),
    // The reader's language is a guess here, so say in the other one too that both work.
    context([mrkdwn(escapeMrkdwn(phrase('bothLanguages', other)), other)]),
    ...askTeam,
  ];
  if (study.length > 0) blocks.push({ type: 'divider' }, header(phrase('homeStudy', lang)), ...study);
  blocks.push({ type: 'divider' }, header(phrase('browseTopics', lang)));

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
    blocks.push(context([mrkdwn(phraseWith('moreTopics', lang, { count: hidden }), lang)]));
  }
  return { type: 'home', blocks };
}

/**
 * `Docs: <url|title> · …`, with as many of the first links as fit one text object. Only the label and
 * titles get the Japanese boundaries: a zero-width space inside an address would break it.
 */
export function linkLine(links: Answer['links'], lang: Lang): string | null {
  const label = forLang(escapeMrkdwn(`${phrase('links', lang)}:`), lang);
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

const USAGE_KEYS: readonly MessageKey[] = [
  'helpAsk',
  'helpHelp',
  'helpTopics',
  'helpTip',
  'helpLearn',
  'helpQuiz',
  'helpQuizWeekly',
  'helpMention',
  'helpDm',
  'helpShortcut',
];

function usageBlocks(lang: Lang): KnownBlock[] {
  const lines = USAGE_KEYS.map((key) => `• ${escapeMrkdwn(phrase(key, lang))}`);
  return [section(escapeMrkdwn(phrase('helpIntro', lang)), lang), section(lines.join('\n'), lang)];
}

export function header(text: string): HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, BLOCK_KIT_LIMITS.headerText) } };
}

export function section(text: string, lang: Lang): SectionBlock {
  return { type: 'section', text: mrkdwn(text, lang) };
}

export function mrkdwn(text: string, lang: Lang): { type: 'mrkdwn'; text: string } {
  return { type: 'mrkdwn', text: truncate(forLang(text, lang), BLOCK_KIT_LIMITS.sectionText) };
}

export function context(elements: ContextBlock['elements']): ContextBlock {
  return { type: 'context', elements: elements.slice(0, BLOCK_KIT_LIMITS.contextElements) };
}

export function actions(elements: Button[]): ActionsBlock {
  return { type: 'actions', elements: elements.slice(0, BLOCK_KIT_LIMITS.actionsElements) };
}

export function button(text: string, actionId: string, value: string): Button {
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

/**
 * A "not sure" reply. Its suggestion buttons carry the question, signed (button-values.ts), so a click
 * tells which topic the asker meant: the implicit signal the maintainers' report offers to teach.
 */
function noAnswerMessage(answer: Answer, kb: KnowledgeBase, opts: AnswerMessageOptions): SlackMessage {
  const { lang } = answer;
  const sorry = escapeMrkdwn(`${phrase('noAnswer', lang)} ${phrase('seeTopics', lang)}`);
  const blocks: KnownBlock[] = [section(sorry, lang)];
  if (answer.question.trim().length > 0) {
    blocks.push(
      context([mrkdwn(escapeMrkdwn(phrase('youAsked', lang)), lang)]),
      section(quote(answer.question), lang),
    );
  }
  const suggestions = topicButtons(
    answer.suggestions,
    lang,
    kb,
    new Set(),
    BLOCK_KIT_LIMITS.actionsElements,
  ).map((suggestion) => ({
    ...suggestion,
    value: opts.buttons.value({
      topic: suggestion.value?.split('|')[0] ?? '',
      lang,
      question: answer.question,
      forUser: opts.forUser,
    }),
  }));
  const fallback = [sorry];
  if (suggestions.length > 0) {
    blocks.push(section(escapeMrkdwn(phrase('didYouMean', lang)), lang), actions(suggestions));
    const titles = suggestions.map((b) => escapeMrkdwn(b.text.text));
    fallback.push(`${escapeMrkdwn(phrase('didYouMean', lang))} ${titles.join(' / ')}`);
  }
  blocks.push(...(opts.askTeam ?? []));
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
    section(`*${escapeMrkdwn(phrase('tipTitle', l))}* 💡  ${escapeMrkdwn(topic.tip[l])}`, l),
  );
  const link = linksFor(topic, first)[0];
  const links = link ? linkLine([{ title: link.title, url: link.url }], first) : null;
  if (links) blocks.push(context([mrkdwn(links, first)]));
  blocks.push(
    actions([button(topic.title[first], `${ACTION_IDS.showTopicPrefix}${topic.id}`, `${topic.id}|${first}`)]),
  );
  const text = langs.map((l) => escapeMrkdwn(`${phrase('tipTitle', l)}: ${topic.tip[l]}`)).join('\n');
  return { text: truncate(text, BLOCK_KIT_LIMITS.fallbackText), blocks };
}

const SECTION_LIMIT = 2900;

/**
 * A plain-text reply (a tip command's answer, a report) in as many sections as it needs; the user's own words
 * may be in it, so it is escaped before it becomes mrkdwn.
 */
export function textMessage(value: string, lang: Lang): SlackMessage {
  const text = forLang(escapeMrkdwn(value), lang);
  return { text: truncate(text, BLOCK_KIT_LIMITS.fallbackText), blocks: splitSections(text) };
}

function splitSections(text: string): KnownBlock[] {
  const sections: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const piece = line.length > SECTION_LIMIT ? `${line.slice(0, SECTION_LIMIT - 1)}…` : line;
    if (current.length + piece.length + 1 > SECTION_LIMIT) {
      sections.push(current);
      current = '';
    }
    current = current === '' ? piece : `${current}\n${piece}`;
  }
  if (current !== '') sections.push(current);
  return sections
    .slice(0, BLOCK_KIT_LIMITS.messageBlocks)
    .map((section) => ({ type: 'section', text: { type: 'mrkdwn', text: section } }));
}
