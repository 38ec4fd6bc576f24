import { describe, expect, it } from 'vitest';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/paths.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { applyConcepts, buildConceptMap } from '../../src/search/concepts.js';
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
      ...topic.examples.en,
      ...topic.examples.ja,
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
    // Pieces are tokenised phrase by phrase (コンテナ|の|イメージ): where a cut could change the tokens
    ['コンテナのイメージを起動しますアイ、ソースコードアイ。開発中の'],
    ['いめーじコンテナの作り方'],
    ['さーばのコンテナ'],
    ['サーバーのーあイメージ'],
    ['ｲﾒｰｼﾞのｺﾝﾃﾅ'],
    ['か\u3099コンテナ'],
    ['\u{1F200}あコンテナ'],
    ['ΑΣあカ'],
    ['、コンテナ。の、。イメージ'],
    ['docker-composeのコンテナ'],
  ])('gives the tokens tokenize gives for %j', (text) => {
    const vocabulary = new Vocabulary();
    expect(tokensOf(vocabulary, text)).toEqual(tokenize(text, { slack: false }));
    expect(tokensOf(vocabulary, text)).toEqual(tokenize(text, { slack: false }));
  });

  it('gives the tokens tokenize gives with the concepts applied, for every text of the shipped knowledge', () => {
    const kb = loadKnowledge(DEFAULT_KNOWLEDGE_DIR);
    const concepts = buildConceptMap(kb.concepts ?? []);
    const vocabulary = new Vocabulary(concepts);
    const texts = kb.topics.flatMap((topic) => [
      ...topic.aliases.ja,
      topic.title.ja,
      ...topic.examples.ja,
      topic.answer.ja,
      // a concept of several tokens (立ち上げ → 立, 上) spans phrases: 立|ち|上|げ
      'コンテナを立ち上げる',
    ]);
    const expected = (text: string) =>
      applyConcepts(tokenize(text, { slack: false }), concepts, String, (_, concept) => concept);
    const mismatches = texts.filter(
      (text) => tokensOf(vocabulary, text).join('|') !== expected(text).join('|'),
    );
    expect(mismatches).toEqual([]);
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
