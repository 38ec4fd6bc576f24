import type { Button, KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { parseQuizChoice, quizChoiceValue, weeklyQuizQuestionId } from '../../src/answers/button-values.js';
import { weeklyQuizMessage } from '../../src/answers/quiz-messages.js';
import { parseDockerCommand, runDockerCommand } from '../../src/conversation/docker-command.js';
import type { Asker, Reply } from '../../src/conversation/request.js';
import { answerQuizButton } from '../../src/conversation/study.js';
import type { Lang } from '../../src/knowledge/types.js';
import type { QuizPost, TipLang } from '../../src/store/store.js';
import { createTestDeps, FIXED_NOW, realKnowledge, type TestDeps } from '../fakes/deps.js';

const CHANNEL = 'C0WEEKLY';

function asker(userId = 'U0ADMIN', lang: Lang = 'en', timeZone?: string): Asker {
  return {
    userId,
    channelId: CHANNEL,
    surface: 'command',
    requestId: 'trigger-w',
    profile: async () => ({ lang, ...(timeZone ? { timeZone } : {}) }),
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

const said = (reply: Reply | null) => `${reply?.message.text ?? ''} ${JSON.stringify(reply?.message.blocks)}`;

describe('/docker quiz subscribe, unsubscribe and status', () => {
  it("subscribes the channel for Monday 10:00 by default, in the asker's language and time zone", async () => {
    const t = createTestDeps();
    const reply = await docker(t, 'quiz subscribe', asker('U0ADMIN', 'en', 'Europe/Paris'));

    expect(reply.visibility).toBe('private');
    expect(await t.store.getQuizSubscription(CHANNEL)).toEqual({
      channel: CHANNEL,
      weekday: 1,
      time: '10:00',
      lang: 'en',
      timeZone: 'Europe/Paris',
      subscriber: 'U0ADMIN',
      pausedReason: null,
    });
    expect(reply.message.text).toContain('every Monday at 10:00 (Europe/Paris)');
  });

  it.each([
    ['quiz subscribe fri 15:30 ja tz=Asia/Tokyo', 5, '15:30', 'ja', 'Asia/Tokyo'],
    ['quiz subscribe 金曜 9:05 both', 5, '09:05', 'both', 'UTC'],
    ['quiz subscribe 月曜', 1, '10:00', 'ja', 'UTC'],
    ['quiz subscribe wednesday 18:00 en', 3, '18:00', 'en', 'UTC'],
    ['quiz subscribe 日 07:00', 0, '07:00', 'ja', 'UTC'],
  ])('reads "%s"', async (command, weekday, time, lang, timeZone) => {
    const t = createTestDeps();
    await docker(t, command);
    expect(await t.store.getQuizSubscription(CHANNEL)).toMatchObject({ weekday, time, lang, timeZone });
  });

  it('answers in Japanese when the words are Japanese', async () => {
    const t = createTestDeps();
    const reply = await docker(t, 'クイズ subscribe 水曜 12:00');
    expect(reply.message.text).toContain('毎週水曜日 12:00 (UTC)');
  });

  it.each([
    ['quiz subscribe fri 25:00', '"25:00" is not a time of day'],
    ['quiz subscribe someday', 'I don\'t understand "someday"'],
    ['quiz subscribe tz=Mars/Olympus', '"Mars/Olympus" is not a time zone'],
  ])('explains "%s" and shows the usage, subscribing nothing', async (command, problem) => {
    const t = createTestDeps();
    const reply = await docker(t, command);
    expect(reply.message.text).toContain(problem);
    expect(reply.message.text).toContain('Usage: `/docker quiz subscribe [weekday] [HH:MM] [en|ja|both]');
    expect(await t.store.getQuizSubscription(CHANNEL)).toBeNull();
  });

  it('tells the status: none, then the schedule with the next quiz, then paused with why', async () => {
    const t = createTestDeps();
    expect((await docker(t, 'quiz status')).message.text).toContain('This channel has no weekly quiz');

    await docker(t, 'quiz subscribe tue 08:30 both tz=Asia/Tokyo');
    const status = (await docker(t, 'quiz status')).message.text;
    expect(status).toContain('every Tuesday at 08:30 (Asia/Tokyo), in English and Japanese');
    // FIXED_NOW is Sunday 1 June 2025: the next Tuesday is the 3rd.
    expect(FIXED_NOW.getUTCDay()).toBe(0);
    expect(status).toMatch(/Next quiz: Tue,? 3 Jun,? 08:30\./);

    await t.store.pauseQuizSubscription(CHANNEL, 'not_in_channel');
    expect((await docker(t, 'quiz status')).message.text).toContain(
      'The weekly quiz here is paused: not_in_channel',
    );
  });

  it('unsubscribes once, and says so when there was nothing to stop', async () => {
    const t = createTestDeps();
    await docker(t, 'quiz subscribe');
    expect((await docker(t, 'quiz unsubscribe')).message.text).toBe(
      'No more weekly quizzes in this channel.',
    );
    expect(await t.store.getQuizSubscription(CHANNEL)).toBeNull();
    expect((await docker(t, 'quiz unsubscribe')).message.text).toContain('This channel has no weekly quiz');
  });

  it('leaves the tip of the day alone', async () => {
    const t = createTestDeps();
    await docker(t, 'tip subscribe 09:00');
    await docker(t, 'quiz subscribe');
    await docker(t, 'quiz unsubscribe');
    expect(await t.store.getTipSubscription(CHANNEL)).not.toBeNull();
  });

  it('is listed by /docker help in both languages', async () => {
    const t = createTestDeps();
    expect(said(await docker(t, 'help'))).toContain('/docker quiz subscribe [weekday] [HH:MM] [en|ja|both]');
    expect(said(await docker(t, 'ヘルプ'))).toContain('/docker quiz subscribe [曜日] [HH:MM] [en|ja|both]');
  });
});

/** A weekly quiz post stored as the scheduler stores it, and its message. */
async function posted(t: TestDeps, lang: TipLang = 'en', overrides: Partial<QuizPost> = {}) {
  const post: QuizPost = {
    channel: CHANNEL,
    localDate: '2025-06-02',
    topic: 'container',
    item: 0,
    lang,
    ts: '1750000000.000100',
    postedAt: FIXED_NOW,
    ...overrides,
  };
  await t.store.recordQuizPost(post);
  const topic = realKnowledge().byId.get(post.topic);
  if (!topic) throw new Error('no topic');
  const message = weeklyQuizMessage({
    topic,
    item: post.item,
    lang,
    channel: CHANNEL,
    localDate: post.localDate,
    scope: 'a',
  });
  const buttons = (message.blocks ?? []).flatMap((block: KnownBlock) =>
    block.type === 'actions' ? (block.elements as Button[]) : [],
  );
  const quiz = topic.quiz[post.item];
  const value = (right: boolean) =>
    buttons.find((b) => (parseQuizChoice(b.value ?? '')?.choice === quiz?.answer) === right)?.value ?? '';
  return { post, message, buttons, right: value(true), wrong: value(false) };
}

function clicker(userId: string, lang: Lang = 'en', channelId = CHANNEL): Asker {
  return {
    userId,
    channelId,
    surface: 'button',
    requestId: `click-${userId}`,
    profile: async () => ({ lang }),
  };
}

describe('A click on a weekly quiz post', () => {
  it('shows the question for everyone, names nobody, and has a button per choice', async () => {
    const t = createTestDeps();
    const { message, buttons } = await posted(t);
    const quiz = realKnowledge().byId.get('container')?.quiz[0];
    expect(message.text).toContain(quiz?.question.en.slice(0, 30));
    expect(buttons.map((b) => b.action_id)).toEqual(quiz?.choices.en.map((_, i) => `quiz_answer:${i}`));
    expect(parseQuizChoice(buttons[0]?.value ?? '')?.question).toBe(
      weeklyQuizQuestionId(CHANNEL, '2025-06-02'),
    );
  });

  it('answers the clicker privately with right or wrong, the explanation and the doc link, and counts it', async () => {
    const t = createTestDeps();
    const { right, wrong } = await posted(t);
    const quiz = realKnowledge().byId.get('container')?.quiz[0];

    const yes = await answerQuizButton(t.deps, clicker('U1'), right);
    expect(yes?.visibility).toBe('private');
    expect(said(yes)).toContain('Right!');
    expect(said(yes)).toContain(quiz?.explain.en.slice(0, 30));
    expect(said(yes)).toContain('docs.docker.com');
    const no = await answerQuizButton(t.deps, clicker('U2'), wrong);
    expect(said(no)).toContain('Not quite');

    expect(await t.store.tallyQuizPost(CHANNEL, '2025-06-02')).toEqual({ answered: 2, right: 1 });
  });

  it('counts a double click once: the first answer stays, the second click is told so', async () => {
    const t = createTestDeps();
    const { right, wrong } = await posted(t);
    await answerQuizButton(t.deps, clicker('U1'), wrong);
    const again = await answerQuizButton(t.deps, clicker('U1'), right);

    expect(again?.message.text).toBe(
      'You have already answered this quiz: your first answer is the one that counts.',
    );
    expect(await t.store.tallyQuizPost(CHANNEL, '2025-06-02')).toEqual({ answered: 1, right: 0 });
  });

  it("answers a bilingual post in the clicker's language", async () => {
    const t = createTestDeps();
    const { right, buttons } = await posted(t, 'both');
    expect(buttons.map((b) => b.text.text)).toEqual(['1', '2', '3', '4'].slice(0, buttons.length));
    expect(said(await answerQuizButton(t.deps, clicker('U1', 'ja'), right))).toContain('正解です');
  });

  it("ignores and logs a forged value: another channel's post, a post never made, another question", async () => {
    const t = createTestDeps();
    const { right } = await posted(t);
    const ref = parseQuizChoice(right);
    if (!ref) throw new Error('unreadable');

    expect(await answerQuizButton(t.deps, clicker('U1', 'en', 'C0OTHER'), right)).toBeNull();
    expect(t.logged("weekly quiz button for another channel's post")).toMatchObject({ user: 'U1' });

    const never = quizChoiceValue({ ...ref, question: weeklyQuizQuestionId(CHANNEL, '2025-05-26') });
    expect(await answerQuizButton(t.deps, clicker('U1'), never)).toBeNull();
    expect(t.logged('weekly quiz button for a post never made')).toBeDefined();

    const other = quizChoiceValue({
      ...ref,
      topic: 'image',
      choice: realKnowledge().byId.get('image')?.quiz[0]?.answer ?? 0,
    });
    expect(await answerQuizButton(t.deps, clicker('U1'), other)).toBeNull();
    expect(t.logged('weekly quiz button that does not match its post')).toBeDefined();

    const outOfRange = quizChoiceValue({ ...ref, choice: 9 });
    expect(await answerQuizButton(t.deps, clicker('U1'), outOfRange)).toBeNull();

    expect(await t.store.tallyQuizPost(CHANNEL, '2025-06-02')).toEqual({ answered: 0, right: 0 });
  });
});
