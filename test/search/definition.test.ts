import { describe, expect, it } from 'vitest';
import { definedTerm, quotedTerms } from '../../src/search/definition.js';

describe('definedTerm', () => {
  it('finds the term of the ways people ask what something is, in English', () => {
    expect(definedTerm('what is a container')).toBe('container');
    expect(definedTerm("sorry, dumb q: what's an image? is it like a screenshot")).toBe('image');
    expect(definedTerm('what even is a container? our PM keeps saying "just containerize it"')).toBe(
      'container',
    );
    expect(definedTerm('what exactly is a docker image, is it like an ISO?')).toBe('docker image');
    expect(definedTerm('what does kubernetes actually do for a team like ours')).toBe('kubernetes');
  });

  it('ends the term at an aside, a clause or punctuation, not at a word that goes on naming it', () => {
    expect(definedTerm('what is a container and why should I care?')).toBe('container');
    expect(definedTerm('what even is an image in this context, the devs keep saying it')).toBe('image');
    expect(definedTerm('what is a container in the docker sense')).toBe('container');
    expect(definedTerm('what is the image size limit')).toBe('image size limit');
    expect(definedTerm("what's a pod of whales")).toBe('pod of whales');
    expect(definedTerm('what is kubernetes in ancient greek')).toBe('kubernetes in ancient greek');
  });

  it('finds the term of the ways people ask it in Japanese, after context and before the asking words', () => {
    expect(definedTerm('そもそもコンテナって何ですか？PMなんですが')).toBe('コンテナ');
    expect(definedTerm('すみません、最近会議でよく出てくる「コンテナ」って結局なんなんでしょう？')).toBe(
      'コンテナ',
    );
    expect(definedTerm('エンジニアさんに言われたんですが、Dockerのイメージって何ですか？')).toBe('イメージ');
    expect(definedTerm('Docker Engineって具体的に何をしてるソフトですか')).toBe('docker engine');
    expect(definedTerm('ボリュームとは？')).toBe('ボリューム');
    expect(definedTerm('画像のことじゃないですよね？Dockerでいうイメージって何のこと？')).toBe('イメージ');
  });

  it('starts a Japanese term after a space or an emoji that ends the sentence before it', () => {
    expect(definedTerm('雰囲気でうなずいてます😇 そもそもコンテナって何なんですか？')).toBe('コンテナ');
    expect(definedTerm('朝会でよく聞きます そもそもイメージって何ですか')).toBe('イメージ');
  });

  it('finds no term in a question that asks no meaning, or asks 何 as a count', () => {
    expect(definedTerm('how do I run a container')).toBeNull();
    expect(definedTerm('クジラのポッドって何頭くらいの群れ？')).toBeNull();
    expect(definedTerm('Podってコンテナと何が違うんですか')).toBeNull();
    expect(
      definedTerm('what is the best way to run a long script inside a container every night'),
    ).toBeNull();
  });
});

describe('quotedTerms', () => {
  it('gives the terms a question quotes when it asks what something is without naming it there', () => {
    expect(
      quotedTerms('朝会でみんな「コンテナ」「コンテナ」って言ってるんですが、そもそも何なんでしょう'),
    ).toEqual(['コンテナ', 'コンテナ']);
    expect(quotedTerms('the devs keep saying "image" in standup. what is that?')).toEqual(['image']);
    expect(quotedTerms('we keep hearing "kubernetes" on calls. what does it do for us?')).toEqual([
      'kubernetes',
    ]);
    // "it" is no term: the question's term is the one it quotes.
    expect(definedTerm('we keep hearing "kubernetes" on calls. what does it do for us?')).toBeNull();
  });

  it('gives none when the question asks no meaning', () => {
    expect(quotedTerms('「イメージをpullしといて」って言われました。どうやるんですか')).toEqual([]);
    expect(quotedTerms('the devs keep saying "image" in standup, how do I build one?')).toEqual([]);
  });
});
