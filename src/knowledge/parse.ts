import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import type { Topic } from './types.js';

/** Lower-case words joined by single hyphens: stable, URL- and file-name-safe ids. */
export const TOPIC_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const bilingualText = z.strictObject({ en: nonEmpty, ja: nonEmpty });
const aliasList = z.array(z.union([nonEmpty, z.number().transform(String)]));

/** An example question: one line, long enough to say something, short enough to read. */
const exampleText = z
  .string()
  .trim()
  .min(3, 'must be at least 3 characters long')
  .max(300, 'must be at most 300 characters long; an example is one question')
  .refine((text) => !/[\r\n\t]/.test(text), 'must be one line');

const choiceList = z.array(nonEmpty).min(3, 'needs 3 or 4 choices').max(4, 'needs 3 or 4 choices');

/**
 * One multiple-choice question: the same choices in the same order in both languages, `answer` the 0-based
 * index of the right one, `explain` why it is right and why the tempting wrong one is wrong.
 */
const quizItemSchema = z
  .strictObject({
    question: bilingualText,
    choices: z.strictObject({ en: choiceList, ja: choiceList }),
    answer: z.number().int('must be a whole number'),
    explain: bilingualText,
  })
  .superRefine((item, ctx) => {
    const { en, ja } = item.choices;
    if (en.length !== ja.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['choices'],
        message: `has ${en.length} English and ${ja.length} Japanese choices; give the same choices in both languages`,
      });
    }
    if (item.answer < 0 || item.answer >= Math.min(en.length, ja.length)) {
      ctx.addIssue({
        code: 'custom',
        path: ['answer'],
        message: `${item.answer} is not the index of a choice (0 to ${Math.min(en.length, ja.length) - 1})`,
      });
    }
    for (const [lang, list] of [['en', en] as const, ['ja', ja] as const]) {
      const seen = new Set<string>();
      for (const choice of list) {
        const key = choice.normalize('NFKC').toLowerCase().trim();
        if (seen.has(key)) {
          ctx.addIssue({ code: 'custom', path: ['choices', lang], message: `"${choice}" is given twice` });
        }
        seen.add(key);
      }
    }
  });

const frontMatterSchema = z.strictObject({
  id: z.string().regex(TOPIC_ID, 'must be lower-case words joined by hyphens, e.g. "docker-run"'),
  title: bilingualText,
  aliases: z.strictObject({ en: aliasList, ja: aliasList }),
  /** Whole questions as people ask them; optional, either language may be empty. */
  examples: z
    .strictObject({ en: z.array(exampleText).default([]), ja: z.array(exampleText).default([]) })
    .default({ en: [], ja: [] }),
  related: z.array(z.string()).default([]),
  links: z
    .array(
      z.strictObject({
        title: nonEmpty,
        url: z.string().refine(isHttpsUrl, 'must be an https:// address'),
        lang: z.enum(['en', 'ja']),
      }),
    )
    .min(1, 'needs at least one documentation link')
    .max(3, 'has more than 3 links; keep the best 1-3'),
  tip: bilingualText,
  /** Error output this topic fixes, as literal fragments; checked further by kb:check. */
  errors: z.array(nonEmpty).default([]),
  /** Quiz questions for studying the topic (`/docker quiz`, `/docker learn`). */
  quiz: z.array(quizItemSchema).default([]),
  /** The day the topic's facts were last checked against the documentation (YYYY-MM-DD). */
  reviewed: z.iso.date('must be the date the facts were last checked, as YYYY-MM-DD'),
});

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

/** Headings that open each language's answer in the Markdown body. */
export const ANSWER_HEADINGS = { en: 'English', ja: '日本語' } as const;

export type ParseResult = { ok: true; topic: Topic } | { ok: false; problems: string[] };

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/;

/** Parses one knowledge file. Problems are phrased for the person who edits the file. */
export function parseTopicFile(text: string, file: string): ParseResult {
  const match = FRONT_MATTER.exec(text);
  if (!match) {
    return { ok: false, problems: ['must start with front matter between two "---" lines'] };
  }
  const [, yamlText = '', body = ''] = match;

  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch (error) {
    const detail = error instanceof YAMLParseError ? error.message.split('\n')[0] : String(error);
    return { ok: false, problems: [`front matter is not valid YAML: ${detail}`] };
  }

  const problems: string[] = [];
  const parsed = frontMatterSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const where = issue.path.length > 0 ? issue.path.join('.') : 'front matter';
      problems.push(`${where}: ${issue.message}`);
    }
  }

  const answers = parseAnswers(body, problems);
  if (!parsed.success || !answers) return { ok: false, problems };

  const meta = parsed.data;
  return {
    ok: true,
    topic: {
      id: meta.id,
      title: meta.title,
      aliases: meta.aliases,
      examples: meta.examples,
      answer: answers,
      links: meta.links,
      related: meta.related,
      tip: meta.tip,
      errors: meta.errors,
      quiz: meta.quiz,
      reviewed: meta.reviewed,
      file,
    },
  };
}

function parseAnswers(body: string, problems: string[]): Topic['answer'] | undefined {
  const sections = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of body.split(/\r?\n/)) {
    const heading = /^##\s+(.+?)\s*$/.exec(line);
    if (heading) {
      const name = heading[1] ?? '';
      if (sections.has(name)) problems.push(`the "## ${name}" section appears twice`);
      current = [];
      sections.set(name, current);
    } else if (current) {
      current.push(line);
    } else if (line.trim() !== '') {
      problems.push(`text before the first "## ${ANSWER_HEADINGS.en}" heading: "${line.trim().slice(0, 40)}"`);
    }
  }

  const known = new Set<string>(Object.values(ANSWER_HEADINGS));
  for (const name of sections.keys()) {
    if (!known.has(name)) {
      problems.push(
        `unknown section "## ${name}"; answers go under "## ${ANSWER_HEADINGS.en}" and "## ${ANSWER_HEADINGS.ja}"`,
      );
    }
  }

  const answer = { en: '', ja: '' };
  for (const lang of ['en', 'ja'] as const) {
    const heading = ANSWER_HEADINGS[lang];
    const lines = sections.get(heading);
    if (!lines) {
      problems.push(`missing the ${lang === 'en' ? 'English' : 'Japanese'} answer ("## ${heading}" section)`);
      continue;
    }
    const text = lines.join('\n').trim();
    if (text === '') problems.push(`the "## ${heading}" answer is empty`);
    answer[lang] = text;
  }
  return problems.length === 0 ? answer : undefined;
}
