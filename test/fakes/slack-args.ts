import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  MessageShortcut,
  RespondArguments,
  RespondFn,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
} from '@slack/bolt';
import { createTestDeps, type TestDeps } from './deps.js';
import { createFakeSlackClient, type FakeSlackClient } from './slack-client.js';

export const USER_ID = 'U0ASKER';
export const CHANNEL_ID = 'C0DOCKER';
export const DM_CHANNEL_ID = 'D0DIRECT';
export const RESPONSE_URL = 'https://hooks.slack.com/actions/T0TEAM/1/abc';

/** A message sent through `respond`, loosely typed so a test can read any field of it. */
export interface RecordedResponse extends Omit<Partial<RespondArguments>, 'blocks' | 'text'> {
  text?: string;
  blocks?: unknown[];
  [field: string]: unknown;
}

/**
 * Everything one listener call needs and leaves behind: the deps, a fake Web API client, the
 * messages sent through `respond`, and `timeline`, the order of acks, responses and API calls.
 */
export interface ListenerHarness extends TestDeps {
  slack: FakeSlackClient;
  timeline: string[];
  /** What the listener replied, through an acknowledgement or `respond`, in order. */
  responses: RecordedResponse[];
  /** The `respond` handed to listeners: records, or throws what `failRespond` queued. */
  respond: RespondFn;
  /** The next `times` respond calls throw `error` (after being recorded in the timeline). */
  failRespond(error: unknown, times?: number): void;
}

export function createListenerHarness(): ListenerHarness {
  const timeline: string[] = [];
  const respondFailures: unknown[] = [];
  const responses: RecordedResponse[] = [];
  return {
    ...createTestDeps(),
    slack: createFakeSlackClient(timeline),
    timeline,
    responses,
    async respond(message) {
      timeline.push('respond');
      if (respondFailures.length > 0) throw respondFailures.shift();
      responses.push(typeof message === 'string' ? { text: message } : { ...message });
      return {} as Awaited<ReturnType<RespondFn>>;
    },
    failRespond: (error, times = 1) => void respondFailures.push(...Array<unknown>(times).fill(error)),
  };
}

/** What every Bolt listener receives besides its payload. */
function commonArgs(h: ListenerHarness) {
  return {
    // An acknowledgement may carry the reply itself (slash commands): it is recorded as a response.
    ack: async (reply?: unknown) => {
      h.timeline.push(reply === undefined ? 'ack' : 'ack with reply');
      if (reply !== undefined) h.responses.push({ ...(reply as RecordedResponse) });
    },
    respond: h.respond,
    client: h.slack.client,
    logger: h.deps.logger,
    context: { isEnterpriseInstall: false, botUserId: 'U0BOT', botId: 'B0BOT' },
    next: async () => {},
  };
}

// ---------------------------------------------------------------------------------------------------
// Slash commands

export type CommandArgs = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

export function commandArgs(
  h: ListenerHarness,
  command: { command?: string; text?: string; user_id?: string; channel_id?: string } = {},
): CommandArgs {
  const body = {
    command: '/docker',
    text: '',
    user_id: USER_ID,
    user_name: 'asker',
    channel_id: CHANNEL_ID,
    channel_name: 'docker',
    team_id: 'T0TEAM',
    team_domain: 'example',
    api_app_id: 'A0APP',
    token: 'verification-token',
    trigger_id: '1.2.3',
    response_url: RESPONSE_URL,
    ...command,
  };
  return { ...commonArgs(h), command: body, body, payload: body } as unknown as CommandArgs;
}

// ---------------------------------------------------------------------------------------------------
// Events

export type EventArgs<Type extends string> = AllMiddlewareArgs & SlackEventMiddlewareArgs<Type>;

function eventArgs<Type extends string>(h: ListenerHarness, event: Record<string, unknown>): EventArgs<Type> {
  const body = { type: 'event_callback', team_id: 'T0TEAM', event_id: 'Ev0001', event };
  return { ...commonArgs(h), event, message: event, body, payload: event } as unknown as EventArgs<Type>;
}

export function mentionArgs(h: ListenerHarness, event: Record<string, unknown> = {}) {
  return eventArgs<'app_mention'>(h, {
    type: 'app_mention',
    user: USER_ID,
    text: '<@U0BOT> How do I list running containers?',
    ts: '1750000000.000001',
    channel: CHANNEL_ID,
    event_ts: '1750000000.000001',
    ...event,
  });
}

export function directMessageArgs(h: ListenerHarness, event: Record<string, unknown> = {}) {
  return eventArgs<'message'>(h, {
    type: 'message',
    channel_type: 'im',
    user: USER_ID,
    text: 'How do I list running containers?',
    ts: '1750000000.000002',
    channel: DM_CHANNEL_ID,
    event_ts: '1750000000.000002',
    ...event,
  });
}

export function homeOpenedArgs(h: ListenerHarness, event: Record<string, unknown> = {}) {
  return eventArgs<'app_home_opened'>(h, {
    type: 'app_home_opened',
    user: USER_ID,
    channel: DM_CHANNEL_ID,
    tab: 'home',
    event_ts: '1750000000.000003',
    ...event,
  });
}

// ---------------------------------------------------------------------------------------------------
// Block actions

export type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

export interface ButtonClick {
  action_id: string;
  value?: string;
  user?: string;
  /** Where the button was: a message (ephemeral or not) or a view such as App Home. */
  container?: Record<string, unknown>;
  /** Absent for App Home, which has no response_url. */
  response_url?: string | undefined;
}

/** A click on a button in a message the person can see only themselves, unless `container` says otherwise. */
export function buttonArgs(h: ListenerHarness, click: ButtonClick): ButtonArgs {
  const action = {
    type: 'button',
    action_id: click.action_id,
    block_id: 'b1',
    text: { type: 'plain_text', text: 'Button' },
    action_ts: '1750000000.000004',
    ...(click.value === undefined ? {} : { value: click.value }),
  };
  const container = click.container ?? {
    type: 'message',
    message_ts: '1750000000.000005',
    channel_id: CHANNEL_ID,
    is_ephemeral: true,
  };
  const responseUrl = 'response_url' in click ? click.response_url : RESPONSE_URL;
  const body = {
    type: 'block_actions',
    user: { id: click.user ?? USER_ID, name: 'asker', team_id: 'T0TEAM' },
    team: { id: 'T0TEAM', domain: 'example' },
    api_app_id: 'A0APP',
    token: 'verification-token',
    trigger_id: '1.2.3',
    container,
    actions: [action],
    ...(responseUrl === undefined ? {} : { response_url: responseUrl }),
  };
  const common = commonArgs(h);
  return {
    ...common,
    // Bolt only provides respond when the payload has a response_url.
    respond: responseUrl === undefined ? undefined : common.respond,
    action,
    body,
    payload: action,
  } as unknown as ButtonArgs;
}

/** A button inside an App Home view: no response_url, a view container. */
export const APP_HOME_CONTAINER = { type: 'view', view_id: 'V0HOME' };
/** A button under a message everyone in the channel sees. */
export const PUBLIC_MESSAGE_CONTAINER = {
  type: 'message',
  message_ts: '1750000000.000006',
  channel_id: CHANNEL_ID,
  is_ephemeral: false,
};

// ---------------------------------------------------------------------------------------------------
// Shortcuts

export type MessageShortcutArgs = AllMiddlewareArgs & SlackShortcutMiddlewareArgs<MessageShortcut>;

export function messageShortcutArgs(
  h: ListenerHarness,
  options: { message?: Record<string, unknown>; channel?: string; user?: string } = {},
): MessageShortcutArgs {
  const shortcut = {
    type: 'message_action',
    callback_id: 'ask_docker_bot',
    trigger_id: '1.2.3',
    action_ts: '1750000000.000007',
    team: { id: 'T0TEAM', domain: 'example' },
    user: { id: options.user ?? USER_ID, name: 'asker', team_id: 'T0TEAM' },
    channel: { id: options.channel ?? CHANNEL_ID, name: 'docker' },
    message_ts: '1750000000.000008',
    message: {
      type: 'message',
      user: 'U0AUTHOR',
      text: 'How do I list running containers?',
      ts: '1750000000.000008',
      ...options.message,
    },
    response_url: RESPONSE_URL,
    token: 'verification-token',
  };
  return { ...commonArgs(h), shortcut, body: shortcut, payload: shortcut } as unknown as MessageShortcutArgs;
}
