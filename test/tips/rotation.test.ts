import { describe, expect, it } from 'vitest';
import { pickNextTip, rotationOrder } from '../../src/tips/rotation.js';

const topics = Array.from({ length: 12 }, (_, i) => `topic-${i}`);

describe("A channel's tip rotation", () => {
  it('shows every tip once before any repeats', () => {
    const posted: string[] = [];
    for (let day = 0; day < topics.length; day++) {
      const pick = pickNextTip(topics, { seed: 'C1', posted });
      expect(pick?.nextCycle).toBe(false);
      posted.push(pick?.topic as string);
    }
    expect(new Set(posted).size).toBe(topics.length);
    expect(pickNextTip(topics, { seed: 'C1', posted })?.nextCycle).toBe(true);
  });

  it('is shuffled differently per channel and kept stable per channel', () => {
    expect(rotationOrder(topics, 'C1')).toEqual(rotationOrder(topics, 'C1'));
    expect(rotationOrder(topics, 'C1')).not.toEqual(rotationOrder(topics, 'C2'));
    expect(rotationOrder(topics, 'C1')).not.toEqual(topics);
  });

  it('lets a new topic join without disturbing the others', () => {
    const before = rotationOrder(topics, 'C1');
    const after = rotationOrder([...topics, 'new-topic'], 'C1');
    expect(after.filter((id) => id !== 'new-topic')).toEqual(before);
    const posted = topics.slice(0, 12);
    expect(pickNextTip([...topics, 'new-topic'], { seed: 'C1', posted })).toEqual({
      topic: 'new-topic',
      nextCycle: false,
    });
  });
});
