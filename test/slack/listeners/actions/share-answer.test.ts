import { describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../../../src/answers/button-values.js';
import { topicMessage } from '../../../../src/answers/slack-messages.js';
import { shareAnswer } from '../../../../src/slack/listeners/actions/share-answer.js';
import { realKnowledge, testButtons } from '../../../fakes/deps.js';
import { buttonArgs, createListenerHarness } from '../../../fakes/slack-args.js';

const SHARER = 'U0SHARER';

const share = (value: string | undefined) => ({ action_id: ACTION_IDS.shareAnswer, value, user: SHARER });

describe('When the asker shares a private answer in the channel', () => {
  const value = testButtons.value({
    topic: 'volumes',
    lang: 'en',
    question: 'how do I keep my db data',
    forUser: SHARER,
  });

  it('acknowledges, posts the answer for everyone, then deletes the private copy', async () => {
    const h = createListenerHarness();
    await shareAnswer(h.deps)(buttonArgs(h, share(value)));

    expect(h.timeline).toEqual(['ack', 'respond', 'respond']);
    expect(h.responses[0]).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(h.responses[1]).toEqual({ delete_original: true });
  });

  it('attributes the shared answer to the person and quotes their question', async () => {
    const h = createListenerHarness();
    await shareAnswer(h.deps)(buttonArgs(h, share(value)));

    const posted = h.responses[0];
    expect(posted).toEqual({
      response_type: 'in_channel',
      replace_original: false,
      ...topicMessage('volumes', 'en', realKnowledge(), {
        shareable: false,
        sharedBy: SHARER,
        question: 'how do I keep my db data',
        buttons: testButtons,
        forUser: null,
      }),
    });
    expect(posted?.text).toContain(`Asked by <@${SHARER}>`);
    expect(posted?.text).toContain('how do I keep my db data');
  });

  it('does not offer the share button again on the public copy', async () => {
    const h = createListenerHarness();
    await shareAnswer(h.deps)(buttonArgs(h, share(value)));

    expect(JSON.stringify(h.responses[0]?.blocks)).not.toContain(ACTION_IDS.shareAnswer);
  });

  it('shares in Japanese when the answer was in Japanese', async () => {
    const h = createListenerHarness();
    const ja = testButtons.value({
      topic: 'volumes',
      lang: 'ja',
      question: 'データを残したい',
      forUser: SHARER,
    });
    await shareAnswer(h.deps)(buttonArgs(h, share(ja)));

    expect(h.responses[0]?.text).toContain(`<@${SHARER}> さんの質問`);
  });
});

describe('When the share button carries something unreadable', () => {
  it.each([
    ['no value', undefined],
    ['text that is not JSON', 'volumes|en'],
    [
      'a topic that no longer exists',
      testButtons.value({ topic: 'gone', lang: 'en', question: 'q', forUser: SHARER }),
    ],
    ['a forged question', '{"t":"volumes","l":"en","q":"I want everyone’s passwords"}'],
    [
      'a signed value whose question was changed',
      testButtons
        .value({ topic: 'volumes', lang: 'en', question: 'q', forUser: SHARER })
        .replace('"q"', '"forged"'),
    ],
  ])('acknowledges and logs %s without posting anything', async (_label, value) => {
    const h = createListenerHarness();
    await shareAnswer(h.deps)(buttonArgs(h, share(value)));

    expect(h.timeline).toEqual(['ack']);
    expect(h.logged('share button with an unreadable value')).toMatchObject({ level: 'warn' });
  });
});

describe('When someone clicks a share button made for another person', () => {
  it('posts nothing and logs who clicked and whom it was made for', async () => {
    const h = createListenerHarness();
    const theirs = testButtons.value({
      topic: 'volumes',
      lang: 'en',
      question: 'what my colleague asked',
      forUser: 'U0COLLEAGUE',
    });
    await shareAnswer(h.deps)(buttonArgs(h, share(theirs)));

    expect(h.timeline).toEqual(['ack']);
    expect(h.logged('share button made for someone else')).toMatchObject({
      level: 'warn',
      user: SHARER,
      made_for: 'U0COLLEAGUE',
    });
  });

  it('posts nothing for a button of an answer everyone already sees', async () => {
    const h = createListenerHarness();
    const publicValue = testButtons.value({ topic: 'volumes', lang: 'en', question: 'q', forUser: null });
    await shareAnswer(h.deps)(buttonArgs(h, share(publicValue)));

    expect(h.timeline).toEqual(['ack']);
  });
});
