import Database from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { answerButtons } from '../../src/answers/button-values.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/paths.js';
import { startBot, BOT_TOKEN, type RunningBot } from './harness.js';
import {
  blockActionPayload,
  eventBody,
  payloadBody,
  sendSigned,
  slashCommandBody,
} from '../support/signed.js';
import { StandInSlack } from '../support/stand-in-slack.js';

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

let slack: StandInSlack;
let bot: RunningBot;

beforeAll(async () => {
  slack = await new StandInSlack().start();
  bot = await startBot(slack.url);
});

afterAll(async () => {
  await bot.stop();
  await slack.stop();
});

beforeEach(() => slack.reset());

const events = (body: string, headers?: Record<string, string>) =>
  sendSigned(`${bot.url}/slack/events`, body, JSON_TYPE, { headers });
const command = (text: string, id = 'r1', user_id = 'U0001') =>
  sendSigned(
    `${bot.url}/slack/events`,
    slashCommandBody({ text, user_id, response_url: slack.responseUrl(id) }),
    FORM,
  );
const interact = (payload: Record<string, unknown>) =>
  sendSigned(`${bot.url}/slack/events`, payloadBody(payload), FORM);

/**
 * Sends `/docker <text>` and returns the private reply: in the acknowledgement's body when the bot
 * answers there (questions), else the response_url post that follows.
 */
async function replyTo(
  text: string,
  id = 'r1',
  user_id = 'U0001',
): Promise<{ body: Record<string, unknown> }> {
  const ack = await command(text, id, user_id);
  expect(ack.status).toBe(200);
  if (ack.text !== '') return { body: JSON.parse(ack.text) as Record<string, unknown> };
  return slack.waitFor(`the reply to "${text}"`, () =>
    slack.responses().find((r) => r.method === `/response/${id}`),
  );
}

function storedRow(sql: string): Record<string, unknown> | undefined {
  const db = new Database(bot.dbPath, { readonly: true });
  try {
    return db.prepare(sql).get() as Record<string, unknown> | undefined;
  } finally {
    db.close();
  }
}

function blocksText(body: Record<string, unknown>): string {
  return JSON.stringify(body.blocks ?? []);
}

describe('/docker slash command', () => {
  it('answers privately in the acknowledgement, with a share button', async () => {
    const ack = await command('what is an image');
    expect(ack.status).toBe(200);
    const reply = { body: JSON.parse(ack.text) as Record<string, unknown> };
    expect(slack.responses()).toHaveLength(0);
    expect(reply.body.response_type).toBe('ephemeral');
    expect(blocksText(reply.body)).toContain('What is a Docker image?');
    expect(blocksText(reply.body)).toContain('share_answer');
    expect(blocksText(reply.body)).toContain('https://docs.docker.com/');
  });

  it('answers Japanese in Japanese', async () => {
    const reply = await replyTo('イメージとは');
    expect(blocksText(reply.body)).toContain('Dockerイメージ');
  });

  it("shows usage in the asker's Slack language for /docker alone", async () => {
    slack.userLocale = 'ja-JP';
    await command('');
    const reply = await slack.waitFor('the usage', () => slack.responses()[0]);
    slack.userLocale = 'en-US';
    expect(slack.api('users.info')).toHaveLength(1);
    expect(blocksText(reply.body)).toContain('使い方');
  });

  it('shows usage for /docker help and the topic list for /docker topics', async () => {
    expect(blocksText((await replyTo('help', 'h')).body)).toContain('/docker topics');
    expect(blocksText((await replyTo('topics', 't')).body)).toContain('What is Docker Compose?');
  });

  it('says it is not sure and records an unanswered question', async () => {
    const reply = await replyTo('what is the weather tomorrow', 'w', 'U0042');
    expect(blocksText(reply.body)).toContain('/docker topics');
    // The question is stored just after the reply is sent.
    const row = await slack.waitFor('the stored question', () =>
      storedRow("SELECT * FROM questions WHERE user_id = 'U0042'"),
    );
    expect(row).toMatchObject({ question: 'what is the weather tomorrow', answered: 0, topic: null });
  });

  it('answers a 4,000-character or junk question normally', async () => {
    const reply = await replyTo(`\u202e\u0007 🐳 ${'x'.repeat(4000)}`, 'junk');
    expect(reply.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(reply.body).length).toBeLessThan(40_000);
  });

  it('never lets the question ping anyone when it is shown back', async () => {
    const reply = await replyTo(
      '<!channel> <!here> <!everyone> <@U999> <!subteam^S1> <https://evil.example|docs> lunch?',
      'p',
    );
    const text = `${String(reply.body.text)} ${blocksText(reply.body)}`;
    for (const raw of [
      '<!channel>',
      '<!here>',
      '<!everyone>',
      '<@U999>',
      '<!subteam^S1>',
      '<https://evil.example|docs>',
    ]) {
      expect(text).not.toContain(raw);
    }
    // Shown as the asker saw it, as plain text: nothing in it is live.
    expect(text).toContain('>@channel @here @everyone @U999 @S1 docs lunch?');
  });
});

describe('buttons', () => {
  it('shares a private answer in the channel, attributed to the asker', async () => {
    // Signed as the bot signs the buttons of an answer it showed U0007 alone.
    const value = answerButtons(BOT_TOKEN).value({
      topic: 'image',
      lang: 'en',
      question: 'what is an image',
      forUser: 'U0007',
    });
    await interact(
      blockActionPayload({
        actionId: 'share_answer',
        value,
        responseUrl: slack.responseUrl('s'),
        user: 'U0007',
      }),
    );
    await slack.waitFor('two response_url posts', () => slack.responses().length === 2);
    const [shared, removed] = slack.responses();
    expect(shared?.body.response_type).toBe('in_channel');
    expect(blocksText(shared?.body ?? {})).toContain('<@U0007>');
    expect(removed?.body.delete_original).toBe(true);
  });

  it('stores feedback with the question, topic and user', async () => {
    const value = answerButtons(BOT_TOKEN).value({
      topic: 'volumes',
      lang: 'en',
      question: 'keep my db data',
      forUser: null,
    });
    await interact(
      blockActionPayload({
        actionId: 'feedback_not_helpful',
        value,
        responseUrl: slack.responseUrl('f'),
        user: 'U0008',
      }),
    );
    await slack.waitFor('the thanks', () => slack.responses()[0]);
    const row = await slack.waitFor('the stored feedback', () =>
      storedRow("SELECT * FROM feedback WHERE user_id = 'U0008'"),
    );
    expect(row).toMatchObject({ question: 'keep my db data', topic: 'volumes', helpful: 0 });
  });

  it('shows a related topic to the person who clicked', async () => {
    await interact(
      blockActionPayload({
        actionId: 'show_topic:volumes',
        value: 'volumes|ja',
        responseUrl: slack.responseUrl('r'),
        ephemeral: false,
      }),
    );
    const reply = await slack.waitFor('the topic', () => slack.responses()[0]);
    expect(reply.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(blocksText(reply.body)).toContain('ボリューム');
  });
});

describe('mentions, DMs, shortcut and App Home', () => {
  it('replies in a new thread under a top-level mention', async () => {
    await events(
      eventBody({
        type: 'app_mention',
        user: 'U0001',
        text: '<@UBOT> what is docker compose',
        ts: '1700000100.000100',
        channel: 'C0001',
        event_ts: '1700000100.000100',
      }),
    );
    const post = await slack.waitFor('the reply', () => slack.api('chat.postMessage')[0]);
    expect(post.body).toMatchObject({ channel: 'C0001', thread_ts: '1700000100.000100' });
    expect(String(post.body.text)).toContain('Compose');
    expect(post.headers.authorization).toBe(`Bearer ${BOT_TOKEN}`);
  });

  it('replies inside the thread a mention is in, in Japanese for Japanese', async () => {
    await events(
      eventBody({
        type: 'app_mention',
        user: 'U0001',
        text: '<@UBOT> ボリュームとは',
        ts: '1700000200.000200',
        thread_ts: '1700000150.000100',
        channel: 'C0001',
        event_ts: '1700000200.000200',
      }),
    );
    const post = await slack.waitFor('the reply', () => slack.api('chat.postMessage')[0]);
    expect(post.body.thread_ts).toBe('1700000150.000100');
    expect(String(post.body.text)).toMatch(/ボリューム/);
  });

  it('answers a direct message in the DM', async () => {
    await events(
      eventBody({
        type: 'message',
        channel_type: 'im',
        user: 'U0001',
        text: 'how do I see container logs',
        ts: '1700000300.000300',
        channel: 'D0001',
        event_ts: '1700000300.000300',
      }),
    );
    const post = await slack.waitFor('the reply', () => slack.api('chat.postMessage')[0]);
    expect(post.body.channel).toBe('D0001');
    expect(post.body.thread_ts).toBeUndefined();
    expect(String(post.body.text)).toContain('logs');
  });

  it('answers the message a shortcut was used on, in its thread', async () => {
    await interact({
      type: 'message_action',
      callback_id: 'ask_docker_bot',
      trigger_id: '1.2.3',
      action_ts: '1700000400.1',
      team: { id: 'T0001' },
      user: { id: 'U0001', name: 'alice' },
      channel: { id: 'C0002', name: 'dev' },
      message: {
        type: 'message',
        user: 'U0003',
        text: 'why does my container lose its data?',
        ts: '1700000400.000400',
        thread_ts: '1700000390.000100',
      },
      response_url: slack.responseUrl('sc'),
    });
    const post = await slack.waitFor('the reply', () => slack.api('chat.postMessage')[0]);
    expect(post.body).toMatchObject({ channel: 'C0002', thread_ts: '1700000390.000100' });
  });

  it('tells the user privately when the shortcut is used where the bot is not a member', async () => {
    slack.script('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    await interact({
      type: 'message_action',
      callback_id: 'ask_docker_bot',
      trigger_id: '1.2.3',
      action_ts: '1700000500.1',
      team: { id: 'T0001' },
      user: { id: 'U0001', name: 'alice' },
      channel: { id: 'C0003', name: 'random' },
      message: { type: 'message', user: 'U0003', text: 'what is a volume', ts: '1700000500.000500' },
      response_url: slack.responseUrl('nic'),
    });
    const reply = await slack.waitFor('the private note', () => slack.responses()[0]);
    expect(String(reply.body.text)).toContain('/invite');
  });

  it('publishes App Home with the topics', async () => {
    await events(
      eventBody({
        type: 'app_home_opened',
        user: 'U0001',
        channel: 'D0001',
        tab: 'home',
        event_ts: '1700000600.1',
      }),
    );
    const publish = await slack.waitFor('views.publish', () => slack.api('views.publish')[0]);
    expect(publish.body.user_id).toBe('U0001');
    expect(JSON.stringify(publish.body.view)).toContain('show_topic:volumes');
  });
});

describe('reliability', () => {
  it('refuses a forged signature with 401 and does nothing', async () => {
    const body = slashCommandBody({ text: 'what is an image', response_url: slack.responseUrl('x') });
    const res = await sendSigned(`${bot.url}/slack/events`, body, FORM, { secret: 'not-the-secret' });
    expect(res.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(slack.calls).toHaveLength(0);
  });

  it.each([
    ['more than 5 minutes old', -6 * 60],
    ['more than 5 minutes in the future', 6 * 60],
  ])('refuses a timestamp %s with 401', async (_label, offset) => {
    const body = slashCommandBody({ text: 'what is an image', response_url: slack.responseUrl('x') });
    const res = await sendSigned(`${bot.url}/slack/events`, body, FORM, {
      timestamp: Math.floor(Date.now() / 1000) + offset,
    });
    expect(res.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(slack.calls).toHaveLength(0);
  });

  it('answers a retried event (same event_id, X-Slack-Retry-Num) once', async () => {
    const body = eventBody(
      {
        type: 'app_mention',
        user: 'U0001',
        text: '<@UBOT> kubectl',
        ts: '1700000700.000700',
        channel: 'C0001',
        event_ts: '1700000700.000700',
      },
      'EvRetry1',
    );
    await events(body);
    await events(body, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    await events(body, { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' });
    await slack.waitFor('the reply', () => slack.api('chat.postMessage')[0]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(slack.api('chat.postMessage')).toHaveLength(1);
  });

  it('answers a mention delivered both as app_mention and message.im once', async () => {
    const event = {
      user: 'U0001',
      text: '<@UBOT> docker ps',
      ts: '1700000800.000800',
      channel: 'D0002',
      event_ts: '1700000800.000800',
    };
    await Promise.all([
      events(eventBody({ type: 'app_mention', ...event })),
      events(eventBody({ type: 'message', channel_type: 'im', ...event })),
    ]);
    await slack.waitFor('the reply', () => slack.api('chat.postMessage')[0]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(slack.api('chat.postMessage')).toHaveLength(1);
  });

  it("ignores its own and other bots' messages", async () => {
    await events(
      eventBody({
        type: 'message',
        channel_type: 'im',
        user: 'UBOT',
        bot_id: 'BBOT',
        text: 'what is an image',
        ts: '1700000900.1',
        channel: 'D0001',
      }),
    );
    await events(
      eventBody({
        type: 'message',
        channel_type: 'im',
        subtype: 'bot_message',
        bot_id: 'BOTHER',
        text: 'what is an image',
        ts: '1700000900.2',
        channel: 'D0001',
      }),
    );
    await events(
      eventBody({
        type: 'app_mention',
        user: 'UOTHERBOT',
        bot_id: 'BOTHER',
        text: '<@UBOT> what is an image',
        ts: '1700000900.3',
        channel: 'C0001',
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(slack.api('chat.postMessage')).toHaveLength(0);
  });

  it('waits out a 429 with Retry-After, then delivers', async () => {
    slack.script('chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '1' },
      body: { ok: false, error: 'ratelimited' },
    });
    await events(
      eventBody({
        type: 'app_mention',
        user: 'U0001',
        text: '<@UBOT> restart policy',
        ts: '1700001000.1',
        channel: 'C0001',
      }),
    );
    await slack.waitFor('two attempts', () => slack.api('chat.postMessage').length === 2, 8000);
    expect(slack.api('chat.postEphemeral')).toHaveLength(0);
  });

  it('falls back to plain text when Slack rejects the blocks', async () => {
    slack.script('chat.postMessage', { body: { ok: false, error: 'invalid_blocks' } });
    await events(
      eventBody({
        type: 'app_mention',
        user: 'U0001',
        text: '<@UBOT> healthcheck',
        ts: '1700001100.1',
        channel: 'C0001',
      }),
    );
    const retry = await slack.waitFor('the text-only retry', () => slack.api('chat.postMessage')[1]);
    expect(retry.body.blocks).toBeUndefined();
    expect(String(retry.body.text)).toContain('HEALTHCHECK');
  });

  it('survives a network failure, apologises, logs no token, and keeps serving', async () => {
    slack.script('chat.postMessage', { hangUp: true }, 3);
    await events(
      eventBody({
        type: 'app_mention',
        user: 'U0001',
        text: '<@UBOT> docker logs',
        ts: '1700001200.1',
        channel: 'C0001',
      }),
    );
    await slack.waitFor('the apology', () => slack.api('chat.postEphemeral')[0], 10_000);
    expect(blocksText((await replyTo('what is an image', 'after')).body)).toContain(
      'What is a Docker image?',
    );
    expect(bot.logs.some((line) => line.includes('chat.postMessage failed'))).toBe(true);
    expect(bot.logs.join('\n')).not.toContain(BOT_TOKEN);
  });

  it('serves GET /healthz', async () => {
    const res = await fetch(`${bot.url}/healthz`);
    expect(res.status).toBe(200);
    const topics = loadKnowledge(DEFAULT_KNOWLEDGE_DIR).topics.length;
    expect(await res.json()).toMatchObject({ ok: true, topics });
  });
});
