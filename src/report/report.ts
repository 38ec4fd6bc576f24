import { phrase, phraseWith } from '../answers/messages.js';
import type { KnowledgeBase } from '../knowledge/load.js';
import type { Lang } from '../knowledge/types.js';
import { normalizeText } from '../search/normalize.js';
import type { FeedbackRecord, QuestionRecord, Store } from '../store/store.js';

export interface QuestionGroup {
  /** The most common wording of the group. */
  text: string;
  count: number;
}

export interface NotHelpfulTopic {
  topic: string;
  count: number;
  /** The questions that led to the answer, most frequent first. */
  questions: QuestionGroup[];
}

export interface Report {
  since: Date;
  until: Date;
  questions: number;
  answered: number;
  unanswered: QuestionGroup[];
  notHelpful: NotHelpfulTopic[];
  topTopics: { topic: string; count: number }[];
  /** Topics whose facts were last checked more than `staleAfterDays` before `until`, oldest first. */
  stale: StaleTopic[];
  staleAfterDays: number;
}

export interface StaleTopic {
  topic: string;
  /** The topic's `reviewed:` date, YYYY-MM-DD. */
  reviewed: string;
  /** Whole days from that date to the end of the report's period. */
  days: number;
}

/** Topics whose `reviewed:` date is more than `afterDays` days before `until`, oldest first. */
export function staleTopics(kb: KnowledgeBase, until: Date, afterDays: number): StaleTopic[] {
  return kb.topics
    .map((topic) => ({
      topic: topic.id,
      reviewed: topic.reviewed,
      days: Math.floor((until.getTime() - Date.parse(`${topic.reviewed}T00:00:00Z`)) / DAY_MS),
    }))
    .filter((entry) => entry.days > afterDays)
    .sort((a, b) => b.days - a.days || a.topic.localeCompare(b.topic));
}

/**
 * The same question asked in different case, width, spacing or punctuation is one question:
 * "What is ECR?", "what is ecr" and "ＷＨＡＴ ＩＳ ＥＣＲ" group together.
 */
export function questionKey(question: string): string {
  return normalizeText(question)
    .replace(/[^\p{L}\p{N}\p{M}ー]+/gu, ' ')
    .trim();
}

/** What the maintainers need to see to fix the knowledge: the misses, the bad answers, the demand. */
export function buildReport(
  questions: QuestionRecord[],
  feedback: FeedbackRecord[],
  period: { since: Date; until: Date },
  freshness: { stale: StaleTopic[]; staleAfterDays: number } = {
    stale: [],
    staleAfterDays: DEFAULT_STALE_AFTER_DAYS,
  },
  limit = 10,
): Report {
  const unanswered = groupQuestions(questions.filter((q) => !q.answered).map((q) => q.question));

  const byTopic = new Map<string, string[]>();
  for (const entry of feedback) {
    if (entry.helpful) continue;
    byTopic.set(entry.topic, [...(byTopic.get(entry.topic) ?? []), entry.question]);
  }
  const notHelpful = [...byTopic]
    .map(([topic, asked]) => ({ topic, count: asked.length, questions: groupQuestions(asked).slice(0, 5) }))
    .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic));

  const topicCounts = new Map<string, number>();
  for (const q of questions)
    if (q.answered && q.topic) topicCounts.set(q.topic, (topicCounts.get(q.topic) ?? 0) + 1);
  const topTopics = [...topicCounts]
    .map(([topic, count]) => ({ topic, count }))
    .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic));

  return {
    ...period,
    questions: questions.length,
    answered: questions.filter((q) => q.answered).length,
    unanswered: unanswered.slice(0, limit),
    notHelpful: notHelpful.slice(0, limit),
    topTopics: topTopics.slice(0, limit),
    ...freshness,
  };
}

function groupQuestions(texts: string[]): QuestionGroup[] {
  const groups = new Map<string, Map<string, number>>();
  for (const text of texts) {
    // Question text may be switched off (STORE_QUESTIONS=false): those count without a wording.
    const key = text === '' ? '' : questionKey(text);
    const wordings = groups.get(key) ?? new Map<string, number>();
    wordings.set(text, (wordings.get(text) ?? 0) + 1);
    groups.set(key, wordings);
  }
  return [...groups.values()]
    .map((wordings) => {
      const [text = ''] = [...wordings].sort((a, b) => b[1] - a[1])[0] ?? [];
      const count = [...wordings.values()].reduce((sum, n) => sum + n, 0);
      return { text: text === '' ? TEXT_NOT_STORED : text, count };
    })
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}

/** The wording of a group whose question text was not stored (STORE_QUESTIONS=false). */
export const TEXT_NOT_STORED = '(question text not stored)';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Docker advice goes stale (`docker-compose` became `docker compose`): a topic is due a check after this. */
export const DEFAULT_STALE_AFTER_DAYS = 180;

export interface ReportRequest {
  days: number;
  until: Date;
  kb: KnowledgeBase;
  staleAfterDays?: number;
}

/** The report over the `days` before `until`, read from the store, with the topics due a review. */
export async function reportFromStore(store: Store, request: ReportRequest): Promise<Report> {
  const { days, until, kb, staleAfterDays = DEFAULT_STALE_AFTER_DAYS } = request;
  const since = new Date(until.getTime() - days * DAY_MS);
  const [questions, feedback] = await Promise.all([store.listQuestions(since), store.listFeedback(since)]);
  return buildReport(
    questions,
    feedback,
    { since, until },
    { stale: staleTopics(kb, until, staleAfterDays), staleAfterDays },
  );
}

/** The report as plain text, for `npm run report` and as the body of the Slack message. */
export function renderReport(report: Report, kb: KnowledgeBase, lang: Lang = 'en'): string {
  const title = (id: string) => kb.byId.get(id)?.title[lang] ?? phraseWith('reportGoneTopic', lang, { id });
  const day = (date: Date) => date.toISOString().slice(0, 10);
  const shown = (text: string) => (text === TEXT_NOT_STORED ? phrase('reportTextNotStored', lang) : text);
  const list = (items: string[]) =>
    items.length === 0 ? [`  ${phrase('reportNone', lang)}`] : items.map((item) => `  ${item}`);
  const lines = [
    phraseWith('reportTitle', lang, { since: day(report.since), until: day(report.until) }),
    phraseWith('reportCounts', lang, {
      questions: report.questions,
      answered: report.answered,
      unanswered: report.questions - report.answered,
    }),
    '',
    phrase('reportUnanswered', lang),
    ...list(report.unanswered.map((g) => `${g.count}× ${shown(g.text)}`)),
    '',
    phrase('reportNotHelpful', lang),
    ...list(
      report.notHelpful.map(
        (t) =>
          `${t.count}× ${t.topic} (${title(t.topic)}) — ${phrase('reportAskedAs', lang)} ${t.questions.map((q) => `"${shown(q.text)}"`).join(', ')}`,
      ),
    ),
    '',
    phrase('reportTopTopics', lang),
    ...list(report.topTopics.map((t) => `${t.count}× ${t.topic} (${title(t.topic)})`)),
    '',
    phraseWith('reportStale', lang, { days: report.staleAfterDays }),
    ...list(
      report.stale.map((t) =>
        phraseWith('reportStaleLine', lang, { topic: t.topic, reviewed: t.reviewed, days: t.days }),
      ),
    ),
  ];
  return lines.join('\n');
}
