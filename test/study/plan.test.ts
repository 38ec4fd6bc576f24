import { describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/knowledge/load.js';
import type { QuizItem, Topic, Track } from '../../src/knowledge/types.js';
import type { QuizAnswer } from '../../src/store/store.js';
import {
  currentTrack,
  lessonComplete,
  parseScopeKey,
  pickLesson,
  pickQuizQuestion,
  reviewsDue,
  scopeKey,
  streakDays,
  trackProgress,
} from '../../src/study/plan.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const T0 = new Date('2025-06-01T09:00:00Z');
const days = (n: number) => new Date(T0.getTime() + n * DAY_MS);

function item(n: number): QuizItem {
  return {
    question: { en: `Q${n}`, ja: `問${n}` },
    choices: { en: ['a', 'b', 'c'], ja: ['あ', 'い', 'う'] },
    answer: 0,
    explain: { en: 'because', ja: 'なぜなら' },
  };
}

function topic(id: string, items: number): Topic {
  return {
    id,
    title: { en: id, ja: id },
    aliases: { en: [], ja: [] },
    examples: { en: [], ja: [] },
    errors: [],
    answer: { en: `${id} answer`, ja: `${id} の答え` },
    links: [],
    related: [],
    tip: { en: 'tip', ja: 'ヒント' },
    quiz: Array.from({ length: items }, (_, n) => item(n)),
    reviewed: '2025-01-01',
    file: `knowledge/${id}.md`,
  };
}

/** Topics a (2 items), b (1), c (1), d (1, in no track); tracks one = [b, a], two = [c]. */
function knowledge(): KnowledgeBase {
  const topics = [topic('a', 2), topic('b', 1), topic('c', 1), topic('d', 1)];
  const tracks: Track[] = [
    { id: 'one', title: { en: 'One', ja: '一' }, topics: ['b', 'a'] },
    { id: 'two', title: { en: 'Two', ja: '二' }, topics: ['c'] },
  ];
  return { topics, byId: new Map(topics.map((t) => [t.id, t])), tracks };
}

const answer = (topic: string, itemIndex: number, correct: boolean, at: Date): QuizAnswer => ({
  topic,
  item: itemIndex,
  correct,
  at,
});

describe('Picking the next quiz question', () => {
  const kb = knowledge();

  it('starts with the first question in study order: the tracks, then the topics in no track', () => {
    expect(pickQuizQuestion(kb, [], T0, { kind: 'all' })).toEqual({
      kind: 'question',
      topic: 'b',
      item: 0,
      review: false,
    });
    const allButD = [
      answer('b', 0, true, T0),
      answer('a', 0, true, T0),
      answer('a', 1, true, T0),
      answer('c', 0, true, T0),
    ];
    expect(pickQuizQuestion(kb, allButD, T0, { kind: 'all' })).toMatchObject({ topic: 'd', item: 0 });
  });

  it('keeps to a track in its order, or to one topic', () => {
    const answers = [answer('b', 0, true, T0)];
    expect(pickQuizQuestion(kb, answers, T0, { kind: 'track', track: 'one' })).toMatchObject({
      topic: 'a',
      item: 0,
    });
    expect(pickQuizQuestion(kb, [answer('a', 0, true, T0)], T0, { kind: 'topic', topic: 'a' })).toMatchObject(
      {
        topic: 'a',
        item: 1,
      },
    );
  });

  describe('When a question was answered wrong (spaced repetition by the scheduling clock)', () => {
    const wrong = [answer('b', 0, false, T0)];

    it('does not ask it again before a day has passed, and says when it comes back', () => {
      const all = [
        ...wrong,
        answer('a', 0, true, T0),
        answer('a', 1, true, T0),
        answer('c', 0, true, T0),
        answer('d', 0, true, T0),
      ];
      expect(pickQuizQuestion(kb, all, days(0.99), { kind: 'all' })).toEqual({
        kind: 'done',
        nextReview: days(1),
      });
      expect(pickQuizQuestion(kb, wrong, days(0.5), { kind: 'all' })).toMatchObject({
        topic: 'a',
        review: false,
      });
    });

    it('asks it after 1 day, before any new question', () => {
      expect(pickQuizQuestion(kb, wrong, days(1), { kind: 'all' })).toEqual({
        kind: 'question',
        topic: 'b',
        item: 0,
        review: true,
      });
    });

    it('after a right review, asks it again 3 days later, then 7 days after that, then no more', () => {
      const reviewed = [...wrong, answer('b', 0, true, days(1))];
      expect(reviewsDue(reviewed).get('b#0')?.due).toEqual(days(4));
      expect(pickQuizQuestion(kb, reviewed, days(3.9), { kind: 'track', track: 'one' })).toMatchObject({
        topic: 'a',
      });
      expect(pickQuizQuestion(kb, reviewed, days(4), { kind: 'all' })).toMatchObject({
        topic: 'b',
        review: true,
      });

      const twice = [...reviewed, answer('b', 0, true, days(4))];
      expect(reviewsDue(twice).get('b#0')?.due).toEqual(days(11));
      expect(pickQuizQuestion(kb, twice, days(10.9), { kind: 'topic', topic: 'b' })).toEqual({
        kind: 'done',
        nextReview: days(11),
      });
      expect(pickQuizQuestion(kb, twice, days(11), { kind: 'topic', topic: 'b' })).toMatchObject({
        review: true,
      });

      const learned = [...twice, answer('b', 0, true, days(11))];
      expect(reviewsDue(learned).size).toBe(0);
      expect(pickQuizQuestion(kb, learned, days(100), { kind: 'topic', topic: 'b' })).toEqual({
        kind: 'done',
        nextReview: null,
      });
    });

    it('starts over at 1 day when a review is missed again', () => {
      const missedAgain = [...wrong, answer('b', 0, true, days(1)), answer('b', 0, false, days(4))];
      expect(reviewsDue(missedAgain).get('b#0')?.due).toEqual(days(5));
    });

    it('brings the longest overdue review first', () => {
      const two = [answer('c', 0, false, T0), answer('a', 1, false, days(0.5))];
      expect(pickQuizQuestion(kb, two, days(3), { kind: 'all' })).toMatchObject({ topic: 'c', review: true });
    });
  });
});

describe('Lessons of a track', () => {
  const kb = knowledge();
  const one = kb.tracks[0] as Track;

  it("starts with the track's first topic, showing its answer", () => {
    expect(pickLesson(kb, one, [], [])).toEqual({
      kind: 'lesson',
      topic: 'b',
      item: 0,
      number: 1,
      total: 2,
      starts: true,
    });
  });

  it('goes on with the next unanswered question of the same lesson, without the answer again', () => {
    const answers = [answer('b', 0, true, T0), answer('a', 0, false, T0)];
    const lessons = [{ topic: 'b', at: T0 }];
    expect(pickLesson(kb, one, lessons, answers)).toEqual({
      kind: 'lesson',
      topic: 'a',
      item: 1,
      number: 2,
      total: 2,
      starts: false,
    });
  });

  it('is done when every question of the topic is answered, right or wrong', () => {
    expect(lessonComplete(kb, 'a', [answer('a', 0, false, T0)])).toBe(false);
    expect(lessonComplete(kb, 'a', [answer('a', 0, false, T0), answer('a', 1, true, T0)])).toBe(true);
  });

  it('finishes, counts progress per track and continues the track last studied', () => {
    const lessons = [
      { topic: 'b', at: T0 },
      { topic: 'a', at: T0 },
    ];
    expect(pickLesson(kb, one, lessons, [])).toEqual({ kind: 'finished' });
    const progress = trackProgress(kb, lessons);
    expect(progress.map((p) => [p.track.id, p.done, p.total])).toEqual([
      ['one', 2, 2],
      ['two', 0, 1],
    ]);
    expect(currentTrack(progress, [])?.id).toBe('two');
    expect(currentTrack(trackProgress(kb, []), [answer('c', 0, true, T0)])?.id).toBe('two');
    expect(currentTrack(trackProgress(kb, [...lessons, { topic: 'c', at: T0 }]), [])).toBeNull();
  });
});

describe('Scopes carried by buttons', () => {
  const kb = knowledge();

  it.each([
    [{ kind: 'all' } as const, ''],
    [{ kind: 'topic', topic: 'a' } as const, 't:a'],
    [{ kind: 'track', track: 'one' } as const, 'k:one'],
    [{ kind: 'learn', track: 'two' } as const, 'l:two'],
  ])('reads back %j from %j', (scope, text) => {
    expect(scopeKey(scope)).toBe(text);
    expect(parseScopeKey(text, kb)).toEqual(scope);
  });

  it.each(['t:nope', 'k:nope', 'l:a', 'x:a', 'junk'])('refuses %j', (text) => {
    expect(parseScopeKey(text, kb)).toBeNull();
  });
});

describe('The streak', () => {
  const at = (iso: string) => answer('a', 0, true, new Date(iso));

  it('counts days in a row with an answer, up to today or yesterday', () => {
    const answers = [at('2025-06-01T10:00:00Z'), at('2025-06-02T23:00:00Z'), at('2025-06-03T01:00:00Z')];
    expect(streakDays(answers, new Date('2025-06-03T12:00:00Z'), 'UTC')).toBe(3);
    expect(streakDays(answers, new Date('2025-06-04T12:00:00Z'), 'UTC')).toBe(3);
    expect(streakDays(answers, new Date('2025-06-05T00:00:00Z'), 'UTC')).toBe(0);
    expect(streakDays([], new Date('2025-06-05T00:00:00Z'), 'UTC')).toBe(0);
  });

  it("counts days in the learner's time zone", () => {
    // 23:00 UTC on the 2nd is already the 3rd in Tokyo, so the 2nd has no answer there.
    const answers = [at('2025-06-01T10:00:00Z'), at('2025-06-02T23:00:00Z')];
    expect(streakDays(answers, new Date('2025-06-03T01:00:00Z'), 'UTC')).toBe(2);
    expect(streakDays(answers, new Date('2025-06-03T01:00:00Z'), 'Asia/Tokyo')).toBe(1);
  });
});
