import { describe, expect, it } from 'vitest';
import { comparisonOf } from '../../src/search/comparison.js';

describe('comparisonOf', () => {
  it('finds the two sides of the ways people compare, in English and Japanese', () => {
    expect(comparisonOf('nginx vs apache for a reverse proxy?')).toEqual({
      a: 'nginx',
      b: 'apache',
      asked: null,
    });
    expect(comparisonOf('what is the difference between a tag and a digest')).toEqual({
      a: 'tag',
      b: 'digest',
      asked: null,
    });
    expect(comparisonOf('PodmanとDockerの違いは？')).toEqual({ a: 'podman', b: 'docker', asked: null });
    expect(comparisonOf('AlpineとDebian、ベースにするならどっちがいい？')).toEqual({
      a: 'alpine',
      b: 'debian',
      asked: null,
    });
    expect(comparisonOf('volumeじゃなくてbind mountを使う理由')).toEqual({
      a: 'volume',
      b: 'bind mount',
      asked: 'b',
    });
  });

  it('reads "A or B" as a comparison only when the question asks for a choice', () => {
    expect(comparisonOf('which is better for logs, syslog or journald?')).toEqual({
      a: 'syslog',
      b: 'journald',
      asked: null,
    });
    expect(comparisonOf('can I stop or restart it from the UI')).toBeNull();
  });

  it('finds the sides of "AとBって何が違う" and "AってBと何が違う", the latter asking about A', () => {
    expect(comparisonOf('イメージとコンテナって何が違うの？')).toEqual({
      a: 'イメージ',
      b: 'コンテナ',
      asked: null,
    });
    expect(comparisonOf('VMとコンテナってどう違う？')).toEqual({ a: 'vm', b: 'コンテナ', asked: null });
    expect(comparisonOf('Podってコンテナと何が違うんですか？')).toEqual({
      a: 'pod',
      b: 'コンテナ',
      asked: 'a',
    });
  });

  it('finds "AとBって同じ", "is A just a B" and "is A the same as B", and B next to "と何が違う"', () => {
    expect(comparisonOf('Podとコンテナって同じもの？')).toEqual({ a: 'pod', b: 'コンテナ', asked: null });
    expect(comparisonOf('is a pod just a container with another name?')).toEqual({
      a: 'pod',
      b: 'container',
      asked: 'a',
    });
    expect(comparisonOf('is compose the same thing as swarm')).toEqual({
      a: 'compose',
      b: 'swarm',
      asked: 'a',
    });
    expect(comparisonOf('k8sってよく聞くけど、Dockerと何が違うの？')).toEqual({
      a: 'k8s',
      b: 'docker',
      asked: 'a',
    });
    expect(comparisonOf('my go image is 1.2GB lol, how do I ship just the compiled binary?')).toBeNull();
    // A side that only points back names nothing: the question says what "it" is elsewhere.
    expect(comparisonOf('what is a pod in kubernetes, is it the same thing as a container?')).toBeNull();
  });

  it('finds nothing in a question that compares nothing', () => {
    expect(comparisonOf('how do I run a container')).toBeNull();
    expect(comparisonOf('コンテナの起動方法')).toBeNull();
  });
});
