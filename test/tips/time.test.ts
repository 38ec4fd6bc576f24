import { describe, expect, it } from 'vitest';
import { localTime, parseTimeOfDay, zonedInstant } from '../../src/tips/time.js';

describe('zonedInstant', () => {
  it('finds 09:00 in Tokyo (no daylight saving)', () => {
    expect(zonedInstant('2026-12-01', 9 * 60, 'Asia/Tokyo').toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });

  it('follows New York across the spring-forward day', () => {
    expect(zonedInstant('2026-03-07', 9 * 60, 'America/New_York').toISOString()).toBe(
      '2026-03-07T14:00:00.000Z',
    );
    expect(zonedInstant('2026-03-08', 9 * 60, 'America/New_York').toISOString()).toBe(
      '2026-03-08T13:00:00.000Z',
    );
  });

  it('follows New York across the fall-back day', () => {
    expect(zonedInstant('2026-11-01', 9 * 60, 'America/New_York').toISOString()).toBe(
      '2026-11-01T14:00:00.000Z',
    );
  });
});

describe('localTime', () => {
  it('gives the local date, minutes and weekday', () => {
    expect(localTime(new Date('2026-11-27T23:30:00Z'), 'Asia/Tokyo')).toEqual({
      date: '2026-11-28',
      minutes: 8 * 60 + 30,
      weekday: 6,
    });
  });
});

describe('parseTimeOfDay', () => {
  it('accepts 24-hour times and refuses others', () => {
    expect(parseTimeOfDay('9:05')).toBe(545);
    expect(parseTimeOfDay('23:59')).toBe(1439);
    expect(parseTimeOfDay('24:00')).toBeNull();
    expect(parseTimeOfDay('9am')).toBeNull();
  });
});
