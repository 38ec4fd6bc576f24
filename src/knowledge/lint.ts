import type { KnowledgeProblem } from './errors.js';
import type { KnowledgeBase } from './load.js';
import { TRACKS_FILE } from './tracks.js';
import type { Bilingual, Lang } from './types.js';

/** The track of the team's notes: its topics are studied most, so they need two quiz items each. */
export const NOTES_TRACK = 'basics';

/** Limits that keep answers short enough to read in Slack at a glance. */
export const AUTHORING_LIMITS = Object.freeze({
  // Japanese says the same in about half the characters of English.
  answer: Object.freeze({ en: 600, ja: 450 } satisfies Record<Lang, number>),
  tip: 200,
});

/** Documentation links known per topic id (the shared links.yaml), for the Japanese-link check. */
export type KnownLinks = Record<string, { url: string; lang: string }[]>;

/**
 * Checks that keep the knowledge base good to answer from, beyond being loadable: an alias in two
 * topics makes the engine guess between them; a long answer stops being a quick answer; a Japanese
 * reader should get a Japanese page where one exists, and the same commands as an English reader; a tip is one
 * line in a channel.
 */
export function lintKnowledge(kb: KnowledgeBase, knownLinks: KnownLinks = {}): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const notesTopics = new Set(kb.tracks.find((track) => track.id === NOTES_TRACK)?.topics ?? []);
  if (kb.tracks.length === 0) {
    problems.push({ file: TRACKS_FILE, problem: 'no learning tracks: knowledge/tracks.yaml is missing or empty' });
  }
  const aliasOwners = new Map<string, string>();

  for (const topic of kb.topics) {
    const file = topic.file;
    for (const alias of [...topic.aliases.en, ...topic.aliases.ja]) {
      const key = alias.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
      const owner = aliasOwners.get(key);
      if (owner && owner !== topic.id) {
        problems.push({ file, problem: `alias "${alias}" is also an alias of "${owner}"; keep it in one topic` });
      } else {
        aliasOwners.set(key, topic.id);
      }
    }

    for (const lang of ['en', 'ja'] as const) {
      const limit = AUTHORING_LIMITS.answer[lang];
      const length = [...topic.answer[lang]].length;
      if (length > limit) {
        problems.push({ file, problem: `the ${lang} answer is ${length} characters; keep it under ${limit}` });
      }
      const tip = topic.tip[lang];
      if (/[\r\n]/.test(tip)) problems.push({ file, problem: `the ${lang} tip must be one line` });
      else if ([...tip].length > AUTHORING_LIMITS.tip) {
        problems.push({ file, problem: `the ${lang} tip is longer than ${AUTHORING_LIMITS.tip} characters` });
      }
    }

    for (const [what, texts] of [
      ['answer', topic.answer],
      ['tip', topic.tip],
    ] as const) {
      for (const missing of missingCodeSpans(texts)) {
        problems.push({
          file,
          problem: `the ${missing.lang} ${what} lacks \`${missing.span}\`, which the ${missing.lang === 'en' ? 'ja' : 'en'} ${what} gives; both languages must say the same things`,
        });
      }
    }

    const needed = notesTopics.has(topic.id) ? 2 : 1;
    if (topic.quiz.length < needed) {
      problems.push({
        file,
        problem: `has ${topic.quiz.length} quiz item${topic.quiz.length === 1 ? '' : 's'}; ${notesTopics.has(topic.id) ? `a topic of the "${NOTES_TRACK}" track needs` : 'every topic needs'} at least ${needed}`,
      });
    }
    topic.quiz.forEach((item, index) => {
      for (const [what, texts] of [
        ['question', item.question],
        ['explanation', item.explain],
      ] as const) {
        for (const missing of missingCodeSpans(texts)) {
          problems.push({
            file,
            problem: `quiz ${index + 1}: the ${missing.lang} ${what} lacks \`${missing.span}\`, which the other language gives`,
          });
        }
      }
    });

    const japanesePages = (knownLinks[topic.id] ?? []).filter((link) => link.lang === 'ja');
    if (japanesePages.length > 0 && !topic.links.some((link) => link.lang === 'ja')) {
      problems.push({
        file,
        problem: `no Japanese link, but links.yaml has one for "${topic.id}": ${japanesePages[0]?.url}`,
      });
    }
  }
  return problems;
}

const CODE_SPAN = /`([^`\n]+)`/g;

/** Inline `code` spans (commands, flags, file names) one language gives and the other does not. */
export function missingCodeSpans(texts: Bilingual<string>): { lang: Lang; span: string }[] {
  const spans = (text: string) => new Set([...text.matchAll(CODE_SPAN)].map((match) => (match[1] ?? '').trim()));
  const en = spans(texts.en);
  const ja = spans(texts.ja);
  return [
    ...[...en].filter((span) => !ja.has(span)).map((span) => ({ lang: 'ja' as const, span })),
    ...[...ja].filter((span) => !en.has(span)).map((span) => ({ lang: 'en' as const, span })),
  ];
}
