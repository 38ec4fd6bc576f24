import { describe, expect, it } from 'vitest';
import { ACTION_IDS, answerRefValue } from '../../../../src/answers/button-values.js';
import { topicMessage } from '../../../../src/answers/slack-messages.js';
import { shareAnswer } from '../../../../src/slack/listeners/actions/share-answer.js';
import { realKnowledge } from '../../../fakes/deps.js';
import { buttonArgs, createListenerHarness } from '../../../fakes/slack-args.js';

const SHARER = 'U0SHARER';

const share = (value: string | undefined) => ({ action_id: ACTION_IDS.shareAnswer, value, user: SHARER });

describe('When the asker shares a private answer in the channel', () => {
  const value = answerRefValue({ topic: 'volumes', lang: 'en', question: 'how do I keep my db data' });

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
    const ja = answerRefValue({ topic: 'volumes', lang: 'ja', question: 'データを残したい' });
    await shareAnswer(h.deps)(buttonArgs(h, share(ja)));

    expect(h.responses[0]?.text).toContain(`<@${SHARER}> さんの質問`);
  });
});

describe('When the share button carries something unreadable', () => {
  it.each([
    ['no value', undefined],
    ['text that is not JSON', 'volumes|en'],
    ['a topic that no longer exists', answerRefValue({ topic: 'gone', lang: 'en', question: 'q' })],
  ])('acknowledges and logs %s without posting anything', async (_label, value) => {
    const h = createListenerHarness();
    await shareAnswer(h.deps)(buttonArgs(h, share(value)));

    expect(h.timeline).toEqual(['ack']);
    expect(h.logged('share button with an unreadable value')).toMatchObject({ level: 'warn' });
  });
});
