import { describe, expect, it } from 'vitest';
import { ACTION_IDS, parseQuizChoice, studyStepValue } from '../../../../src/answers/button-values.js';
import { quizAnswer } from '../../../../src/slack/listeners/actions/quiz-answer.js';
import { studyStep } from '../../../../src/slack/listeners/actions/study-step.js';
import {
  APP_HOME_CONTAINER,
  USER_ID,
  buttonArgs,
  createListenerHarness,
  type ListenerHarness,
} from '../../../fakes/slack-args.js';

/** Clicks Continue on the basics track and returns the first choice button's value of the lesson shown. */
async function startLesson(h: ListenerHarness): Promise<string> {
  await studyStep(h.deps)(
    buttonArgs(h, {
      action_id: `${ACTION_IDS.learnContinuePrefix}basics`,
      value: studyStepValue({ scope: 'l:basics', lang: 'en' }),
    }),
  );
  const blocks = JSON.stringify(h.responses.at(-1)?.blocks);
  const value = /"action_id":"quiz_answer:0","value":("(?:[^"\\]|\\.)*")/.exec(blocks)?.[1];
  return JSON.parse(value ?? '""') as string;
}

describe('When Continue and then a quiz choice are clicked', () => {
  it('shows the lesson, then the result below it without replacing the lesson', async () => {
    const h = createListenerHarness();
    const value = await startLesson(h);
    expect(h.responses[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(JSON.stringify(h.responses[0]?.blocks)).toContain('Lesson 1/20');

    await quizAnswer(h.deps)(buttonArgs(h, { action_id: 'quiz_answer:0', value }));
    expect(h.timeline).toEqual(['ack', 'respond', 'ack', 'respond']);
    expect(h.responses[1]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(JSON.stringify(h.responses[1]?.blocks)).toContain(ACTION_IDS.quizNext);
    expect(await h.store.listQuizAnswers(USER_ID)).toHaveLength(1);
  });
});

describe('When a quiz choice is forged', () => {
  it("acknowledges, logs and answers nothing for someone else's question", async () => {
    const h = createListenerHarness();
    const value = await startLesson(h);
    const ref = parseQuizChoice(value);
    await h.store.resetStudyProgress(USER_ID);
    await h.store.saveQuizQuestion({
      id: ref?.question ?? '',
      userId: 'U0OTHER',
      topic: 'container',
      item: 0,
      shownAt: new Date(),
    });

    await quizAnswer(h.deps)(buttonArgs(h, { action_id: 'quiz_answer:0', value }));
    expect(h.timeline.slice(2)).toEqual(['ack']);
    expect(h.logged("quiz button for someone else's question")).toMatchObject({ level: 'warn' });
  });
});

describe('When Continue is clicked in App Home', () => {
  it('sends the lesson to the DM with the bot, since there is no response_url', async () => {
    const h = createListenerHarness();
    await studyStep(h.deps)(
      buttonArgs(h, {
        action_id: `${ACTION_IDS.learnContinuePrefix}basics`,
        value: studyStepValue({ scope: 'l:basics', lang: 'ja' }),
        container: APP_HOME_CONTAINER,
        response_url: undefined,
      }),
    );
    const [post] = h.slack.argsOf('chat.postMessage');
    expect(post).toMatchObject({ channel: USER_ID });
    expect(JSON.stringify(post)).toContain('レッスン 1/20');
  });
});
