import { describe, expect, it } from 'vitest';
import { ACTION_IDS, type AnswerRef } from '../../../../src/answers/button-values.js';
import { phrase } from '../../../../src/answers/messages.js';
import { feedback } from '../../../../src/slack/listeners/actions/feedback.js';
import { FIXED_NOW, testButtons } from '../../../fakes/deps.js';
import { APP_HOME_CONTAINER, buttonArgs, createListenerHarness } from '../../../fakes/slack-args.js';

const CLICKER = 'U0CLICKER';
/** Under an answer everyone sees, made for no one in particular. */
const VALUE = testButtons.value({ topic: 'volumes', lang: 'en', question: 'keep my db data', forUser: null });

describe('When someone rates an answer', () => {
  it.each([
    [ACTION_IDS.feedbackHelpful, true],
    [ACTION_IDS.feedbackNotHelpful, false],
  ])('%s is stored as helpful: %s with the question, topic, user and time', async (action_id, helpful) => {
    const h = createListenerHarness();
    await feedback(h.deps)(buttonArgs(h, { action_id, value: VALUE, user: CLICKER }));

    expect(h.store.feedback).toEqual([
      {
        question: 'keep my db data',
        topic: 'volumes',
        channel: CLICKER,
        userId: CLICKER,
        helpful,
        at: FIXED_NOW,
      },
    ]);
  });

  it('acknowledges first, then thanks the person privately without touching the answer', async () => {
    const h = createListenerHarness();
    await feedback(h.deps)(buttonArgs(h, { action_id: ACTION_IDS.feedbackHelpful, value: VALUE }));

    expect(h.timeline).toEqual(['ack', 'respond']);
    expect(h.responses).toEqual([
      expect.objectContaining({
        response_type: 'ephemeral',
        replace_original: false,
        text: phrase('feedbackThanks', 'en'),
      }),
    ]);
  });

  it('thanks in the language of the answer', async () => {
    const h = createListenerHarness();
    const value = testButtons.value({ topic: 'volumes', lang: 'ja', question: 'データ', forUser: null });
    await feedback(h.deps)(buttonArgs(h, { action_id: ACTION_IDS.feedbackHelpful, value }));

    expect(h.responses[0]?.text).toBe(phrase('feedbackThanks', 'ja'));
  });

  it('still thanks the person when the feedback cannot be stored, and logs the failure', async () => {
    const h = createListenerHarness();
    h.store.failWith('recordFeedback', new Error('disk full'));
    await feedback(h.deps)(buttonArgs(h, { action_id: ACTION_IDS.feedbackNotHelpful, value: VALUE }));

    expect(h.logged('could not store feedback')).toMatchObject({ level: 'error' });
    expect(h.responses).toHaveLength(1);
  });

  it('still thanks the person when the database hangs, once storing has taken longer than its time limit', async () => {
    const h = createListenerHarness();
    h.store.hang('recordFeedback');
    await feedback(h.deps)(buttonArgs(h, { action_id: ACTION_IDS.feedbackHelpful, value: VALUE }));

    expect(h.responses[0]?.text).toBe(phrase('feedbackThanks', 'en'));
    expect(h.logged('could not store feedback')).toMatchObject({ level: 'error' });
  });

  it('stores the feedback without replying where there is no response_url', async () => {
    const h = createListenerHarness();
    await feedback(h.deps)(
      buttonArgs(h, {
        action_id: ACTION_IDS.feedbackHelpful,
        value: VALUE,
        container: APP_HOME_CONTAINER,
        response_url: undefined,
      }),
    );

    expect(h.store.feedback).toHaveLength(1);
    expect(h.timeline).toEqual(['ack']);
  });
});

describe('When the same person clicks again', () => {
  it('keeps one vote per person per answer, the last click counting (100 clicks: one vote)', async () => {
    const h = createListenerHarness();
    for (let i = 0; i < 100; i++) {
      const action_id = i === 99 ? ACTION_IDS.feedbackHelpful : ACTION_IDS.feedbackNotHelpful;
      await feedback(h.deps)(buttonArgs(h, { action_id, value: VALUE, user: CLICKER }));
    }

    expect(h.store.feedback).toEqual([
      {
        question: 'keep my db data',
        topic: 'volumes',
        channel: CLICKER,
        userId: CLICKER,
        helpful: true,
        at: FIXED_NOW,
      },
    ]);
  });

  it('counts another person’s click on the same answer as their own vote', async () => {
    const h = createListenerHarness();
    await feedback(h.deps)(
      buttonArgs(h, { action_id: ACTION_IDS.feedbackNotHelpful, value: VALUE, user: CLICKER }),
    );
    await feedback(h.deps)(buttonArgs(h, { action_id: ACTION_IDS.feedbackNotHelpful, value: VALUE }));

    expect(h.store.feedback.map((vote) => vote.userId)).toEqual([CLICKER, 'U0ASKER']);
  });
});

describe('When the feedback names what the bot never answered', () => {
  it('stores nothing for a topic the knowledge does not have, and logs it', async () => {
    const h = createListenerHarness();
    const value = testButtons.value({ topic: 'no-such-topic', lang: 'en', question: 'q', forUser: null });
    await feedback(h.deps)(buttonArgs(h, { action_id: ACTION_IDS.feedbackNotHelpful, value }));

    expect(h.store.feedback).toEqual([]);
    expect(h.logged('feedback for an unknown topic')).toMatchObject({
      level: 'warn',
      topic: 'no-such-topic',
    });
    expect(h.timeline).toEqual(['ack']);
  });

  it('stores at most 2,000 characters of the question', async () => {
    const h = createListenerHarness();
    const huge: AnswerRef = { topic: 'volumes', lang: 'en', question: 'x'.repeat(1_000_000), forUser: null };
    h.deps.buttons = {
      ...h.deps.buttons,
      value: () => 'huge',
      read: (value) => (value === 'huge' ? huge : null),
    };
    await feedback(h.deps)(buttonArgs(h, { action_id: ACTION_IDS.feedbackNotHelpful, value: 'huge' }));

    expect(h.store.feedback[0]?.question).toBe(`${'x'.repeat(1999)}…`);
  });
});

describe('When the feedback button carries an unreadable value', () => {
  it.each([
    ['not JSON', 'volumes|en'],
    ['JSON of the wrong shape', '{"t":"volumes","l":"fr","q":"x"}'],
    ['an unsigned value', '{"t":"volumes","l":"en","q":"x"}'],
    [
      'a value made for someone else',
      testButtons.value({ topic: 'volumes', lang: 'en', question: 'x', forUser: 'U0SOMEONE' }),
    ],
    ['nothing', ''],
  ])('logs the value (%s) and stores nothing', async (_label, value) => {
    const h = createListenerHarness();
    await feedback(h.deps)(buttonArgs(h, { action_id: ACTION_IDS.feedbackHelpful, value }));

    expect(h.logged('feedback button with an unreadable value')).toMatchObject({ level: 'warn', value });
    expect(h.store.feedback).toEqual([]);
    expect(h.timeline).toEqual(['ack']);
  });
});

describe('The thanks for a 👎, with a help channel set', () => {
  /** The "Ask the team" value in the thanks for a 👎 clicked under an answer in `container`. */
  async function askTeamWhere(container: Record<string, unknown>) {
    const h = createListenerHarness();
    h.deps.helpChannel = 'C0HELP';
    await feedback(h.deps)(
      buttonArgs(h, { action_id: ACTION_IDS.feedbackNotHelpful, value: VALUE, user: CLICKER, container }),
    );
    const blocks = JSON.stringify(h.responses[0]?.blocks);
    const value = /"action_id":"ask_team","value":("(?:[^"\\]|\\.)*")/.exec(blocks)?.[1];
    expect(value).toBeDefined();
    const ref = h.deps.buttons.readAskTeam(JSON.parse(value as string) as string);
    expect(ref?.forUser).toBe(CLICKER);
    return ref?.where;
  }

  it('links the answer when it is in a channel thread everyone sees', async () => {
    expect(
      await askTeamWhere({
        type: 'message',
        channel_id: 'C0DOCKER',
        message_ts: '1750000000.000006',
        thread_ts: '1750000000.000001',
        is_ephemeral: false,
      }),
    ).toEqual({ channel: 'C0DOCKER', ts: '1750000000.000006', threadTs: '1750000000.000001' });
  });

  it.each([
    [
      'an answer only the clicker saw',
      { type: 'message', channel_id: 'C0DOCKER', message_ts: '1.2', is_ephemeral: true },
    ],
    [
      'an answer in a DM',
      { type: 'message', channel_id: 'D0DIRECT', message_ts: '1.2', is_ephemeral: false },
    ],
  ])('links nothing for %s', async (_what, container) => {
    expect(await askTeamWhere(container)).toBeNull();
  });
});
