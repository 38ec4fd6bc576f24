import type { Topic } from '../src/knowledge/types.js';

interface TopicFileOptions {
  id: string;
  related?: string[];
  url?: string;
  aliases?: { en?: string[]; ja?: string[] };
  /** the `errors:` field, left out when not given */
  errors?: string[];
  /** the `examples:` field, left out when not given */
  examples?: { en?: string[]; ja?: string[] };
}

/** A knowledge file as an author writes it, with only what a test cares about filled in. */
export function topicFile({ id, related = [], url, aliases = {}, errors, examples }: TopicFileOptions): {
  path: string;
  text: string;
} {
  const list = (items: string[]) =>
    items.length === 0 ? ' []' : items.map((item) => `\n    - ${item}`).join('');
  const text = `---
id: ${id}
title:
  en: ${id[0]?.toUpperCase()}${id.slice(1)} title
  ja: ${id === 'image' ? 'イメージ' : id}のタイトル
aliases:
  en:${list(aliases.en ?? [id])}
  ja:${list(aliases.ja ?? [])}
${examples === undefined ? '' : exampleBlock(examples)}${errors === undefined ? '' : `errors:${errors.map((error) => `\n  - ${JSON.stringify(error)}`).join('')}\n`}related: [${related.join(', ')}]
links:
  - title: ${id} docs
    url: ${url ?? `https://docs.docker.com/${id}/`}
    lang: en
tip:
  en: A tip about ${id}.
  ja: ${id}のヒントです。
reviewed: 2026-01-15
---

## English

An English answer about ${id}.

## 日本語

${id}についての日本語の回答です。
`;
  return { path: `knowledge/${id}.md`, text };
}

function exampleBlock(examples: { en?: string[]; ja?: string[] }): string {
  const list = (items: string[] = []) =>
    items.length === 0 ? ' []' : items.map((item) => `\n    - ${JSON.stringify(item)}`).join('');
  return `examples:\n  en:${list(examples.en)}\n  ja:${list(examples.ja)}\n`;
}

/** A topic object for engine and rendering tests. */
export function topic(overrides: Partial<Topic> & { id: string }): Topic {
  const { id } = overrides;
  return {
    title: { en: `About ${id}`, ja: `${id}について` },
    aliases: { en: [id.replace(/-/g, ' ')], ja: [] },
    examples: { en: [], ja: [] },
    answer: { en: `The answer about ${id}.`, ja: `${id}の答えです。` },
    links: [{ title: `${id} docs`, url: `https://docs.docker.com/${id}/`, lang: 'en' }],
    related: [],
    tip: { en: `Tip about ${id}.`, ja: `${id}のヒント。` },
    errors: [],
    quiz: [],
    reviewed: '2026-01-15',
    file: `knowledge/${id}.md`,
    ...overrides,
  };
}
