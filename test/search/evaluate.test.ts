import { describe, expect, it } from 'vitest';
import { calibrate, decisions, evaluate, type EvalAnswer, type EvalCase } from '../../src/search/evaluate.js';

const evalCase = (accept: string[], line = 1): EvalCase => ({ question: `q${line}`, accept, line });

describe('The calibration table', () => {
  const bandOf = (answer: EvalAnswer) => {
    const bands = calibrate([{ case: evalCase(['volumes']), answer }]);
    return bands.find((band) => band.questions === 1)?.band;
  };

  it('puts a score on a tenth boundary in the band it opens, and a full score in the last', () => {
    expect(bandOf({ topic: 'volumes', score: 0.3 })).toBe('0.3–0.4');
    expect(bandOf({ topic: null, score: 0.299 })).toBe('0.2–0.3');
    expect(bandOf({ topic: 'volumes', score: 0.7 })).toBe('0.7–0.8');
    expect(bandOf({ topic: 'volumes', score: 1 })).toBe('0.9–1.0');
    expect(bandOf({ topic: null, score: 0 })).toBe('0.0–0.1');
  });

  it('keeps the answers an error fragment decided apart', () => {
    expect(bandOf({ topic: 'volumes', score: 1, errorMatch: 'volume is in use' })).toBe('error match');
  });

  it('counts a question left unanswered though its best topic was right', () => {
    const report = evaluate([evalCase(['volumes']), evalCase(['volumes'], 2), evalCase([], 3)], (question) =>
      question === 'q3'
        ? { topic: null, score: 0.25, ranked: 'volumes' }
        : { topic: null, score: 0.25, ranked: question === 'q1' ? 'volumes' : 'bind-mounts' },
    );
    expect(calibrate(report.outcomes).find((band) => band.band === '0.2–0.3')).toEqual({
      band: '0.2–0.3',
      questions: 3,
      answered: 0,
      answeredRight: 0,
      unansweredRankedRight: 1,
      offTopic: 1,
      offTopicAnswered: 0,
    });
    expect(report).toMatchObject({ inScopeCorrect: 0, inScopeRankedFirst: 1, inScopeSuggested: 0 });
  });
});

describe('The two decisions, measured apart', () => {
  it('counts the domain judgements, then the ranking and the answers on each side', () => {
    const answers: Record<string, EvalAnswer> = {
      q1: { topic: 'volumes', score: 0.5, ranked: 'volumes', inDomain: true },
      q2: { topic: null, score: 0.2, ranked: 'volumes', inDomain: false },
      q3: { topic: null, score: 0.1, ranked: 'bind-mounts', inDomain: true },
      q4: { topic: 'image', score: 0.4, ranked: 'image', inDomain: false },
    };
    const report = evaluate(
      [evalCase(['volumes'], 1), evalCase(['volumes'], 2), evalCase([], 3), evalCase([], 4)],
      (question) => answers[question] as EvalAnswer,
    );
    expect(decisions(report.outcomes)).toEqual({
      inScope: 2,
      inScopeInDomain: 1,
      offTopic: 2,
      offTopicInDomain: 1,
      inDomainRankedFirst: 1,
      outOfDomainRankedFirst: 1,
      inDomainAnswered: 1,
      inDomainRight: 1,
      outOfDomainAnswered: 0,
      outOfDomainRight: 0,
      offTopicAnsweredInDomain: 0,
      offTopicAnsweredOutOfDomain: 1,
    });
  });
});
