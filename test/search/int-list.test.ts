import { describe, expect, it } from 'vitest';
import { IntList } from '../../src/search/int-list.js';

describe('IntList', () => {
  it('keeps every integer in order as it grows past its first capacity', () => {
    const list = new IntList();
    for (let n = 0; n < 5000; n++) list.push(n * 3 - 7);
    expect(list.length).toBe(5000);
    expect(list.at(0)).toBe(-7);
    expect(list.at(4999)).toBe(4999 * 3 - 7);
    const array = list.toArray();
    expect(array).toHaveLength(5000);
    expect(Array.from(array).every((value, n) => value === n * 3 - 7)).toBe(true);
  });

  it('gives an empty array when nothing was appended', () => {
    expect(new IntList().toArray()).toHaveLength(0);
  });
});
