import { buildErrorMatcher } from '../search/error-fragments.js';
import { errorFragmentKey, MIN_ERROR_FRAGMENT_LENGTH } from './error-fragments.js';
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
 * line in a channel. An error fragment answers with full confidence, so it must be specific (long enough)
 * and lead to one topic only: not in two topics, and not inside another topic's alias.
 */
export function lintKnowledge(kb: KnowledgeBase, knownLinks: KnownLinks = {}): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const notesTopics = new Set(kb.tracks.find((track) => track.id === NOTES_TRACK)?.topics ?? []);
  if (kb.tracks.length === 0) {
    problems.push({ file: TRACKS_FILE, problem: 'no learning tracks: knowledge/tracks.yaml is missing or empty' });
  }
  const aliasOwners = new Map<string, string>();
  const errorOwners = new Map<string, string>();
  for (const topic of kb.topics) {
    for (const fragment of topic.errors) {
      const key = errorFragmentKey(fragment);
      if (!errorOwners.has(key)) errorOwners.set(key, topic.id);
    }
  }

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

    problems.push(...errorFragmentProblems(topic, errorOwners));
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
  problems.push(...aliasesHoldingOtherErrors(kb, errorOwners));
  problems.push(...exampleProblems(kb));
  return problems;
}

function errorFragmentProblems(topic: KnowledgeBase['topics'][number], owners: Map<string, string>) {
  const problems: KnowledgeProblem[] = [];
  const seen = new Set<string>();
  for (const fragment of topic.errors) {
    const key = errorFragmentKey(fragment);
    const owner = owners.get(key);
    if (key.length < MIN_ERROR_FRAGMENT_LENGTH) {
      problems.push({
        file: topic.file,
        problem: `error fragment "${fragment}" is too short to be specific; give at least ${MIN_ERROR_FRAGMENT_LENGTH} characters of the message`,
      });
    } else if (seen.has(key)) {
      problems.push({ file: topic.file, problem: `error fragment "${fragment}" is listed twice` });
    } else if (owner !== topic.id) {
      problems.push({
        file: topic.file,
        problem: `error fragment "${fragment}" is also an error fragment of "${owner}"; keep it in one topic`,
      });
    }
    seen.add(key);
  }
  return problems;
}

/**
 * A question that types an alias containing another topic's error fragment is answered with that
 * other topic: the alias would never be the answer.
 */
function aliasesHoldingOtherErrors(kb: KnowledgeBase, owners: Map<string, string>): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const fragments = [...owners].filter(([key]) => key.length >= MIN_ERROR_FRAGMENT_LENGTH);
  for (const topic of kb.topics) {
    for (const alias of [...topic.aliases.en, ...topic.aliases.ja]) {
      const aliasKey = errorFragmentKey(alias);
      for (const [key, owner] of fragments) {
        if (owner === topic.id || !aliasKey.includes(key)) continue;
        const fragment = kb.byId.get(owner)?.errors.find((text) => errorFragmentKey(text) === key) ?? key;
        problems.push({
          file: topic.file,
          problem: `alias "${alias}" holds the error fragment "${fragment}" of "${owner}", which answers it; keep them in one topic`,
        });
      }
    }
  }
  return problems;
}

/**
 * An example question belongs to one topic: one given twice, or in two topics, teaches the engine
 * nothing or the wrong thing; and one holding an error fragment is answered by the engine's error
 * matcher (src/search/error-fragments.ts) before any word counts, so that must lead to its own topic.
 */
function exampleProblems(kb: KnowledgeBase): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const answeringError = buildErrorMatcher(kb.topics);
  const exampleOwners = new Map<string, string>();
  for (const topic of kb.topics) {
    for (const example of [...topic.examples.en, ...topic.examples.ja]) {
      const key = errorFragmentKey(example);
      const owner = exampleOwners.get(key);
      if (owner === topic.id) {
        problems.push({ file: topic.file, problem: `example "${example}" is given twice` });
        continue;
      }
      if (owner !== undefined) {
        problems.push({
          file: topic.file,
          problem: `example "${example}" is also an example of "${owner}"; keep it in one topic`,
        });
        continue;
      }
      exampleOwners.set(key, topic.id);
      const [match] = answeringError(example);
      const answering = match && kb.topics[match.topic];
      if (!answering || answering.id === topic.id) continue;
      problems.push({
        file: topic.file,
        problem: `example "${example}" holds the error fragment "${match.fragment}" of "${answering.id}", which answers it; move the example there`,
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
