import type { WebClient } from '@slack/web-api';

/** One Web API call the code under test made, in the order made. */
export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
}

/** An error shaped like the one @slack/web-api throws when Slack answers `ok: false`. */
export function platformError(code: string): Error & { code: string; data: { ok: false; error: string } } {
  return Object.assign(new Error(`An API error occurred: ${code}`), {
    code: 'slack_webapi_platform_error',
    data: { ok: false as const, error: code },
  });
}

export interface FakeSlackClient {
  /** Typed as the real client, so it can be handed to listeners and helpers unchanged. */
  client: WebClient;
  calls: ApiCall[];
  /** The arguments of every call to one method, e.g. `argsOf('chat.postMessage')`. */
  argsOf(method: string): Record<string, unknown>[];
  /** The next `times` calls to `method` throw `error` (a platformError, or any transport error). */
  fail(method: string, error: unknown, times?: number): void;
  /** The locale users.info reports, or undefined for a user without one. */
  locale: string | undefined;
  /** The messages conversations.replies returns (a thread, its parent first). */
  replies: Record<string, unknown>[];
}

/**
 * A stand-in for the Web API client with the methods the listeners use. Every call is recorded, and
 * its method name is also pushed onto `timeline`, so a test can check what happened before what.
 */
export function createFakeSlackClient(timeline: string[] = []): FakeSlackClient {
  const calls: ApiCall[] = [];
  const failures = new Map<string, unknown[]>();

  const fake: FakeSlackClient = {
    client: undefined as unknown as WebClient,
    calls,
    argsOf: (method) => calls.filter((call) => call.method === method).map((call) => call.args),
    fail(method, error, times = 1) {
      failures.set(method, [...(failures.get(method) ?? []), ...Array<unknown>(times).fill(error)]);
    },
    locale: 'en-US',
    replies: [],
  };

  const method =
    (name: string, result: (args: Record<string, unknown>) => Record<string, unknown>) =>
    async (args: Record<string, unknown>) => {
      calls.push({ method: name, args });
      timeline.push(name);
      const queued = failures.get(name);
      if (queued && queued.length > 0) throw queued.shift();
      return { ok: true, ...result(args) };
    };

  const client = {
    chat: {
      postMessage: method('chat.postMessage', (args) => ({ channel: args.channel, ts: '1750000000.000100' })),
      postEphemeral: method('chat.postEphemeral', () => ({ message_ts: '1750000000.000200' })),
      getPermalink: method('chat.getPermalink', (args) => ({
        permalink: `https://example.slack.com/archives/${String(args.channel)}/p${String(args.message_ts).replace('.', '')}`,
      })),
    },
    users: {
      info: method('users.info', (args) => ({
        user: { id: args.user, ...(fake.locale === undefined ? {} : { locale: fake.locale }) },
      })),
    },
    conversations: {
      replies: method('conversations.replies', () => ({ messages: fake.replies })),
    },
    views: {
      publish: method('views.publish', () => ({})),
      open: method('views.open', () => ({})),
    },
  };
  fake.client = client as unknown as WebClient;
  return fake;
}
