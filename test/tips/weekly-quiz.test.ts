import { describe, expect, it } from 'vitest';
import {
  dueQuizLocalDate,
  isSummaryDue,
  nextQuizPostTime,
  parseWeeklyQuizRequest,
  pickWeeklyQuizItem,
  quizSummaryLine,
  weeklyQuizSlotKey,
  weeklyQuizSummaryKey,
  type WeeklyQuizSchedule,
} from '../../src/tips/weekly-quiz.js';

const tokyoMonday: WeeklyQuizSchedule = { weekday: 1, time: '10:00', lang: 'en', timeZone: 'Asia/Tokyo' };

describe('parseWeeklyQuizRequest', () => {
  it('takes Monday 10:00 when nothing is given', () => {
    expect(parseWeeklyQuizRequest([])).toEqual({ ok: true, request: { weekday: 1, time: '10:00' } });
  });

  it('reads a weekday, a time, a language and a zone in any order, in English or Japanese', () => {
    expect(parseWeeklyQuizRequest(['ja', '9:30', 'Friday', 'tz=America/New_York'])).toEqual({
      ok: true,
      request: { weekday: 5, time: '09:30', lang: 'ja', timeZone: 'America/New_York' },
    });
    expect(parseWeeklyQuizRequest(['水曜', '両方'])).toEqual({
      ok: true,
      request: { weekday: 3, time: '10:00', lang: 'both' },
    });
  });

  it("names the word at fault with the tips' messages", () => {
    expect(parseWeeklyQuizRequest(['25:00'])).toEqual({
      ok: false,
      error: { key: 'scheduleBadTime', values: { word: '25:00' } },
    });
    expect(parseWeeklyQuizRequest(['tz=Mars/Olympus'])).toEqual({
      ok: false,
      error: { key: 'scheduleBadZone', values: { word: 'Mars/Olympus' } },
    });
    expect(parseWeeklyQuizRequest(['daily'])).toEqual({
      ok: false,
      error: { key: 'scheduleUnknownWord', values: { word: 'daily' } },
    });
  });
});

describe('When the scheduling clock moves through a week', () => {
  it('is due on its weekday from its local time, within the catch-up window', () => {
    // Monday 2026-12-07 10:00 in Tokyo is 01:00 UTC.
    expect(dueQuizLocalDate(tokyoMonday, new Date('2026-12-07T00:59:00Z'))).toBeNull();
    expect(dueQuizLocalDate(tokyoMonday, new Date('2026-12-07T01:00:00Z'))).toBe('2026-12-07');
    expect(dueQuizLocalDate(tokyoMonday, new Date('2026-12-07T03:59:00Z'))).toBe('2026-12-07');
    expect(dueQuizLocalDate(tokyoMonday, new Date('2026-12-07T04:00:00Z'))).toBeNull();
  });

  it('is not due on the other days of the week at the same time', () => {
    for (let day = 8; day <= 13; day++) {
      expect(
        dueQuizLocalDate(tokyoMonday, new Date(`2026-12-${String(day).padStart(2, '0')}T01:30:00Z`)),
      ).toBeNull();
    }
    expect(dueQuizLocalDate(tokyoMonday, new Date('2026-12-14T01:30:00Z'))).toBe('2026-12-14');
  });

  it("judges the weekday in the subscriber's zone, not in UTC", () => {
    // Sunday 2026-12-06 at 20:00 in New York is already Monday in UTC: not due.
    const newYorkSunday = { ...tokyoMonday, weekday: 0, time: '20:00', timeZone: 'America/New_York' };
    expect(dueQuizLocalDate(newYorkSunday, new Date('2026-12-07T01:00:00Z'))).toBe('2026-12-06');
    expect(dueQuizLocalDate({ ...newYorkSunday, weekday: 1 }, new Date('2026-12-07T01:00:00Z'))).toBeNull();
  });

  it('keeps the local time across a daylight-saving change', () => {
    const newYorkMonday = { ...tokyoMonday, time: '09:00', timeZone: 'America/New_York' };
    expect(nextQuizPostTime(newYorkMonday, new Date('2026-03-02T15:00:00Z'))?.toISOString()).toBe(
      '2026-03-09T13:00:00.000Z',
    );
    expect(dueQuizLocalDate(newYorkMonday, new Date('2026-03-09T13:00:00Z'))).toBe('2026-03-09');
  });

  it('tells the next post time, later today or next week', () => {
    expect(nextQuizPostTime(tokyoMonday, new Date('2026-12-07T00:00:00Z'))?.toISOString()).toBe(
      '2026-12-07T01:00:00.000Z',
    );
    expect(nextQuizPostTime(tokyoMonday, new Date('2026-12-07T01:00:00Z'))?.toISOString()).toBe(
      '2026-12-14T01:00:00.000Z',
    );
  });

  it('makes the summary due from the same local time the next day, and keeps it due', () => {
    expect(isSummaryDue(tokyoMonday, '2026-12-07', new Date('2026-12-08T00:59:00Z'))).toBe(false);
    expect(isSummaryDue(tokyoMonday, '2026-12-07', new Date('2026-12-08T01:00:00Z'))).toBe(true);
    expect(isSummaryDue(tokyoMonday, '2026-12-07', new Date('2026-12-10T01:00:00Z'))).toBe(true);
  });
});

describe('quizSummaryLine', () => {
  it('counts who answered and who was right, in one line per post, naming nobody', () => {
    expect(quizSummaryLine('en', 5, 3)).toBe("Yesterday's quiz: 5 answered, 3 right.");
    expect(quizSummaryLine('ja', 2, 0)).toBe('昨日のクイズ: 回答 2 人、正解 0 人。');
    expect(quizSummaryLine('both', 1, 1)).not.toContain('\n');
  });

  it('says so when nobody answered', () => {
    expect(quizSummaryLine('en', 0, 0)).toContain('nobody answered');
  });
});

describe('weeklyQuizSlotKey', () => {
  it("never collides with a channel's tip slot", () => {
    expect(weeklyQuizSlotKey('C0123')).not.toBe('C0123');
    expect(weeklyQuizSummaryKey('C0123')).not.toBe(weeklyQuizSlotKey('C0123'));
  });
});

describe('pickWeeklyQuizItem', () => {
  const items = [
    { topic: 'container', item: 0 },
    { topic: 'container', item: 1 },
    { topic: 'image', item: 0 },
  ];

  it('asks every item once before any comes back, in an order of its own per channel', () => {
    const posted: { topic: string; item: number }[] = [];
    for (let week = 0; week < 3; week++) {
      const pick = pickWeeklyQuizItem(items, posted, 'C1');
      if (!pick) throw new Error('no pick');
      posted.push(pick);
    }
    expect(new Set(posted.map((ref) => `${ref.topic}#${ref.item}`)).size).toBe(3);
    expect(pickWeeklyQuizItem(items, posted, 'C1')).toEqual(posted[0]);
    expect(pickWeeklyQuizItem(items, [], 'C1')).toEqual(posted[0]);
  });

  it('asks a newly added item next, and forgets items gone from the knowledge', () => {
    const posted = [...items, { topic: 'gone', item: 0 }, { topic: 'gone', item: 0 }];
    const added = { topic: 'volume', item: 0 };
    expect(pickWeeklyQuizItem([...items, added], posted, 'C1')).toEqual(added);
    expect(pickWeeklyQuizItem([], posted, 'C1')).toBeNull();
  });
});
