import type { ViewSubmitAction } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { ACTION_IDS, ASK_TEAM_MODAL } from '../../../src/answers/button-values.js';
import { askTeam, openAskTeam } from '../../../src/slack/listeners/actions/ask-team.js';
import { helpThreadReply } from '../../../src/slack/listeners/events/help-thread-reply.js';
import { askTeamSubmitted } from '../../../src/slack/listeners/views/index.js';
import {
  buttonArgs,
  createListenerHarness,
  USER_ID,
  type EventArgs,
  type ListenerHarness,
} from '../../fakes/slack-args.js';

const HELP = 'C0HELP';

function harness(): ListenerHarness {
  const h = createListenerHarness();
  h.deps.helpChannel = HELP;
  return h;
}

/** The modal submitted with `question`, as Slack sends a view_submission. */
function submission(h: ListenerHarness, question: string, metadata: string) {
  const view = {
    id: 'V0MODAL',
    callback_id: ASK_TEAM_MODAL.callbackId,
    private_metadata: metadata,
    state: {
      values: {
        [ASK_TEAM_MODAL.blockId]: {
          [ASK_TEAM_MODAL.actionId]: { type: 'plain_text_input', value: question },
        },
      },
    },
  };
  const body = { type: 'view_submission', user: { id: USER_ID }, view };
  return {
    ack: async () => void h.timeline.push('ack'),
    body,
    view,
    payload: view,
    client: h.slack.client,
    logger: h.deps.logger,
    context: {},
    next: async () => {},
  } as unknown as Parameters<ReturnType<typeof askTeamSubmitted>>[0] & { body: ViewSubmitAction };
}

function threadMessage(h: ListenerHarness, event: Record<string, unknown>) {
  const message = {
    type: 'message',
    channel: HELP,
    channel_type: 'channel',
    user: 'U0EXPERT',
    text: 'try this',
    ts: '1750000100.000001',
    thread_ts: '1750000000.000001',
    ...event,
  };
  return {
    event: message,
    message,
    payload: message,
    body: { type: 'event_callback', event_id: 'Ev0001', event: message },
    client: h.slack.client,
    logger: h.deps.logger,
    context: {},
    next: async () => {},
  } as unknown as EventArgs<'message'>;
}

describe('App Home’s Ask the team buttons', () => {
  it('open the question modal, anonymous for Ask anonymously, in the tab’s language', async () => {
    const h = harness();
    await openAskTeam(h.deps)(buttonArgs(h, { action_id: ACTION_IDS.askTeamOpenAnonymously, value: 'ja' }));

    expect(h.timeline[0]).toBe('ack');
    const [opened] = h.slack.argsOf('views.open');
    const view = opened?.view as { callback_id: string; private_metadata: string; title: { text: string } };
    expect(view.callback_id).toBe(ASK_TEAM_MODAL.callbackId);
    expect(JSON.parse(view.private_metadata)).toEqual({ anonymous: true, lang: 'ja' });
    expect(view.title.text).toBe('匿名で聞く');
  });
});

describe('The question modal, submitted', () => {
  it('closes at once, posts the question in the help channel and tells the asker where by DM', async () => {
    const h = harness();
    await askTeamSubmitted(h.deps)(submission(h, 'build weird', '{"anonymous":false,"lang":"en"}'));

    expect(h.timeline[0]).toBe('ack');
    const posts = h.slack.argsOf('chat.postMessage');
    expect(posts.map((post) => post.channel)).toEqual([HELP, USER_ID]);
    expect(JSON.stringify(posts[0])).toContain(`<@${USER_ID}> asked:`);
    expect(JSON.stringify(posts[0])).toContain('Asked privately.');
    expect(String(posts[1]?.text)).toContain(`I asked the team in <#${HELP}>`);
  });

  it('asked anonymously: the post names nobody, and no log line names the asker', async () => {
    const h = harness();
    await askTeamSubmitted(h.deps)(submission(h, 'build weird', '{"anonymous":true,"lang":"en"}'));

    const [post] = h.slack.argsOf('chat.postMessage');
    expect(JSON.stringify(post)).toContain('Someone asked (anonymously):');
    expect(JSON.stringify(post)).not.toContain(USER_ID);
    expect(h.lines.join('\n')).not.toContain(USER_ID);
  });
});

describe('A message in a channel', () => {
  it.each([
    ['a top-level message', { thread_ts: undefined }],
    ['the help post itself', { ts: '1750000000.000001' }],
    ['a bot’s reply', { bot_id: 'B0OTHER' }],
    ['an edit', { subtype: 'message_changed' }],
  ])('is no reply to tell of: %s', async (_what, fields) => {
    const h = harness();
    let looked = 0;
    h.deps.store.findHelpRequest = async () => {
      looked++;
      return null;
    };
    await helpThreadReply(h.deps)(threadMessage(h, fields));
    expect(looked).toBe(0);
  });

  it('in a thread, "also sent to the channel" included, is looked up as a help thread', async () => {
    const h = harness();
    const looked: string[] = [];
    h.deps.store.findHelpRequest = async (channel, ts) => {
      looked.push(`${channel}:${ts}`);
      return null;
    };
    await helpThreadReply(h.deps)(threadMessage(h, {}));
    await helpThreadReply(h.deps)(threadMessage(h, { subtype: 'thread_broadcast' }));
    expect(looked).toEqual([`${HELP}:1750000000.000001`, `${HELP}:1750000000.000001`]);
  });
});

describe('An Ask the team button', () => {
  it('with a forged value posts nothing, and logs neither the value nor whose it was', async () => {
    const h = harness();
    const forged = JSON.stringify({ q: 'hi <!channel>', l: 'en', u: 'U0VICTIM', g: [], w: null, s: 'x' });
    await askTeam(h.deps)(buttonArgs(h, { action_id: ACTION_IDS.askTeamAnonymously, value: forged }));

    expect(h.slack.argsOf('chat.postMessage')).toEqual([]);
    expect(h.logged('ask-the-team button with an unreadable value')).toBeDefined();
    expect(h.lines.join('\n')).not.toContain('U0VICTIM');
  });

  it('posts in the help channel and replies privately through the response_url, without replacing the answer', async () => {
    const h = harness();
    const value = h.deps.buttons.askTeamValue({
      question: 'build weird',
      lang: 'en',
      forUser: USER_ID,
      guesses: [],
      where: null,
    });
    await askTeam(h.deps)(buttonArgs(h, { action_id: ACTION_IDS.askTeam, value }));

    expect(h.slack.argsOf('chat.postMessage').map((post) => post.channel)).toEqual([HELP]);
    expect(h.responses).toEqual([
      expect.objectContaining({ response_type: 'ephemeral', replace_original: false }),
    ]);
    expect(String(h.responses[0]?.text)).toContain(`I asked the team in <#${HELP}>`);
  });
});
