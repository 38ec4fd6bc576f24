import type { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../../src/answers/button-values.js';
import { BOT_ACTIONS } from '../../../src/slack/listeners/actions/index.js';
import { BOT_EVENTS } from '../../../src/slack/listeners/events/index.js';
import { registerListeners } from '../../../src/slack/listeners/index.js';
import {
  buttonArgs,
  commandArgs,
  createListenerHarness,
  directMessageArgs,
  homeOpenedArgs,
  mentionArgs,
  USER_ID,
  type ListenerHarness,
} from '../../fakes/slack-args.js';
import { testButtons } from '../../fakes/deps.js';

type Listener = (args: unknown) => Promise<unknown>;

/** The listeners registered on an app that only records them: what Bolt would run on every request. */
function registered(h: ListenerHarness) {
  const listeners: { kind: string; constraint: unknown; listener: Listener }[] = [];
  const record =
    (kind: string) =>
    (constraint: unknown, listener: Listener): void =>
      void listeners.push({ kind, constraint, listener });
  const app = {
    use: (middleware: Listener) =>
      void listeners.push({ kind: 'middleware', constraint: null, listener: middleware }),
    command: record('command'),
    event: record('event'),
    action: record('action'),
    shortcut: record('shortcut'),
    view: record('view'),
  } as unknown as App;
  registerListeners(app, h.deps);
  const only = (kind: string) => {
    const found = listeners.filter((l) => l.kind === kind);
    expect(found).toHaveLength(1);
    return found[0] as (typeof listeners)[number];
  };
  return { listeners, only };
}

// Bolt runs every registered listener's filters on every request: one registration per kind keeps that
// cost down, and /docker, most of the requests, is taken before Bolt's listeners (npm run bench:http).
describe('Registering the listeners', () => {
  it('takes /docker in a middleware and registers one listener per other kind of request', () => {
    const { listeners } = registered(createListenerHarness());

    expect(listeners.map((l) => l.kind)).toEqual(['middleware', 'event', 'action', 'shortcut', 'view']);
  });

  it("answers /docker without going on to Bolt's listeners", async () => {
    const h = createListenerHarness();
    let wentOn = false;
    const args = { ...commandArgs(h, { text: 'what is a volume' }), next: async () => void (wentOn = true) };

    await registered(h).only('middleware').listener(args);

    expect(wentOn).toBe(false);
    expect(h.timeline).toEqual(['ack with reply']);
    expect(h.responses[0]?.blocks?.length).toBeGreaterThan(0);
    expect(h.store.questions).toHaveLength(1);
  });

  it("passes every other request on to Bolt's listeners, another command included", async () => {
    const h = createListenerHarness();
    const middleware = registered(h).only('middleware').listener;
    const requests = [
      commandArgs(h, { command: '/other', text: 'what is a volume' }),
      mentionArgs(h, { text: '<@U0BOT> what is a volume' }),
      homeOpenedArgs(h),
    ];
    for (const request of requests) {
      let wentOn = false;
      await middleware({ ...request, next: async () => void (wentOn = true) });
      expect(wentOn).toBe(true);
    }
    expect(h.timeline).toEqual([]);
  });

  it("matches each of the bot's buttons, and no other action id", () => {
    for (const id of [
      `${ACTION_IDS.showTopicPrefix}volumes`,
      ACTION_IDS.shareAnswer,
      ACTION_IDS.feedbackHelpful,
      ACTION_IDS.feedbackNotHelpful,
      ACTION_IDS.askTeam,
      ACTION_IDS.askTeamAnonymously,
      ACTION_IDS.askTeamOpen,
      ACTION_IDS.askTeamOpenAnonymously,
      ACTION_IDS.teachQuestion,
      ACTION_IDS.teachSuggested,
    ]) {
      expect(BOT_ACTIONS.test(id)).toBe(true);
    }
    for (const id of ['share_answer_2', 'xfeedback_helpful', 'show_topic', 'other']) {
      expect(BOT_ACTIONS.test(id)).toBe(false);
    }
  });

  it('matches the events the manifest subscribes to, and no other', () => {
    for (const type of ['app_mention', 'message', 'app_home_opened'])
      expect(BOT_EVENTS.test(type)).toBe(true);
    for (const type of ['message_changed', 'app_home', 'reaction_added'])
      expect(BOT_EVENTS.test(type)).toBe(false);
  });
});

describe('When a button is clicked', () => {
  it('a vote reaches the feedback listener', async () => {
    const h = createListenerHarness();
    const value = testButtons.value({
      topic: 'volumes',
      lang: 'en',
      question: 'keep my db data',
      forUser: USER_ID,
    });
    await registered(h)
      .only('action')
      .listener(buttonArgs(h, { action_id: ACTION_IDS.feedbackNotHelpful, value }));

    expect(h.store.feedback).toEqual([expect.objectContaining({ topic: 'volumes', helpful: false })]);
  });

  it('a topic button reaches the topic listener', async () => {
    const h = createListenerHarness();
    await registered(h)
      .only('action')
      .listener(buttonArgs(h, { action_id: `${ACTION_IDS.showTopicPrefix}volumes`, value: 'volumes|en' }));

    expect(JSON.stringify(h.responses)).toContain('feedback_helpful');
    expect(h.store.feedback).toEqual([]);
  });

  it('a share button reaches the share listener', async () => {
    const h = createListenerHarness();
    const value = testButtons.value({
      topic: 'volumes',
      lang: 'en',
      question: 'keep my db data',
      forUser: USER_ID,
    });
    await registered(h)
      .only('action')
      .listener(buttonArgs(h, { action_id: ACTION_IDS.shareAnswer, value }));

    expect(h.responses).toContainEqual(expect.objectContaining({ response_type: 'in_channel' }));
  });
});

describe('When an event arrives', () => {
  it('a mention reaches the mention listener, which answers in the thread', async () => {
    const h = createListenerHarness();
    await registered(h)
      .only('event')
      .listener(mentionArgs(h, { text: '<@UBOT> what is a volume' }));

    expect(h.slack.argsOf('chat.postMessage')).toEqual([
      expect.objectContaining({ thread_ts: expect.any(String) }),
    ]);
  });

  it('a direct message reaches the direct-message listener', async () => {
    const h = createListenerHarness();
    await registered(h)
      .only('event')
      .listener(directMessageArgs(h, { text: 'what is a volume' }));

    expect(h.slack.calls.length).toBeGreaterThan(0);
    expect(h.store.questions).toHaveLength(1);
  });

  it('opening App Home reaches the home listener', async () => {
    const h = createListenerHarness();
    await registered(h).only('event').listener(homeOpenedArgs(h));

    expect(h.slack.argsOf('views.publish')).toHaveLength(1);
  });
});
