import { describe, expect, it } from 'vitest';
import { answerMessage } from '../../../../src/answers/slack-messages.js';
import { directMessage } from '../../../../src/slack/listeners/events/direct-message.js';
import { FIXED_NOW, realAnswers, realKnowledge, testButtons } from '../../../fakes/deps.js';
import {
  DM_CHANNEL_ID,
  USER_ID,
  createListenerHarness,
  directMessageArgs,
} from '../../../fakes/slack-args.js';
import { platformError } from '../../../fakes/slack-client.js';

describe('When someone sends the bot a direct message', () => {
  it('answers in the DM itself, not in a thread, when the message is not in one', async () => {
    const h = createListenerHarness();
    const text = 'How do I list running containers?';
    await directMessage(h.deps)(directMessageArgs(h, { text }));

    const posts = h.slack.argsOf('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({
      channel: DM_CHANNEL_ID,
      ...answerMessage(realAnswers().answer(text), realKnowledge(), {
        shareable: false,
        buttons: testButtons,
        forUser: null,
      }),
    });
    expect(posts[0]?.thread_ts).toBeUndefined();
  });

  it('keeps the conversation in the thread the message was written in', async () => {
    const h = createListenerHarness();
    await directMessage(h.deps)(directMessageArgs(h, { thread_ts: '1750000000.000001' }));

    expect(h.slack.argsOf('chat.postMessage')[0]).toMatchObject({ thread_ts: '1750000000.000001' });
  });

  it('answers Japanese in Japanese', async () => {
    const h = createListenerHarness();
    await directMessage(h.deps)(directMessageArgs(h, { text: 'ボリュームとは' }));

    expect(String(h.slack.argsOf('chat.postMessage')[0]?.text)).toMatch(/ボリューム/);
  });

  it('records the question with the dm surface', async () => {
    const h = createListenerHarness();
    await directMessage(h.deps)(directMessageArgs(h));

    expect(h.store.questions).toEqual([
      expect.objectContaining({ topic: 'docker-ps', userId: USER_ID, surface: 'dm', at: FIXED_NOW }),
    ]);
  });

  it('answers the second delivery of the same message only once', async () => {
    const h = createListenerHarness();
    const listener = directMessage(h.deps);
    await listener(directMessageArgs(h, { ts: '1750000000.000009' }));
    await listener(directMessageArgs(h, { ts: '1750000000.000009' }));

    expect(h.slack.argsOf('chat.postMessage')).toHaveLength(1);
    expect(h.store.questions).toHaveLength(1);
  });

  it('falls back to plain text when Slack refuses the blocks', async () => {
    const h = createListenerHarness();
    h.slack.fail('chat.postMessage', platformError('invalid_blocks'));
    await directMessage(h.deps)(directMessageArgs(h));

    const [, retry] = h.slack.argsOf('chat.postMessage');
    expect(retry).toMatchObject({ channel: DM_CHANNEL_ID, text: expect.stringContaining('docker ps') });
    expect(retry).not.toHaveProperty('blocks');
  });

  it('logs a failed reply instead of throwing', async () => {
    const h = createListenerHarness();
    h.slack.fail('chat.postMessage', platformError('ratelimited'));

    await expect(directMessage(h.deps)(directMessageArgs(h))).resolves.toBeUndefined();
    expect(h.logged('chat.postMessage failed')).toMatchObject({
      code: 'ratelimited',
      channel: DM_CHANNEL_ID,
    });
  });
});

describe('When a message event is not a question to the bot', () => {
  it.each([
    ['a public channel message', { channel_type: 'channel', channel: 'C0PUBLIC' }],
    ['a private channel message', { channel_type: 'group', channel: 'G0PRIVATE' }],
    ['a group DM', { channel_type: 'mpim', channel: 'G0MPIM' }],
    ['an edit', { subtype: 'message_changed' }],
    ['someone joining', { subtype: 'channel_join' }],
    ['a bot message with a subtype', { subtype: 'bot_message', bot_id: 'B0OTHER', user: undefined }],
    ["the bot's own message", { bot_id: 'B0BOT', user: 'U0BOT' }],
    ['a message without a user', { user: undefined }],
  ])('ignores %s', async (_label, event) => {
    const h = createListenerHarness();
    await directMessage(h.deps)(directMessageArgs(h, event));

    expect(h.slack.calls).toEqual([]);
    expect(h.store.questions).toEqual([]);
    expect(h.store.claims.size).toBe(0);
  });
});
