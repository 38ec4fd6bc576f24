import type { KnowledgeBase } from '../knowledge/load.js';
import type { DocLink, Lang, Topic } from '../knowledge/types.js';
import type { SearchResult } from '../search/engine.js';
import { phrase } from './messages.js';

/** What every surface (CLI, Slack) shows for one question, before it is laid out. */
export interface Answer {
  question: string;
  answered: boolean;
  topic: string | null;
  score: number;
  lang: Lang;
  title: string | null;
  text: string;
  links: { title: string; url: string }[];
  related: string[];
  suggestions: string[];
}

/**
 * Links in the reader's language first. English readers get English pages only; Japanese readers get
 * the Japanese page where there is one, then the official English pages (Docker has no official
 * Japanese documentation).
 */
export function linksFor(topic: Topic, lang: Lang): DocLink[] {
  if (lang === 'en') {
    const english = topic.links.filter((link) => link.lang === 'en');
    return english.length > 0 ? english : topic.links;
  }
  return [
    ...topic.links.filter((link) => link.lang === 'ja'),
    ...topic.links.filter((link) => link.lang !== 'ja'),
  ];
}

export function toAnswer(result: SearchResult): Answer {
  const { question, lang, topic } = result;
  return {
    question,
    answered: result.answered,
    topic: topic?.id ?? null,
    score: result.score,
    lang,
    title: topic ? topic.title[lang] : null,
    text: topic ? topic.answer[lang] : `${phrase('noAnswer', lang)} ${phrase('seeTopics', lang)}`,
    links: topic ? linksFor(topic, lang).map(({ title, url }) => ({ title, url })) : [],
    related: topic?.related ?? [],
    suggestions: result.suggestions.map((suggestion) => suggestion.id),
  };
}

/** The answer as a person reads it in a terminal. */
export function renderPlainText(answer: Answer, kb: KnowledgeBase): string {
  const { lang } = answer;
  const titleOf = (id: string) => kb.byId.get(id)?.title[lang] ?? id;
  const lines: string[] = [];
  if (answer.title) lines.push(answer.title, '='.repeat(Math.min(60, displayWidth(answer.title))), '');
  lines.push(answer.text);
  if (answer.links.length > 0) {
    lines.push('', `${phrase('links', lang)}:`);
    for (const link of answer.links) lines.push(`  - ${link.title}: ${link.url}`);
  }
  if (answer.related.length > 0) {
    lines.push('', `${phrase('related', lang)}: ${answer.related.map(titleOf).join(' / ')}`);
  }
  if (answer.suggestions.length > 0) {
    lines.push('', phrase('didYouMean', lang));
    for (const id of answer.suggestions) lines.push(`  - ${titleOf(id)} (${id})`);
  }
  return lines.join('\n');
}

function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\uffe6]/u.test(char) ? 2 : 1;
  return width;
}
