import type { Topic } from '../knowledge/types.js';
import { detectLang, normalizeText } from './normalize.js';

/** A phrasing a maintainer taught as meaning a topic (the store's LearnedPhrasing, as search needs it). */
export interface LearnedAlias {
  phrasing: string;
  topic: string;
}

/**
 * The form phrasings are compared in, for duplicates, collisions with aliases and the exact match that
 * answers a taught question: width and case folded, Slack markup gone, and every run of spaces and
 * punctuation one space, as the report groups questions ("Where do files go?" = "where do files go").
 */
export function normalizePhrasing(text: string): string {
  return normalizeText(text)
    .replace(/[^\p{L}\p{N}\p{M}ー]+/gu, ' ')
    .trim();
}

/**
 * The topics with each learned phrasing added to its topic's aliases (in the phrasing's language), so
 * that a question worded close to a taught one reaches the topic as a name does. Topics without a
 * learned phrasing are the same objects; phrasings of unknown topics are ignored (a topic removed from
 * knowledge/ since it was taught).
 */
export function withLearnedAliases(topics: readonly Topic[], learned: readonly LearnedAlias[]): Topic[] {
  if (learned.length === 0) return [...topics];
  const byTopic = new Map<string, LearnedAlias[]>();
  for (const entry of learned) {
    const list = byTopic.get(entry.topic);
    if (list) list.push(entry);
    else byTopic.set(entry.topic, [entry]);
  }
  return topics.map((topic) => {
    const extra = byTopic.get(topic.id);
    if (!extra) return topic;
    const aliases = { en: [...topic.aliases.en], ja: [...topic.aliases.ja] };
    for (const { phrasing } of extra) aliases[detectLang(phrasing)].push(phrasing);
    return { ...topic, aliases };
  });
}
