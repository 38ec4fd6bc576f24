import { describe, expect, it } from 'vitest';
import { detectLang, normalizeText, stripSlackMarkup } from '../../src/search/normalize.js';
import { stem, tokenize, tokenizeDetailed } from '../../src/search/tokenize.js';

describe('stripSlackMarkup', () => {
  it('removes mentions, channels and broadcasts and keeps a link label', () => {
    expect(
      stripSlackMarkup('<@U123> what <#C123|general> <!here> <https://x.test|image docs> <!subteam^S1>'),
    ).toMatch(/^\s*what\s+image docs\s*$/);
  });

  it('decodes the three entities Slack escapes', () => {
    expect(stripSlackMarkup('a &lt;b&gt; &amp; c')).toBe('a <b> & c');
  });
});

describe('normalizeText', () => {
  it('folds full-width letters, half-width katakana and case', () => {
    expect(normalizeText('ＤＯＣＫＥＲ ｲﾒｰｼﾞ')).toBe('docker イメージ');
  });

  it('turns control and bidi characters into spaces', () => {
    expect(normalizeText('do\u202ecker\u0007')).toBe('do cker ');
  });

  it('replaces exactly the control, format, private-use and unassigned characters, in every block it skips checking', () => {
    // The blocks normalizeText passes without its regular expression, and their neighbours.
    const unprintable = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/u;
    for (const [from, to] of [
      [0x00, 0xff],
      [0x2000, 0x206f],
      [0x3000, 0x3100],
      [0x4dff, 0x4e00],
      [0x9fff, 0xa000],
      [0xe000, 0xe001],
    ] as const) {
      for (let code = from; code <= to; code++) {
        const char = String.fromCharCode(code);
        const folded = char.normalize('NFKC').toLowerCase();
        const expected = [...folded].map((c) => (unprintable.test(c) ? ' ' : c)).join('');
        expect(normalizeText(`a${char}b`, { slack: false }), `U+${code.toString(16)}`).toBe(`a${expected}b`);
      }
    }
  });
});

describe('tokenize', () => {
  it('drops question phrasing in English', () => {
    expect(tokenize('What is an image?')).toEqual(['image']);
    expect(tokenize('How do I stop running containers')).toEqual(['stop', 'running', 'container']);
  });

  it('drops chat abbreviations and fillers, which say nothing about the topic', () => {
    expect(tokenize('imo tbh idk what a volume is lol')).toEqual(['volume']);
    expect(tokenize('ぶっちゃけボリュームっていうのは')).toEqual(['ボリューム']);
  });

  it('drops one- and two-digit numbers (counts, times) but keeps ports and versions', () => {
    expect(tokenize('coffee at 3? keep 2 replicas')).toEqual(['coffee', 'replica']);
    expect(tokenize('port 8080 in use')).toContain('8080');
  });

  it('drops question phrasing in Japanese', () => {
    expect(tokenize('コンテナとは何ですか？')).toEqual(['コンテナ']);
    expect(tokenize('イメージって何？教えて')).toEqual(['イメージ']);
  });

  it('splits mixed Japanese and English', () => {
    expect(tokenize('dockerのimageって何')).toEqual(['docker', 'image']);
  });

  it('keeps "vs" because it asks for a comparison', () => {
    expect(tokenize('image versus container')).toEqual(['image', 'vs', 'container']);
  });

  it('reduces inflected Japanese verbs to their kanji stem', () => {
    expect(tokenize('動かす')).toEqual(tokenize('動かして'));
  });

  it('keeps the short hiragana words that carry meaning and drops inflection endings', () => {
    expect(tokenize('コンテナがすぐ止まる')).toEqual(['コンテナ', 'すぐ', '止']);
    expect(tokenize('なぜ止まる')).toEqual(['なぜ', '止']);
  });

  it('adds a compound for Japanese nouns written together, and only then', () => {
    expect(tokenize('コンテナイメージ')).toEqual(['コンテナ', 'コンテナイメージ', 'イメージ']);
    expect(tokenize('コンテナのイメージ')).toEqual(['コンテナ', 'イメージ']);
  });

  it('folds the katakana long-vowel spelling variants', () => {
    expect(tokenize('サーバー')).toEqual(tokenize('サーバ'));
  });
});

describe('Everyday Japanese words', () => {
  it('are not content: 仕組み, 目的, 手順 and the like say nothing about a topic', () => {
    for (const word of [
      '仕組み',
      '目的',
      '手順',
      '違和感',
      '中身',
      '役割',
      '方法',
      '場合',
      '今',
      '会社',
      'チーム',
    ]) {
      expect(tokenize(`${word}について`), word).toEqual([]);
    }
    expect(tokenize('コンテナの仕組みと目的')).toEqual(['コンテナ']);
  });

  it('are still handed to the engine, marked, so that it can weigh them as context', () => {
    const tokens = tokenizeDetailed('会社のチームでコンテナの仕組み');
    expect(tokens.filter((token) => token.everyday).map((token) => token.text)).toEqual([
      '会社',
      'チーム',
      '仕組',
    ]);
    expect(tokens.filter((token) => !token.everyday).map((token) => token.text)).toEqual(['コンテナ']);
  });
});

describe('stem', () => {
  it('meets plurals and verb forms', () => {
    expect(stem('containers')).toBe('container');
    expect(stem('pulled')).toBe('pull');
    expect(stem('tagged')).toBe('tag');
    expect(stem('images')).toBe('image');
    expect(stem('ps')).toBe('ps');
  });

  it('keeps "running" whole: a running container is a state, not the verb of docker run', () => {
    expect(stem('running')).toBe('running');
  });
});

describe('detectLang', () => {
  it('answers in Japanese when the question has kana or kanji', () => {
    expect(detectLang('dockerのimageって何')).toBe('ja');
    expect(detectLang('what is an image')).toBe('en');
    expect(detectLang('<@U123|たなか> image')).toBe('en');
  });
});
