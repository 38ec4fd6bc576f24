/**
 * "Ask the team" end to end, against the real HTTP receiver and a stand-in Slack: a question the bot is
 * not sure about → the asker clicks Ask the team → a post in the help channel mentioning the experts →
 * someone replies in its thread (a signed `message` event) → the asker is told, once. And an anonymous
 * question whose help post, notification and log lines never carry the asker's id.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/answers/button-values.js';
import { blockActionPayload, eventBody, payloadBody, sendSigned } from '../support/signed.js';
import { StandInSlack, type RecordedCall } from '../support/stand-in-slack.js';
import { startBot, type RunningBot } from './harness.js';

const FORM = 'application/x-www-form-urlencoded';
const HELP = 'C0HELP';
const CHANNEL = 'C0CHAN';
const EXPERT = 'U0EXPERT';
/** The bot is not sure about it, and has runners-up to offer. */
const NOT_SURE = 'odd build cache';

let slack: StandInSlack;
let bot: RunningBot;

beforeAll(async () => {
  slack = await new StandInSlack().start();
  bot = await startBot(slack.url, undefined, { HELP_CHANNEL: HELP, EXPERTS: 'S0DOCKER' });
});

afterAll(async () => {
  await bot.stop();
  await slack.stop();
});

beforeEach(() => slack.reset());

let sent = 0;

async function send(body: string, contentType = 'application/json'): Promise<void> {
  const res = await sendSigned(`${bot.url}/slack/events`, body, contentType);
  expect(res.status).toBe(200);
}

/** Sends an event and waits until the bot has handled it (its "request handled" log line). */
async function event(fields: Record<string, unknown>): Promise<void> {
  const id = `EvAsk${++sent}`;
  await send(eventBody(fields, id));
  await slack.waitFor(`event ${id} handled`, () =>
    bot.logs.some((line) => line.includes('"request handled"') && line.includes(id)),
  );
}

/** `@bot <question>` at the top of CHANNEL, at `ts`; resolves with the bot's answer in its thread. */
async function mention(user: string, ts: string): Promise<RecordedCall> {
  await event({ type: 'app_mention', user, text: `<@UBOT> ${NOT_SURE}`, channel: CHANNEL, ts, event_ts: ts });
  return slack.waitFor('the answer in the thread', () =>
    slack.api('chat.postMessage', CHANNEL).find((call) => call.body.thread_ts === ts),
  );
}

function buttonValue(call: RecordedCall, actionId: string): string {
  const match = new RegExp(`"action_id":"${actionId}","value":("(?:[^"\\\\]|\\\\.)*")`).exec(
    JSON.stringify(call.body.blocks),
  );
  if (!match?.[1]) throw new Error(`no ${actionId} button in ${JSON.stringify(call.body.blocks)}`);
  return JSON.parse(match[1]) as string;
}

/** Clicks a button under the public answer `answerTs` in CHANNEL; resolves with the private reply. */
async function click(actionId: string, value: string, user: string, answerTs: string): Promise<RecordedCall> {
  const id = `askclick${++sent}`;
  const payload = {
    ...blockActionPayload({ actionId, value, user, responseUrl: slack.responseUrl(id), ephemeral: false }),
    // Every click is an interaction of its own, with its own trigger id.
    trigger_id: `trigger.${id}`,
    container: { type: 'message', message_ts: answerTs, channel_id: CHANNEL, is_ephemeral: false },
    channel: { id: CHANNEL, name: 'general' },
  };
  await send(payloadBody(payload), FORM);
  return slack.waitFor('the private reply to the click', () =>
    slack.responses().find((r) => r.method === `/response/${id}`),
  );
}

function helpRequests(): { asker: string; anonymous: number; help_ts: string; notified_at: number | null }[] {
  const db = new Database(bot.dbPath, { readonly: true });
  try {
    return db.prepare('SELECT asker, anonymous, help_ts, notified_at FROM help_requests').all() as never;
  } finally {
    db.close();
  }
}

/** A reply in the help thread, as Slack sends it (message.channels). */
const replyInThread = (threadTs: string, ts: string, user = EXPERT) =>
  event({
    type: 'message',
    channel: HELP,
    channel_type: 'channel',
    user,
    text: 'Try `docker build --no-cache .`',
    ts,
    thread_ts: threadTs,
    event_ts: ts,
  });

describe('Asking the team', () => {
  it('posts in the help channel with the experts mentioned, and tells the asker of a reply once', async () => {
    const asker = 'U0ASKER';
    const answer = await mention(asker, '1700000000.000100');
    const value = buttonValue(answer, ACTION_IDS.askTeam);

    const reply = await click(
      ACTION_IDS.askTeam,
      value,
      asker,
      String(answer.body.ts ?? '1700000000.000200'),
    );
    const post = slack.api('chat.postMessage', HELP)[0];
    expect(post).toBeDefined();
    const postText = JSON.stringify(post?.body);
    expect(postText).toContain(`<@${asker}> asked:`);
    expect(postText).toContain('<!subteam^S0DOCKER>');
    expect(postText).toContain(NOT_SURE);
    expect(postText).toContain(`https://example.slack.com/archives/${CHANNEL}/p`);
    expect(JSON.stringify(reply.body)).toContain(`I asked the team in <#${HELP}>`);

    const [request] = helpRequests();
    expect(request).toMatchObject({ asker, anonymous: 0, notified_at: null });
    const helpTs = request!.help_ts;
    expect(JSON.stringify(reply.body)).toContain(`archives/${HELP}/p${helpTs.replace('.', '')}`);

    await replyInThread(helpTs, '1700000300.000001');
    const told = await slack.waitFor('the asker told in their thread', () =>
      slack.api('chat.postMessage', CHANNEL).find((call) => JSON.stringify(call.body).includes('replied')),
    );
    expect(told.body.thread_ts).toBe('1700000000.000100');
    expect(String(told.body.text)).toContain(
      `<@${asker}> <@${EXPERT}> replied to your question in <#${HELP}>`,
    );
    expect(String(told.body.text)).toContain(`archives/${HELP}/p1700000300000001`);

    // A second reply, and the first one again as Slack's retry: no second notification.
    await replyInThread(helpTs, '1700000400.000001', 'U0SECOND');
    const notifications = slack.calls.filter(
      (call) => call.method === 'chat.postMessage' && JSON.stringify(call.body).includes('replied'),
    );
    expect(notifications).toHaveLength(1);
    expect(helpRequests()[0]?.notified_at).not.toBeNull();
  });

  it('asked anonymously: no post, notification or log line carries the asker’s id', async () => {
    const shy = 'U0SHYASKER';
    const answer = await mention(shy, '1700000500.000100');
    const value = buttonValue(answer, ACTION_IDS.askTeamAnonymously);
    // The answer under their own public mention carries the buttons bound to them (and the Web API
    // client's debug line of it): the question was public until they chose to ask anonymously. From the
    // click on, nothing may name them.
    const before = slack.calls.length;
    const logsBefore = bot.logs.length;

    const reply = await click(ACTION_IDS.askTeamAnonymously, value, shy, '1700000500.000200');
    expect(JSON.stringify(reply.body)).toContain('without your name');
    const post = slack.api('chat.postMessage', HELP)[0];
    expect(JSON.stringify(post?.body)).toContain('Someone asked (anonymously):');
    expect(JSON.stringify(post?.body)).not.toContain(shy);
    // No link to the mention either: it would show who wrote it.
    expect(JSON.stringify(post?.body)).not.toContain(`archives/${CHANNEL}`);

    const request = helpRequests().find((row) => row.anonymous === 1);
    await replyInThread(request!.help_ts, '1700000600.000001');
    const dm = await slack.waitFor(
      'the anonymous asker told by DM',
      () => slack.api('chat.postMessage', shy)[0],
    );
    expect(String(dm.body.text)).toContain(`<@${EXPERT}> replied to the question you asked anonymously`);

    // Told by DM only: nothing in the thread they asked in, nor anywhere else, names them.
    const elsewhere = slack.calls
      .slice(before)
      .filter((call) => call.body.channel !== shy && JSON.stringify(call.body).includes(shy));
    expect(elsewhere).toEqual([]);
    expect(bot.logs.slice(logsBefore).filter((line) => line.includes(shy))).toEqual([]);
  });
});
