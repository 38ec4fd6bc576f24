import { describe, expect, it } from 'vitest';
import { buildReport, questionKey, renderReport, staleTopics } from '../../src/report/report.js';
import { buildKnowledgeBase } from '../../src/knowledge/load.js';
import type { FeedbackRecord, QuestionRecord } from '../../src/store/store.js';
import { topicFile } from '../factories.js';

const at = new Date('2026-11-20T00:00:00Z');
const period = { since: new Date('2026-10-29T00:00:00Z'), until: new Date('2026-11-28T00:00:00Z') };

function asked(question: string, topic: string | null): QuestionRecord {
  return {
    question,
    topic,
    answered: topic !== null,
    score: 0.5,
    lang: 'en',
    userId: 'U1',
    surface: 'command',
    at,
  };
}

function rated(question: string, topic: string, helpful: boolean): FeedbackRecord {
  return { question, topic, channel: 'C1', helpful, userId: 'U1', at };
}

describe("The maintainers' report", () => {
  it('groups unanswered questions by normalised text, most frequent first', () => {
    const report = buildReport(
      [
        asked('What is ECR?', null),
        asked('what is ecr', null),
        asked('ＷＨＡＴ ＩＳ ＥＣＲ', null),
        asked('git rebase', null),
        asked('what is a volume', 'volumes'),
      ],
      [],
      period,
    );
    expect(report.unanswered).toEqual([
      { text: 'What is ECR?', count: 3 },
      { text: 'git rebase', count: 1 },
    ]);
    expect(report).toMatchObject({ questions: 5, answered: 1 });
  });

  it('lists answers marked not helpful with the questions behind them', () => {
    const report = buildReport(
      [],
      [
        rated('keep db data', 'volumes', false),
        rated('keep db data', 'volumes', false),
        rated('persist', 'volumes', true),
        rated('mount', 'bind-mounts', false),
      ],
      period,
    );
    expect(report.notHelpful).toEqual([
      { topic: 'volumes', count: 2, questions: [{ text: 'keep db data', count: 2 }] },
      { topic: 'bind-mounts', count: 1, questions: [{ text: 'mount', count: 1 }] },
    ]);
  });

  it('counts the most asked topics', () => {
    const report = buildReport(
      [asked('a', 'volumes'), asked('b', 'volumes'), asked('c', 'networks')],
      [],
      period,
    );
    expect(report.topTopics).toEqual([
      { topic: 'volumes', count: 2 },
      { topic: 'networks', count: 1 },
    ]);
  });

  it('counts questions whose text was not stored', () => {
    expect(buildReport([asked('', null), asked('', null)], [], period).unanswered).toEqual([
      { text: '(question text not stored)', count: 2 },
    ]);
  });

  it('reads as text with topic titles', () => {
    const kb = buildKnowledgeBase([topicFile({ id: 'volumes' })]);
    const text = renderReport(buildReport([asked('a', 'volumes')], [], period), kb);
    expect(text).toContain('1× volumes (Volumes title)');
    expect(text).toContain('Knowledge report 2026-10-29 to 2026-11-28');
  });

  it('lists the topics not reviewed for the set number of days, oldest first, in either language', () => {
    const reviewedOn = (id: string, date: string) => {
      const file = topicFile({ id });
      return { ...file, text: file.text.replace('reviewed: 2026-01-15', `reviewed: ${date}`) };
    };
    const kb = buildKnowledgeBase([
      reviewedOn('volumes', '2026-05-01'),
      reviewedOn('networks', '2026-11-01'),
      reviewedOn('image', '2025-12-01'),
    ]);
    const stale = staleTopics(kb, period.until, 180);
    expect(stale).toEqual([
      { topic: 'image', reviewed: '2025-12-01', days: 362 },
      { topic: 'volumes', reviewed: '2026-05-01', days: 211 },
    ]);
    const report = buildReport([], [], period, { stale, staleAfterDays: 180 });
    expect(renderReport(report, kb)).toContain('Topics not reviewed for 180 days');
    expect(renderReport(report, kb)).toContain('image: reviewed 2025-12-01, 362 days ago');
    expect(renderReport(report, kb, 'ja')).toContain('image: 2025-12-01 に見直し (362 日前)');
  });

  it('keys questions regardless of case, width and punctuation', () => {
    expect(questionKey('  Docker PS?! ')).toBe(questionKey('docker ps'));
  });
});
