import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseQuizChoice, quizChoiceValue } from '../../src/answers/button-values.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/paths.js';
import { startBot, type RunningBot } from './harness.js';
import { blockActionPayload, payloadBody, sendSigned, slashCommandBody } from '../support/signed.js';
import { StandInSlack } from '../support/stand-in-slack.js';

const FORM = 'application/x-www-form-urlencoded';
const DAY_MS = 24 * 60 * 60 * 1000;
const kb = loadKnowledge(DEFAULT_KNOWLEDGE_DIR);

let slack: StandInSlack;
let bot: RunningBot;
let replies = 0;

beforeAll(async () => {
  slack = await new StandInSlack().start();
  bot = await startBot(slack.url);
});

afterAll(async () => {
  await bot.stop();
  await slack.stop();
});

beforeEach(() => slack.reset());

interface Button {
  action_id: string;
  value: string;
}

interface Posted {
  text: string;
  blocks: string;
  buttons: Button[];
}

function posted(body: Record<string, unknown>): Posted {
  const blocks = (body.blocks ?? []) as { type: string; elements?: Button[] }[];
  return {
    text: String(body.text),
    blocks: JSON.stringify(blocks),
    buttons: blocks.flatMap((block) => (block.type === 'actions' ? (block.elements ?? []) : [])),
  };
}

async function waitForReply(id: string, what: string): Promise<Posted> {
  const reply = await slack.waitFor(what, () =>
    slack.responses().find((r) => r.method === `/response/${id}`),
  );
  return posted(reply.body);
}

/** `/docker <text>` as `user`, signed; the private reply that follows through response_url. */
async function docker(text: string, user: string): Promise<Posted> {
  const id = `study-${++replies}`;
  const res = await sendSigned(
    `${bot.url}/slack/events`,
    slashCommandBody({ text, user_id: user, response_url: slack.responseUrl(id) }),
    FORM,
  );
  expect(res.status).toBe(200);
  return waitForReply(id, `the reply to /docker ${text}`);
}

/** Clicks a button as `user`, signed; the private reply, or null when none comes. */
async function click(button: Button | undefined, user: string, expectReply = true): Promise<Posted | null> {
  if (!button) throw new Error('no such button');
  const id = `click-${++replies}`;
  const payload = blockActionPayload({
    actionId: button.action_id,
    value: button.value,
    responseUrl: slack.responseUrl(id),
    user,
  });
  const res = await sendSigned(`${bot.url}/slack/events`, payloadBody(payload), FORM);
  expect(res.status).toBe(200);
  if (expectReply) return waitForReply(id, `the reply to ${button.action_id}`);
  return null;
}

/** The right (or a wrong) choice among a question's buttons. */
function choice(question: Posted, right: boolean): Button {
  const found = question.buttons.find((b) => {
    const ref = b.action_id.startsWith('quiz_answer:') ? parseQuizChoice(b.value) : null;
    return ref !== null && (ref.choice === kb.byId.get(ref.topic)?.quiz[ref.item]?.answer) === right;
  });
  if (!found) throw new Error('no such choice');
  return found;
}

describe('Studying with the bot through Slack', () => {
  it('takes a learner through a lesson: learn → Continue → answer → Next question', async () => {
    const overview = await docker('learn', 'U0STUDY1');
    expect(overview.blocks).toContain('0 / 20 lessons done');
    const continueButton = overview.buttons.find((b) => b.action_id === 'learn_continue:basics');

    const lesson = await click(continueButton, 'U0STUDY1');
    const container = kb.byId.get('container');
    expect(lesson?.blocks).toContain('Lesson 1/20');
    expect(lesson?.blocks).toContain(container?.answer.en.slice(0, 40));

    const result = await click(choice(lesson as Posted, true), 'U0STUDY1');
    expect(result?.text).toContain('✅ Right!');
    expect(result?.blocks).toContain('https://docs.docker.com/');

    const next = await click(
      result?.buttons.find((b) => b.action_id === 'quiz_next'),
      'U0STUDY1',
    );
    expect(next?.blocks).toContain(container?.quiz[1]?.question.en.slice(0, 40));
    await click(choice(next as Posted, true), 'U0STUDY1');

    expect((await docker('learn', 'U0STUDY1')).blocks).toContain('1 / 20 lessons done');
  });

  it('brings a wrong answer back once its interval has passed on the scheduling clock', async () => {
    const start = new Date('2026-03-02T09:00:00Z');
    bot.scheduleClock.now = start;
    await click(choice(await docker('quiz image', 'U0STUDY2'), false), 'U0STUDY2');
    await click(choice(await docker('quiz image', 'U0STUDY2'), true), 'U0STUDY2');

    const waiting = await docker('quiz image', 'U0STUDY2');
    expect(waiting.text).toContain('come back for review');

    bot.scheduleClock.now = new Date(start.getTime() + DAY_MS);
    const review = await docker('quiz image', 'U0STUDY2');
    expect(review.text).toContain('Review: you missed this one before');
    expect(parseQuizChoice(review.buttons[0]?.value ?? '')).toMatchObject({ topic: 'image', item: 0 });
  });

  it("ignores a forged button (someone else's question, an index out of range) and logs it", async () => {
    const question = await docker('quiz', 'U0STUDY3');
    const theirs = choice(question, true);
    await click(theirs, 'U0INTRUDER', false);
    const ref = parseQuizChoice(theirs.value);
    const outOfRange = { ...theirs, value: quizChoiceValue({ ...ref!, item: 42 }) };
    await click(outOfRange, 'U0STUDY3', false);

    await slack.waitFor(
      'the warnings',
      () =>
        bot.logs.some((line) => line.includes("quiz button for someone else's question")) &&
        bot.logs.some((line) => line.includes('quiz button for a question the knowledge does not have')),
    );
    // The question is still open for the person it was shown to, and nothing else was posted.
    expect(slack.responses()).toHaveLength(1);
    const answered = await click(theirs, 'U0STUDY3');
    expect(answered?.text).toContain('✅');
  });
});
