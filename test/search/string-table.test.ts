import { describe, expect, it } from 'vitest';
import { hashOf, sameSpan, StringTable } from '../../src/search/string-table.js';

describe('StringTable', () => {
  it('numbers strings in the order they are added and finds them again', () => {
    const table = new StringTable();
    expect(table.add('image')).toBe(0);
    expect(table.add('container')).toBe(1);
    expect(table.get('container')).toBe(1);
    expect(table.get('image')).toBe(0);
    expect(table.get('volume')).toBe(-1);
    expect(table.keys).toEqual(['image', 'container']);
    expect(table.size).toBe(2);
  });

  it('finds a span of a larger text without cutting it out', () => {
    const table = new StringTable();
    table.add('run');
    const text = 'docker run -d';
    expect(table.find(text, 7, 10, hashOf('run'), sameSpan)).toBe(0);
    expect(table.find(text, 0, 6, hashOf('docker'), sameSpan)).toBe(-1);
  });

  it('keeps every string findable as it grows', () => {
    const table = new StringTable();
    const words = Array.from({ length: 20_000 }, (_, n) => `word${n}`);
    for (const word of words) table.add(word);
    expect(words.every((word, n) => table.get(word) === n)).toBe(true);
    expect(table.get('word20000')).toBe(-1);
  });

  it('tells apart strings whose hashes collide', () => {
    const table = new StringTable();
    table.add('alpha', 7);
    table.add('beta', 7);
    table.add('gamma', 7 + 1024 * 2);
    expect(table.find('beta', 0, 4, 7, sameSpan)).toBe(1);
    expect(table.find('alpha', 0, 5, 7, sameSpan)).toBe(0);
    expect(table.find('gamma', 0, 5, 7 + 1024 * 2, sameSpan)).toBe(2);
    expect(table.find('delta', 0, 5, 7, sameSpan)).toBe(-1);
  });
});
