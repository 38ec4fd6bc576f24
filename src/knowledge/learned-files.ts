/**
 * Writing what maintainers taught back into knowledge/ for review: learned phrasings appended to their
 * topics' `aliases:` (the rest of each file byte for byte as it was), and draft topics as new files
 * that load and pass kb:check, so the reviewer's diff is exactly what was taught.
 */
import { stringify } from 'yaml';
import type { KnowledgeBase } from './load.js';
import { parseTopicFile } from './parse.js';
import type { Lang, Topic } from './types.js';
import type { NewDraftTopic } from '../store/store.js';

/** Thrown when a file's `aliases:` block is not in the form this tool can extend without rewriting it. */
export class AliasEditError extends Error {}

/**
 * `text` (a topic file) with `additions` appended to the end of `aliases.en` / `aliases.ja`, each as a
 * double-quoted YAML string (JSON's escaping is valid YAML), written in the file's own line endings.
 * Every other byte is kept. The result is parsed again, and must list the new aliases.
 */
export function appendAliases(text: string, additions: Record<Lang, string[]>, file: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(eol);
  const close = lines.indexOf('---', 1);
  const start = lines.findIndex((line, i) => i < close && /^aliases:\s*$/.test(line));
  if (start < 0) throw new AliasEditError(`${file}: no "aliases:" block in the front matter`);
  let end = start + 1;
  while (end < close && /^(\s|$)/.test(lines[end] ?? '')) end++;

  for (const lang of ['en', 'ja'] as const) {
    if (additions[lang].length === 0) continue;
    const items = additions[lang].map((alias) => `    - ${JSON.stringify(alias)}`);
    const head = lines.findIndex((line, i) => i > start && i < end && new RegExp(`^  ${lang}:`).test(line));
    if (head < 0) throw new AliasEditError(`${file}: no "aliases.${lang}" list`);
    const line = lines[head] as string;
    if (/^ {2}\w+:\s*\[\s*\]\s*$/.test(line)) {
      lines.splice(head, 1, `  ${lang}:`, ...items);
      end += items.length;
      continue;
    }
    if (!/^ {2}\w+:\s*$/.test(line)) throw new AliasEditError(`${file}: "aliases.${lang}" is not a block list`);
    let last = head + 1;
    while (last < end && /^ {4}/.test(lines[last] ?? '')) last++;
    lines.splice(last, 0, ...items);
    end += items.length;
  }
  const result = lines.join(eol);
  const parsed = parseTopicFile(result, file);
  const missing =
    parsed.ok &&
    (['en', 'ja'] as const).some((lang) => additions[lang].some((alias) => !parsed.topic.aliases[lang].includes(alias)));
  if (!parsed.ok || missing) throw new AliasEditError(`${file}: the aliases could not be added without rewriting the file`);
  return result;
}

/** A draft topic as the knowledge file it proposes. */
/** What a draft topic holds, as the store keeps it (src/store/store.ts). */
export type DraftContent = NewDraftTopic;

/**
 * The file `knowledge/<topicId>.md` for a draft. What a draft does not give is derived so that the file
 * passes kb:check and reads as a first version to review: the question it came from as an alias, the
 * titles as the tip, and one quiz item (pick this topic's first sentence among those of related
 * topics). Who taught it, from what question and reply, is in a YAML comment at the top.
 */
export function draftTopicFile(draft: DraftContent, kb: KnowledgeBase): string {
  const questionLang: Lang = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u.test(draft.sourceQuestion)
    ? 'ja'
    : 'en';
  const aliases: Record<Lang, string[]> = { en: [], ja: [] };
  const takenAliases = new Set(
    kb.topics.flatMap((topic) => [...topic.aliases.en, ...topic.aliases.ja]).map((alias) => aliasKey(alias)),
  );
  if (draft.sourceQuestion !== '' && !takenAliases.has(aliasKey(draft.sourceQuestion))) {
    aliases[questionLang].push(draft.sourceQuestion);
  }
  const others = [
    ...draft.related.map((id) => kb.byId.get(id)),
    ...kb.topics.filter((topic) => !draft.related.includes(topic.id)),
  ].filter((topic): topic is Topic => topic !== undefined);
  const choices = (lang: Lang) => {
    const own = firstSentence(draft.answer[lang]);
    const picked = [own];
    for (const topic of others) {
      const sentence = firstSentence(topic.answer[lang]);
      if (!picked.some((choice) => choice.toLowerCase() === sentence.toLowerCase())) picked.push(sentence);
      if (picked.length === 3) break;
    }
    return picked;
  };
  const front = {
    id: draft.topicId,
    title: draft.title,
    aliases,
    related: draft.related,
    links: draft.links.map((url) => ({
      title: linkTitle(url),
      url,
      lang: new URL(url).hostname.endsWith('.jp') ? 'ja' : 'en',
    })),
    tip: { en: oneLine(draft.title.en), ja: oneLine(draft.title.ja) },
    quiz: [
      {
        question: {
          en: `Which sentence answers "${oneLine(draft.title.en)}"?`,
          ja: `「${oneLine(draft.title.ja)}」の答えはどれですか？`,
        },
        choices: { en: choices('en'), ja: choices('ja') },
        answer: 0,
        explain: draft.answer,
      },
    ],
    reviewed: draft.createdAt.toISOString().slice(0, 10),
  };
  const comment = [
    `Draft taught by ${draft.taughtBy} on ${draft.createdAt.toISOString()}; review every line before committing.`,
    `Question: ${draft.sourceQuestion || '(none)'}`,
    ...(draft.expertReply === '' ? [] : ['Expert reply:', ...draft.expertReply.split(/\r?\n/).map((line) => `  ${line}`)]),
  ]
    .map((line) => `# ${line}`.trimEnd())
    .join('\n');
  return [
    '---',
    comment,
    stringify(front, { lineWidth: 0 }).trimEnd(),
    '---',
    '',
    '## English',
    '',
    draft.answer.en,
    '',
    '## 日本語',
    '',
    draft.answer.ja,
    '',
  ].join('\n');
}

function aliasKey(alias: string): string {
  return alias.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The first sentence of an answer (to a full stop, question or exclamation mark), on one line. */
function firstSentence(text: string): string {
  const flat = oneLine(text);
  const match = /^.*?[.!?。！？](?=\s|$)/u.exec(flat);
  return (match?.[0] ?? flat).slice(0, 200);
}

/** A link's title from its address: the host and path, which is what a reviewer checks anyway. */
function linkTitle(url: string): string {
  const { hostname, pathname } = new URL(url);
  return `${hostname}${pathname === '/' ? '' : pathname.replace(/\/$/, '')}`;
}
