import { describe, expect, it } from 'vitest';
import { answerMessage } from '../../../../src/answers/slack-messages.js';
import { phrase } from '../../../../src/answers/messages.js';
import { appMention } from '../../../../src/slack/listeners/events/app-mention.js';
import { directMessage } from '../../../../src/slack/listeners/events/direct-message.js';
import { FIXED_NOW, realAnswers, realKnowledge, testButtons } from '../../../fakes/deps.js';
import {
  CHANNEL_ID,
  USER_ID,
  createListenerHarness,
  directMessageArgs,
  mentionArgs,
} from '../../../fakes/slack-args.js';
import { platformError } from '../../../fakes/slack-client.js';
import { TIME_LIMITS } from '../../../../src/limits.js';

const TOP_LEVEL_TS = '1750000100.000100';
const THREAD_TS = '1750000050.000050';

describe('When someone mentions the bot with a question', () => {
  it('replies under a top-level mention in a new thread started at the mention', async () => {
    const h = createListenerHarness();
    await appMention(h.deps)(mentionArgs(h, { ts: TOP_LEVEL_TS }));

    const [post] = h.slack.argsOf('chat.postMessage');
    expect(post).toMatchObject({ channel: CHANNEL_ID, thread_ts: TOP_LEVEL_TS });
  });

  it('replies inside the thread the mention was made in', async () => {
    const h = createListenerHarness();
    await appMention(h.deps)(mentionArgs(h, { ts: TOP_LEVEL_TS, thread_ts: THREAD_TS }));

    expect(h.slack.argsOf('chat.postMessage')[0]).toMatchObject({ thread_ts: THREAD_TS });
  });

  it('posts the answer to the question with feedback buttons but no share button (it is already public)', async () => {
    const h = createListenerHarness();
    const text = '<@U0BOT> How do I list running containers?';
    await appMention(h.deps)(mentionArgs(h, { text }));

    const answer = realAnswers().answer('How do I list running containers?');
    expect(answer.topic).toBe('docker-ps');
    const [post] = h.slack.argsOf('chat.postMessage');
    expect(post).toMatchObject(
      answerMessage(answer, realKnowledge(), { shareable: false, buttons: testButtons, forUser: null }),
    );
    expect(JSON.stringify(post?.blocks)).toContain('feedback_helpful');
    expect(JSON.stringify(post?.blocks)).not.toContain('share_answer');
  });

  it('answers a Japanese question in Japanese', async () => {
    const h = createListenerHarness();
    await appMention(h.deps)(mentionArgs(h, { text: '<@U0BOT> コンテナの一覧を見るには？' }));

    expect(String(h.slack.argsOf('chat.postMessage')[0]?.text)).toContain('コンテナ一覧を表示する');
  });

  it('records the question for the maintainers with the mention surface and the fixed clock', async () => {
    const h = createListenerHarness();
    await appMention(h.deps)(mentionArgs(h, { text: '<@U0BOT> How do I list running containers?' }));

    expect(h.store.questions).toEqual([
      expect.objectContaining({
        topic: 'docker-ps',
        answered: true,
        lang: 'en',
        userId: USER_ID,
        surface: 'mention',
        at: FIXED_NOW,
      }),
    ]);
  });

  it('records an unanswerable question as unanswered and says it is not sure', async () => {
    const h = createListenerHarness();
    await appMention(h.deps)(mentionArgs(h, { text: '<@U0BOT> qwxyz blorp' }));

    expect(String(h.slack.argsOf('chat.postMessage')[0]?.text)).toContain(phrase('noAnswer', 'en'));
    expect(h.store.questions[0]).toMatchObject({ answered: false, topic: null });
  });
});

describe('When the mention is not a person asking', () => {
  it.each([
    ['a bot (bot_id)', { bot_id: 'B0OTHER', user: 'U0OTHERBOT' }],
    ['a message with a subtype', { subtype: 'bot_message' }],
    ['an event without a user', { user: undefined }],
  ])('ignores %s: no reply, no claim, nothing recorded', async (_label, event) => {
    const h = createListenerHarness();
    await appMention(h.deps)(mentionArgs(h, event));

    expect(h.slack.calls).toEqual([]);
    expect(h.store.claims.size).toBe(0);
    expect(h.store.questions).toEqual([]);
  });
});

describe('When the same mention arrives more than once', () => {
  it('answers the second delivery of the same channel:ts only once', async () => {
    const h = createListenerHarness();
    const listener = appMention(h.deps);
    await listener(mentionArgs(h, { ts: TOP_LEVEL_TS }));
    await listener(mentionArgs(h, { ts: TOP_LEVEL_TS }));

    expect(h.slack.argsOf('chat.postMessage')).toHaveLength(1);
    expect(h.store.questions).toHaveLength(1);
    expect(h.store.claims.has(`message:${CHANNEL_ID}:${TOP_LEVEL_TS}`)).toBe(true);
  });

  it('answers two mentions with the same ts in different channels', async () => {
    const h = createListenerHarness();
    const listener = appMention(h.deps);
    await listener(mentionArgs(h, { ts: TOP_LEVEL_TS, channel: 'C0ONE' }));
    await listener(mentionArgs(h, { ts: TOP_LEVEL_TS, channel: 'C0TWO' }));

    expect(h.slack.argsOf('chat.postMessage').map((post) => post.channel)).toEqual(['C0ONE', 'C0TWO']);
  });

  it('does not answer a mention in a DM that was already answered as a direct message', async () => {
    const h = createListenerHarness();
    const same = { channel: 'D0DIRECT', ts: TOP_LEVEL_TS, text: '<@U0BOT> docker ps' };
    await directMessage(h.deps)(directMessageArgs(h, same));
    await appMention(h.deps)(mentionArgs(h, same));

    expect(h.slack.argsOf('chat.postMessage')).toHaveLength(1);
  });

  it('still answers when the delivery cannot be claimed because the store is down', async () => {
    const h = createListenerHarness();
    h.store.failWith('claimDelivery', new Error('database is locked'));
    await appMention(h.deps)(mentionArgs(h));

    expect(h.slack.argsOf('chat.postMessage')).toHaveLength(1);
    expect(h.logged('could not claim a delivery; answering anyway')).toMatchObject({ level: 'error' });
  });
});

describe('When the database hangs', () => {
  it('answers once claiming the mention has taken longer than its time limit, and logs it', async () => {
    const h = createListenerHarness();
    h.store.hang('claimDelivery');
    h.store.hang('recordQuestion');
    h.store.hang('markDelivered');
    await appMention(h.deps)(mentionArgs(h));

    expect(h.slack.argsOf('chat.postMessage')).toHaveLength(1);
    expect(h.logged('could not claim a delivery; answering anyway')).toMatchObject({
      level: 'error',
      error: expect.objectContaining({ message: expect.stringContaining('took longer than') }),
    });
    expect(h.logged('could not store the question')).toMatchObject({ level: 'error' });
  });
});

describe('When the process died between claiming a mention and posting the answer', () => {
  const KEY = `message:${CHANNEL_ID}:${TOP_LEVEL_TS}`;
  const claimedBefore = (ms: number) => new Date(FIXED_NOW.getTime() - ms);

  it('marks the claim delivered once the answer is posted, so no retry answers again', async () => {
    const h = createListenerHarness();
    await appMention(h.deps)(mentionArgs(h, { ts: TOP_LEVEL_TS }));

    expect(h.store.delivered).toEqual(new Set([KEY]));
  });

  it('answers Slack’s retry once the dead process’s claim has outlived its lease, and only once', async () => {
    const h = createListenerHarness();
    // What the killed process left: the claim, no answer.
    await h.store.claimDelivery(KEY, claimedBefore(TIME_LIMITS.deliveryLeaseMs));

    await appMention(h.deps)(mentionArgs(h, { ts: TOP_LEVEL_TS }));
    await appMention(h.deps)(mentionArgs(h, { ts: TOP_LEVEL_TS }));

    expect(h.slack.argsOf('chat.postMessage')).toHaveLength(1);
    expect(h.store.delivered).toEqual(new Set([KEY]));
  });

  it('refuses a retry while the claim’s lease runs: the first process may still be posting', async () => {
    const h = createListenerHarness();
    await h.store.claimDelivery(KEY, claimedBefore(TIME_LIMITS.deliveryLeaseMs - 1));

    await appMention(h.deps)(mentionArgs(h, { ts: TOP_LEVEL_TS }));

    expect(h.slack.argsOf('chat.postMessage')).toHaveLength(0);
  });

  it('leaves the claim undelivered when neither the answer nor the apology could be posted', async () => {
    const h = createListenerHarness();
    h.slack.fail('chat.postMessage', platformError('fatal_error'));
    h.slack.fail('chat.postEphemeral', platformError('fatal_error'));
    await appMention(h.deps)(mentionArgs(h, { ts: TOP_LEVEL_TS }));

    expect(h.store.delivered).toEqual(new Set());
  });
});

describe('When Slack refuses the reply', () => {
  it('apologises privately to the asker in the same thread', async () => {
    const h = createListenerHarness();
    h.slack.fail('chat.postMessage', platformError('fatal_error'));
    await appMention(h.deps)(mentionArgs(h, { ts: TOP_LEVEL_TS }));

    expect(h.slack.argsOf('chat.postEphemeral')).toEqual([
      expect.objectContaining({
        channel: CHANNEL_ID,
        user: USER_ID,
        thread_ts: TOP_LEVEL_TS,
        text: phrase('sorry', 'en'),
      }),
    ]);
    expect(h.logged('chat.postMessage failed')).toMatchObject({ level: 'warn', code: 'fatal_error' });
  });

  it('apologises in Japanese for a Japanese question', async () => {
    const h = createListenerHarness();
    h.slack.fail('chat.postMessage', platformError('fatal_error'));
    await appMention(h.deps)(mentionArgs(h, { text: '<@U0BOT> ボリュームとは' }));

    expect(h.slack.argsOf('chat.postEphemeral')[0]?.text).toBe(phrase('sorry', 'ja'));
  });

  it('logs, and does not throw, when even the apology cannot be delivered', async () => {
    const h = createListenerHarness();
    h.slack.fail('chat.postMessage', platformError('fatal_error'));
    h.slack.fail('chat.postEphemeral', platformError('user_not_in_channel'));

    await expect(appMention(h.deps)(mentionArgs(h))).resolves.toBeUndefined();
    expect(h.logged('chat.postEphemeral failed')).toMatchObject({ code: 'user_not_in_channel' });
    expect(h.logged('could not deliver the apology either')).toMatchObject({ level: 'error' });
    expect(h.store.questions).toHaveLength(1);
  });

  it('retries without blocks after invalid_blocks, keeping the text and thread, and does not apologise', async () => {
    const h = createListenerHarness();
    h.slack.fail('chat.postMessage', platformError('invalid_blocks'));
    await appMention(h.deps)(mentionArgs(h, { ts: TOP_LEVEL_TS }));

    const [first, retry] = h.slack.argsOf('chat.postMessage');
    expect(first?.blocks).toBeDefined();
    expect(retry).not.toHaveProperty('blocks');
    expect(retry).toEqual({ channel: CHANNEL_ID, thread_ts: TOP_LEVEL_TS, text: first?.text });
    expect(h.slack.argsOf('chat.postEphemeral')).toEqual([]);
  });

  it('apologises when the text-only retry fails too', async () => {
    const h = createListenerHarness();
    h.slack.fail('chat.postMessage', platformError('invalid_blocks'));
    h.slack.fail('chat.postMessage', platformError('msg_too_long'));
    await appMention(h.deps)(mentionArgs(h));

    expect(h.slack.argsOf('chat.postMessage')).toHaveLength(2);
    expect(h.logged('chat.postMessage failed again without blocks')).toMatchObject({ code: 'msg_too_long' });
    expect(h.slack.argsOf('chat.postEphemeral')).toHaveLength(1);
  });

  it('does not retry without blocks for other errors', async () => {
    const h = createListenerHarness();
    h.slack.fail('chat.postMessage', platformError('channel_not_found'));
    await appMention(h.deps)(mentionArgs(h));

    expect(h.slack.argsOf('chat.postMessage')).toHaveLength(1);
  });
});
