import type { KnowledgeBase } from '../knowledge/load.js';
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
      return { text: text === '' ? '(question text not stored)' : text, count };
    })
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The report over the `days` before `until`, read from the store. */
export async function reportFromStore(store: Store, days: number, until: Date): Promise<Report> {
  const since = new Date(until.getTime() - days * DAY_MS);
  const [questions, feedback] = await Promise.all([store.listQuestions(since), store.listFeedback(since)]);
  return buildReport(questions, feedback, { since, until });
}

/** The report as plain text, for `npm run report` and as the body of the Slack message. */
export function renderReport(report: Report, kb: KnowledgeBase): string {
  const title = (id: string) => kb.byId.get(id)?.title.en ?? `${id} (no longer in knowledge/)`;
  const day = (date: Date) => date.toISOString().slice(0, 10);
  const lines = [
    `Knowledge report ${day(report.since)} to ${day(report.until)}`,
    `${report.questions} questions, ${report.answered} answered, ${report.questions - report.answered} not answered.`,
    '',
    'Most frequent unanswered questions:',
    ...list(report.unanswered.map((g) => `${g.count}× ${g.text}`)),
    '',
    'Answers marked not helpful:',
    ...list(
      report.notHelpful.map(
        (t) =>
          `${t.count}× ${t.topic} (${title(t.topic)}) — asked as: ${t.questions.map((q) => `"${q.text}"`).join(', ')}`,
      ),
    ),
    '',
    'Most asked topics:',
    ...list(report.topTopics.map((t) => `${t.count}× ${t.topic} (${title(t.topic)})`)),
  ];
  return lines.join('\n');
}

function list(items: string[]): string[] {
  return items.length === 0 ? ['  (none)'] : items.map((item) => `  ${item}`);
}
