import { describe, expect, it } from 'vitest';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/paths.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { tokenize } from '../../src/search/tokenize.js';
import { Vocabulary } from '../../src/search/vocabulary.js';

/** The tokens the vocabulary gives for a text, read back through its numbering. */
function tokensOf(vocabulary: Vocabulary, text: string): string[] {
  const tokens: string[] = [];
  vocabulary.wordIds(text, (term) => tokens.push(vocabulary.terms.keys[term] as string));
  return tokens;
}

describe('Vocabulary', () => {
  it('gives the tokens tokenize gives, for every text of the shipped knowledge', () => {
    const vocabulary = new Vocabulary();
    const texts = loadKnowledge(DEFAULT_KNOWLEDGE_DIR).topics.flatMap((topic) => [
      ...topic.aliases.en,
      ...topic.aliases.ja,
      topic.title.en,
      topic.title.ja,
      topic.answer.en,
      topic.answer.ja,
      topic.tip.en,
      topic.tip.ja,
    ]);
    // Twice: the second time every raw word and piece is already known.
    for (const round of [1, 2]) {
      const mismatches = texts.filter(
        (text) => tokensOf(vocabulary, text).join('|') !== tokenize(text, { slack: false }).join('|'),
      );
      expect(mismatches, `round ${round}`).toEqual([]);
    }
  });

  it.each([
    ["Don't STOP the Container's `logs`"],
    ["it's   docker-compose.yml\tand\nDockerfile's FROM"],
    ['Ｄｏｃｋｅｒ　イメージとは？'],
    ['コンテナイメージの作り方 と コンテナ を イメージ に'],
    ['いめーじの作り方'],
    ['do\u200bcker イメージ'],
    ['ctr img repos vs diff'],
    ['<none> タグ の イメージ'],
    ['  '],
    [''],
    ['!!! ??? ---'],
  ])('gives the tokens tokenize gives for %j', (text) => {
    const vocabulary = new Vocabulary();
    expect(tokensOf(vocabulary, text)).toEqual(tokenize(text, { slack: false }));
    expect(tokensOf(vocabulary, text)).toEqual(tokenize(text, { slack: false }));
  });

  it('numbers each token once, however it was written', () => {
    const vocabulary = new Vocabulary();
    const ids: number[] = [];
    for (const text of ['Containers', 'container', "CONTAINER'S", 'コンテナ container']) {
      vocabulary.wordIds(text, (term) => ids.push(term));
    }
    expect(new Set(ids)).toEqual(
      new Set([vocabulary.terms.get('container'), vocabulary.terms.get('コンテナ')]),
    );
    expect(vocabulary.terms.size).toBe(2);
  });
});
