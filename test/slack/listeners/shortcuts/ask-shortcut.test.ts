import { describe, expect, it } from 'vitest';
import { answerMessage } from '../../../../src/answers/slack-messages.js';
import { phrase, type MessageKey } from '../../../../src/answers/messages.js';
import { textMessage } from '../../../../src/answers/slack-messages.js';
import type { Lang } from '../../../../src/knowledge/types.js';
import { askShortcut } from '../../../../src/slack/listeners/shortcuts/ask-shortcut.js';
import { FIXED_NOW, realAnswers, realKnowledge, testButtons } from '../../../fakes/deps.js';
import { CHANNEL_ID, createListenerHarness, messageShortcutArgs } from '../../../fakes/slack-args.js';
import { platformError } from '../../../fakes/slack-client.js';

/** A short private note as it reaches Slack: mrkdwn-escaped, with Japanese spacing. */
const noteText = (key: MessageKey, lang: Lang) => textMessage(phrase(key, lang), lang).text;

const CLICKER = 'U0CLICKER';
const MESSAGE_TS = '1750000200.000200';
const THREAD_TS = '1750000100.000100';

describe('When someone uses "Ask the Docker bot" on a message', () => {
  it('acknowledges, then answers the message text in a thread started at that message', async () => {
    const h = createListenerHarness();
    const text = 'How do I list running containers?';
    await askShortcut(h.deps)(messageShortcutArgs(h, { message: { text, ts: MESSAGE_TS } }));

    expect(h.timeline).toEqual(['ack', 'chat.postMessage']);
    expect(h.slack.argsOf('chat.postMessage')).toEqual([
      {
        channel: CHANNEL_ID,
        thread_ts: MESSAGE_TS,
        ...answerMessage(realAnswers().answer(text), realKnowledge(), {
          shareable: false,
          buttons: testButtons,
          forUser: null,
        }),
      },
    ]);
  });

  it("replies in the message's own thread when the message is a thread reply", async () => {
    const h = createListenerHarness();
    await askShortcut(h.deps)(messageShortcutArgs(h, { message: { ts: MESSAGE_TS, thread_ts: THREAD_TS } }));

    expect(h.slack.argsOf('chat.postMessage')[0]).toMatchObject({ thread_ts: THREAD_TS });
  });

  it('records the question under the person who used the shortcut, not the author', async () => {
    const h = createListenerHarness();
    await askShortcut(h.deps)(messageShortcutArgs(h, { user: CLICKER }));

    expect(h.store.questions).toEqual([
      expect.objectContaining({ topic: 'docker-ps', userId: CLICKER, surface: 'shortcut', at: FIXED_NOW }),
    ]);
  });
});

describe('When the bot cannot reply in that channel', () => {
  it.each(['not_in_channel', 'channel_not_found'])(
    'tells the person privately how to invite it (%s)',
    async (code) => {
      const h = createListenerHarness();
      h.slack.fail('chat.postMessage', platformError(code));
      await askShortcut(h.deps)(messageShortcutArgs(h));

      expect(h.responses).toEqual([
        expect.objectContaining({ response_type: 'ephemeral', text: noteText('notInChannel', 'en') }),
      ]);
      expect(h.responses[0]?.text).toContain('/invite');
      expect(h.logged('chat.postMessage failed')).toMatchObject({
        code,
        channel: CHANNEL_ID,
      });
    },
  );

  it('gives the invite hint in Japanese for a Japanese message', async () => {
    const h = createListenerHarness();
    h.slack.fail('chat.postMessage', platformError('not_in_channel'));
    await askShortcut(h.deps)(messageShortcutArgs(h, { message: { text: 'ボリュームとは' } }));

    expect(h.responses[0]?.text).toBe(noteText('notInChannel', 'ja'));
  });

  it('apologises privately for any other failure', async () => {
    const h = createListenerHarness();
    h.slack.fail('chat.postMessage', platformError('fatal_error'));
    await askShortcut(h.deps)(messageShortcutArgs(h));

    expect(h.responses).toEqual([
      expect.objectContaining({ response_type: 'ephemeral', text: noteText('sorry', 'en') }),
    ]);
  });

  it('logs, and does not throw, when the private note cannot be sent either', async () => {
    const h = createListenerHarness();
    h.slack.fail('chat.postMessage', platformError('not_in_channel'));
    h.failRespond(
      Object.assign(new Error('Request failed with status code 404'), { code: 'ERR_BAD_REQUEST' }),
    );

    await expect(askShortcut(h.deps)(messageShortcutArgs(h))).resolves.toBeUndefined();
    expect(h.logged('could not deliver the apology either')).toMatchObject({ level: 'error' });
    expect(h.store.questions).toHaveLength(1);
  });
});

describe('When the message has no text to ask about', () => {
  it.each([
    ['empty text', { text: '' }],
    ['only whitespace', { text: '  \n ' }],
    ['no text at all (an attachment-only message)', { text: undefined }],
  ])('says so privately for %s, and posts and records nothing', async (_label, message) => {
    const h = createListenerHarness();
    await askShortcut(h.deps)(messageShortcutArgs(h, { message }));

    expect(h.timeline).toEqual(['ack', 'respond']);
    expect(h.responses).toEqual([
      expect.objectContaining({ response_type: 'ephemeral', text: noteText('emptyMessage', 'en') }),
    ]);
    expect(h.store.questions).toEqual([]);
  });
});
