import { describe, expect, it } from 'vitest';
import { createAnswerService } from '../../src/answers/answer-service.js';
import { normalizePhrasing } from '../../src/search/learned.js';
import { realKnowledge } from '../fakes/deps.js';

describe('When a maintainer has taught a phrasing', () => {
  const kb = realKnowledge();

  it('answers the taught question with its topic, however it is cased or punctuated', () => {
    const service = createAnswerService(kb);
    expect(service.answer('my files vanish between runs').topic).not.toBe('volumes');

    service.learn([{ phrasing: 'My files vanish between runs', topic: 'volumes' }]);
    for (const asked of [
      'my files vanish between runs',
      'MY FILES VANISH BETWEEN RUNS?',
      ' my  files vanish between runs!',
    ]) {
      const answer = service.answer(asked);
      expect(answer).toMatchObject({ answered: true, topic: 'volumes', score: 1 });
    }
  });

  it('serves the phrasing as an alias of its topic, so a near wording is answered too', () => {
    const service = createAnswerService(kb, [
      { phrasing: 'where does my stuff live between runs', topic: 'volumes' },
    ]);
    expect(service.current().engine.topics.find((topic) => topic.id === 'volumes')?.aliases.en).toContain(
      'where does my stuff live between runs',
    );
    expect(service.answer('where does stuff live between runs').topic).toBe('volumes');
  });

  it('keeps the phrasings when the knowledge is reloaded, and drops them when unlearned', () => {
    const service = createAnswerService(kb, [{ phrasing: 'kb keeps forgetting stuff', topic: 'volumes' }]);
    service.replace(kb);
    expect(service.answer('kb keeps forgetting stuff').topic).toBe('volumes');
    service.learn([]);
    expect(service.answer('kb keeps forgetting stuff').topic).toBeNull();
  });

  it('ignores a phrasing of a topic that no longer exists', () => {
    const service = createAnswerService(kb, [{ phrasing: 'kb keeps forgetting stuff', topic: 'gone-topic' }]);
    expect(service.answer('kb keeps forgetting stuff').topic).toBeNull();
  });

  it('rebuilds the index of every topic and a thousand phrasings without trouble', () => {
    const learned = Array.from({ length: 1000 }, (_, i) => ({
      phrasing: `taught question number ${i}`,
      topic: 'image',
    }));
    const service = createAnswerService(kb);
    service.learn(learned);
    expect(service.answer('taught question number 999').topic).toBe('image');
  });
});

describe('Normalising a phrasing', () => {
  it('folds case, width, spaces and punctuation, and keeps Japanese', () => {
    expect(normalizePhrasing('  Where do  my files GO?? ')).toBe('where do my files go');
    expect(normalizePhrasing('ＤＯＣＫＥＲ ボリュームとは？')).toBe('docker ボリュームとは');
  });
});
