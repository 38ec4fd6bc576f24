import type { Button, KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { parseQuizChoice, quizChoiceValue } from '../../src/answers/button-values.js';
import { parseDockerCommand, runDockerCommand } from '../../src/conversation/docker-command.js';
import type { Asker, Reply } from '../../src/conversation/request.js';
import { answerQuizButton, studyStepButton } from '../../src/conversation/study.js';
import type { Lang } from '../../src/knowledge/types.js';
import { createTestDeps, FIXED_NOW, realKnowledge, type TestDeps } from '../fakes/deps.js';

const DAY_MS = 24 * 60 * 60 * 1000;

function asker(userId = 'U0LEARN', lang: Lang = 'en'): Asker {
  return {
    userId,
    channelId: 'C0STUDY',
    surface: 'command',
    requestId: 'trigger-s',
    profile: async () => ({ lang }),
  };
}

async function docker(t: TestDeps, text: string, who: Asker = asker()): Promise<Reply> {
  const delivered: Reply[] = [];
  await runDockerCommand(t.deps, who, parseDockerCommand(text), async (reply) => {
    delivered.push(reply);
    return null;
  });
  expect(delivered).toHaveLength(1);
  return delivered[0] as Reply;
}

function buttons(reply: Reply | null): Button[] {
  return (reply?.message.blocks ?? []).flatMap((block: KnownBlock) =>
    block.type === 'actions' ? (block.elements as Button[]) : [],
  );
}

/** The value of the button whose action id starts with `prefix`, and for a quiz, whose choice is right or wrong. */
function choice(reply: Reply, right: boolean): string {
  const kb = realKnowledge();
  const found = buttons(reply).find((b) => {
    const ref = b.action_id?.startsWith('quiz_answer:') ? parseQuizChoice(b.value ?? '') : null;
    return ref && (ref.choice === kb.byId.get(ref.topic)?.quiz[ref.item]?.answer) === right;
  });
  if (!found?.value) throw new Error('no such choice');
  return found.value;
}

const text = (reply: Reply | null) => JSON.stringify(reply?.message.blocks ?? []);

describe('Parsing the study subcommands', () => {
  it.each([
    ['quiz', 'quiz', []],
    ['quiz image', 'quiz', ['image']],
    ['クイズ basics', 'quiz', ['basics']],
    ['learn', 'learn', []],
    ['learn reset', 'learn', ['reset']],
    ['学習 everyday', 'learn', ['everyday']],
  ])('reads "%s" as %s %j', (input, kind, args) => {
    expect(parseDockerCommand(input)).toMatchObject({ kind, args });
  });
});

describe('/docker quiz', () => {
  it('asks the first question of the basics privately, with a button per choice, and remembers it was shown', async () => {
    const t = createTestDeps();
    const reply = await docker(t, 'quiz');
    expect(reply.visibility).toBe('private');
    const first = realKnowledge().byId.get('container')?.quiz[0];
    expect(text(reply)).toContain(first?.question.en.slice(0, 30));
    expect(buttons(reply).map((b) => b.action_id)).toEqual(
      first?.choices.en.map((_, i) => `quiz_answer:${i}`),
    );
    const ref = parseQuizChoice(buttons(reply)[0]?.value ?? '');
    expect(await t.store.getQuizQuestion(ref?.question ?? '')).toMatchObject({
      userId: 'U0LEARN',
      topic: 'container',
      item: 0,
    });
  });

  it('asks about one topic, in Japanese when asked in Japanese, and explains an unknown word', async () => {
    const t = createTestDeps();
    const reply = await docker(t, 'クイズ volumes');
    expect(text(reply)).toContain(realKnowledge().byId.get('volumes')?.quiz[0]?.question.ja.slice(0, 10));
    expect((await docker(t, 'quiz nonsense')).message.text).toContain(
      '"nonsense" is neither a topic nor a track',
    );
  });

  it('says right or wrong with the explanation, the doc link and Next question, once per question', async () => {
    const t = createTestDeps();
    const question = await docker(t, 'quiz image');
    const wrong = await answerQuizButton(t.deps, asker(), choice(question, false));
    expect(wrong?.message.text).toContain('❌');
    expect(text(wrong)).toContain(realKnowledge().byId.get('image')?.quiz[0]?.explain.en.slice(0, 30));
    expect(text(wrong)).toContain('https://docs.docker.com/');
    expect(buttons(wrong).map((b) => b.action_id)).toEqual(['quiz_next']);

    // A double click (or the other choice after the first): ignored, and only the first counts.
    expect(await answerQuizButton(t.deps, asker(), choice(question, true))).toBeNull();
    expect(await t.store.listQuizAnswers('U0LEARN')).toEqual([
      { topic: 'image', item: 0, correct: false, at: FIXED_NOW },
    ]);

    const next = await studyStepButton(t.deps, asker(), buttons(wrong)[0]?.value ?? '');
    const right = await answerQuizButton(t.deps, asker(), choice(next as Reply, true));
    expect(right?.message.text).toContain('✅');
  });

  it('brings a missed question back after a day by the scheduling clock, before new ones', async () => {
    const t = createTestDeps();
    await answerQuizButton(t.deps, asker(), choice(await docker(t, 'quiz image'), false));
    await answerQuizButton(t.deps, asker(), choice(await docker(t, 'quiz image'), true));
    expect((await docker(t, 'quiz image')).message.text).toContain('You have answered every question here');

    t.deps.scheduleClock = () => new Date(FIXED_NOW.getTime() + DAY_MS);
    const review = await docker(t, 'quiz image');
    expect(review.message.text).toContain('Review: you missed this one before');
    expect(parseQuizChoice(buttons(review)[0]?.value ?? '')).toMatchObject({ topic: 'image', item: 0 });
  });

  describe('When a quiz button is forged', () => {
    async function shown(t: TestDeps) {
      const reply = await docker(t, 'quiz image');
      return parseQuizChoice(choice(reply, true))!;
    }

    it.each([
      [
        'an unknown topic',
        { topic: 'no-such-topic' },
        'quiz button for a question the knowledge does not have',
      ],
      ['an item out of range', { item: 99 }, 'quiz button for a question the knowledge does not have'],
      ['a choice out of range', { choice: 7 }, 'quiz button for a question the knowledge does not have'],
      ['another item than was shown', { item: 1 }, 'quiz button that does not match its question'],
      ['a question never shown', { question: 'made-up' }, 'quiz button for a question instance never shown'],
    ])('ignores %s and logs it', async (_label, change, message) => {
      const t = createTestDeps();
      const ref = { ...(await shown(t)), ...change };
      expect(await answerQuizButton(t.deps, asker(), quizChoiceValue(ref))).toBeNull();
      expect(t.logged(message)).toMatchObject({ level: 'warn', user: 'U0LEARN' });
      expect(await t.store.listQuizAnswers('U0LEARN')).toEqual([]);
    });

    it("ignores someone else's question and logs it", async () => {
      const t = createTestDeps();
      const ref = await shown(t);
      expect(await answerQuizButton(t.deps, asker('U0OTHER'), quizChoiceValue(ref))).toBeNull();
      expect(t.logged("quiz button for someone else's question")).toMatchObject({
        level: 'warn',
        user: 'U0OTHER',
      });
      expect(await t.store.listQuizAnswers('U0OTHER')).toEqual([]);
      expect(await t.store.listQuizAnswers('U0LEARN')).toEqual([]);
    });

    it('ignores an unreadable value and logs it', async () => {
      const t = createTestDeps();
      expect(await answerQuizButton(t.deps, asker(), '{"q":1}')).toBeNull();
      expect(await studyStepButton(t.deps, asker(), '{"s":"l:no-track","l":"en"}')).toBeNull();
      expect(t.logged('quiz button with an unreadable value')).toBeDefined();
      expect(t.logged('study button with an unreadable value')).toBeDefined();
    });
  });
});

describe('/docker learn', () => {
  it('lists the tracks with progress, a streak and Continue, and leads through a lesson', async () => {
    const t = createTestDeps();
    const overview = await docker(t, 'learn');
    expect(text(overview)).toContain('0 / 20 lessons done');
    const [continueButton] = buttons(overview);
    expect(continueButton).toMatchObject({ action_id: 'learn_continue:basics', style: 'primary' });

    const lesson = await studyStepButton(t.deps, asker(), continueButton?.value ?? '');
    const container = realKnowledge().byId.get('container');
    expect(lesson?.message.blocks[0]).toMatchObject({ type: 'header' });
    expect(text(lesson)).toContain('Lesson 1/20');
    expect(text(lesson)).toContain(container?.answer.en.slice(0, 40));

    const result = await answerQuizButton(t.deps, asker(), choice(lesson as Reply, true));
    const second = await studyStepButton(t.deps, asker(), buttons(result)[0]?.value ?? '');
    expect(text(second)).toContain('Lesson 1/20');
    expect(text(second)).not.toContain(container?.answer.en.slice(0, 40));
    const done = await answerQuizButton(t.deps, asker(), choice(second as Reply, false));
    expect(await t.store.listLessonsDone('U0LEARN')).toEqual([{ topic: 'container', at: FIXED_NOW }]);

    const third = await studyStepButton(t.deps, asker(), buttons(done)[0]?.value ?? '');
    expect(text(third)).toContain('Lesson 2/20');
    const after = await docker(t, 'learn');
    expect(text(after)).toContain('1 / 20 lessons done');
    expect(text(after)).toContain('1-day streak');
  });

  it('starts a track by name, and resets only the asker’s progress', async () => {
    const t = createTestDeps();
    const lesson = await docker(t, 'learn kubernetes');
    expect(text(lesson)).toContain('Lesson 1/');
    await answerQuizButton(t.deps, asker(), choice(lesson, true));
    await answerQuizButton(t.deps, asker('U0OTHER'), choice(await docker(t, 'quiz', asker('U0OTHER')), true));

    expect((await docker(t, 'learn reset')).message.text).toContain('progress is reset');
    expect(await t.store.listQuizAnswers('U0LEARN')).toEqual([]);
    expect(await t.store.listQuizAnswers('U0OTHER')).toHaveLength(1);
    expect((await docker(t, 'learn nowhere')).message.text).toContain('"nowhere" is not a track');
  });

  it('answers politely when the store is down', async () => {
    const t = createTestDeps();
    t.store.failWith('listQuizAnswers', new Error('database is down'));
    expect((await docker(t, 'quiz')).message.text).toContain('something went wrong');
    expect(t.logged('could not pick the next question')).toMatchObject({ level: 'error' });
  });
});
