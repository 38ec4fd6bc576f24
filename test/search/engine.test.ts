import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/paths.js';
import { createAnswerEngine, type AnswerEngine } from '../../src/search/engine.js';
import { topic } from '../factories.js';

describe('The answer engine over the shipped knowledge', () => {
  let engine: AnswerEngine;
  beforeAll(() => {
    engine = createAnswerEngine(loadKnowledge(DEFAULT_KNOWLEDGE_DIR).topics);
  });
  const answer = (question: string) => engine.search(question).topic?.id ?? null;

  it('answers a plain question with its topic', () => {
    expect(answer('what is a volume')).toBe('volumes');
    expect(answer('Dockerfileの書き方')).toBe('dockerfile');
  });

  it('tells the containers that are running (docker ps) from running one (docker run)', () => {
    expect(answer('how do I see which containers are running')).toBe('docker-ps');
    expect(answer('how do I run a container')).toBe('docker-run');
  });

  it('tolerates typos', () => {
    expect(answer('kubernets')).toBe('kubernetes');
    expect(answer('waht is an imgae')).toBe('image');
  });

  it('ignores Slack markup around the question', () => {
    expect(answer('<@U024BE7LH> <!here> what is docker compose')).toBe('docker-compose');
  });

  it('answers in the language of the question', () => {
    expect(engine.search('what is an image').lang).toBe('en');
    expect(engine.search('dockerのimageって何').lang).toBe('ja');
    expect(answer('dockerのimageって何')).toBe('image');
  });

  it('prefers the topic a short question names over topics that merely mention it', () => {
    expect(answer('container')).toBe('container');
    expect(answer('image vs container')).toBe('container-vs-image');
  });

  it('does not answer off-topic questions', () => {
    for (const question of [
      "what's the weather",
      '今日のランチ',
      'git rebase vs merge',
      'hello',
      '🐳🐳🐳',
      '',
    ]) {
      const result = engine.search(question);
      expect(result.answered, question).toBe(false);
      expect(result.topic, question).toBeNull();
    }
  });

  it('suggests at most three topics when it is unsure', () => {
    const result = engine.search('docker');
    expect(result.suggestions.length).toBeLessThanOrEqual(3);
  });

  it('answers a pasted 4,000-character question without trouble', () => {
    const result = engine.search(`how do I publish a port ${'x'.repeat(4000)}`);
    expect(result.lang).toBe('en');
  });

  it('is deterministic', () => {
    expect(engine.search('イメージを小さくしたい')).toEqual(engine.search('イメージを小さくしたい'));
  });
});

describe('The answer engine over a tiny knowledge base', () => {
  const engine = createAnswerEngine([
    topic({ id: 'volumes', aliases: { en: ['named volume', 'volume mount'], ja: ['ボリューム'] } }),
    topic({
      id: 'bind-mounts',
      aliases: { en: ['bind mount', 'mount a host folder'], ja: ['バインドマウント'] },
    }),
    topic({ id: 'networks', aliases: { en: ['container network'], ja: ['ネットワーク'] } }),
  ]);

  it('gives a confidence score between 0 and 1', () => {
    const result = engine.search('named volume');
    expect(result.topic?.id).toBe('volumes');
    expect(result.score).toBeGreaterThan(0.75);
    expect(result.score).toBeLessThanOrEqual(1);
    expect(result.suggestions).toEqual([]);
  });

  it('scores zero and suggests nothing when no word is known', () => {
    expect(engine.search('lunch menu')).toMatchObject({ answered: false, score: 0, suggestions: [] });
  });

  it('offers the close topics instead of guessing between them', () => {
    const result = engine.search('mount');
    expect(result.answered).toBe(false);
    expect(result.suggestions.map((t) => t.id).sort()).toEqual(['bind-mounts', 'volumes']);
  });
});
