import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsole } from '../../src/console/console.js';
import { createTestDeps, realKnowledge, type TestDeps } from '../fakes/deps.js';

/** Runs the console over `lines` and returns everything it printed. */
async function session(lines: string[], t: TestDeps = createTestDeps()): Promise<string> {
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  await runConsole(t.deps, Readable.from(lines.map((line) => `${line}\n`)), output);
  return chunks.join('');
}

describe('Studying in the local console', () => {
  const container = realKnowledge().byId.get('container');
  const first = container?.quiz[0];
  const second = container?.quiz[1];

  it('shows a lesson, answers it with a typed number, and goes on with "next"', async () => {
    const t = createTestDeps();
    const right = (first?.answer ?? 0) + 1;
    const printed = await session(['/docker learn', '/docker learn basics', String(right), 'next'], t);

    expect(printed).toContain('0 / 20 lessons done');
    expect(printed).toContain('Lesson 1/20');
    expect(printed).toContain(`[1. ${first?.choices.en[0]?.slice(0, 20)}`);
    expect(printed).toContain('✅ Right!');
    expect(printed).toContain(second?.question.en);
    expect(await t.store.listQuizAnswers('console')).toMatchObject([
      { topic: 'container', item: 0, correct: true },
    ]);
  });

  it('answers /docker quiz with a number, and takes a number with no question pending as a question', async () => {
    const t = createTestDeps();
    const wrong = first?.answer === 0 ? 2 : 1;
    const printed = await session(['/docker quiz', String(wrong), String(wrong)], t);

    expect(printed).toContain('❌');
    expect(await t.store.listQuizAnswers('console')).toHaveLength(1);
  });
});
