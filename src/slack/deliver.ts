import type { RespondFn } from '@slack/bolt';
import {
  ErrorCode,
  WebAPIRateLimitedError,
  type ChatPostMessageArguments,
  type WebClient,
} from '@slack/web-api';
import type { Deliver, DeliveryFailure } from '../conversation/request.js';
import { TIME_LIMITS } from '../limits.js';
import type { AppLogger } from '../logger.js';

/** The fields of @slack/web-api's errors (`WebAPICallError`) this module reads, each by its `code`. */
interface WebApiErrorFields {
  code?: unknown;
  /** PlatformError: Slack answered `ok: false`; `data.error` is its reason. */
  data?: { error?: unknown };
  /** HTTPError: Slack (or a proxy) answered with a status other than 200. */
  statusCode?: unknown;
  /** RequestError: the request never got an answer; `original` is fetch's error. */
  original?: { code?: unknown; name?: unknown; cause?: { code?: unknown } };
}

/**
 * What went wrong with a Slack call, as one short code for logs and decisions:
 * - Slack refused it (a platform error): Slack's reason, e.g. `not_in_channel`, `invalid_blocks`;
 * - rate limited beyond what `callRateLimited` waits out: `ratelimited`, the reason Slack gives for a 429;
 * - an HTTP status other than 200: `http_<status>`, e.g. `http_503`;
 * - no answer at all (a request error): the network's code, e.g. `ECONNREFUSED`, `timeout` when the
 *   client's timeout ran out, else `request_error`;
 * - any other error (`respond()` posts to response_url outside the Web API client): its code, else its message.
 */
export function slackErrorCode(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const e = error as WebApiErrorFields;
  switch (e.code) {
    case ErrorCode.PlatformError:
      if (typeof e.data?.error === 'string') return e.data.error;
      break;
    case ErrorCode.RateLimitedError:
      return 'ratelimited';
    case ErrorCode.HTTPError:
      if (typeof e.statusCode === 'number') return `http_${e.statusCode}`;
      break;
    case ErrorCode.RequestError:
      return transportCode(e.original) ?? 'request_error';
  }
  if (typeof e.code === 'string') return e.code;
  return error instanceof Error ? error.message : String(error);
}

/** fetch fails with "fetch failed" and the network error as its cause, or a TimeoutError when aborted. */
function transportCode(original: WebApiErrorFields['original']): string | undefined {
  if (typeof original?.code === 'string') return original.code;
  if (typeof original?.cause?.code === 'string') return original.cause.code;
  if (original?.name === 'TimeoutError') return 'timeout';
  return undefined;
}

/**
 * When each method and channel may be called again, per client (Bolt keeps one client per workspace
 * token, and Slack rate limits a workspace's calls per method, chat.postMessage also per channel).
 */
const rateLimitWindows = new WeakMap<WebClient, Map<string, number>>();

/**
 * Makes one Web API call for `method` in `channel`, waiting out Slack's rate limit for that method and
 * channel only, never anyone else's: a call whose method and channel are inside a Retry-After window
 * waits for its end, and a 429 (the client rejects it at once; the call did not happen, so repeating it
 * is safe) is tried again after its Retry-After. One call waits at most `waitLimitMs` in all, then fails
 * with the rate-limit error. Any other failure is thrown at once: a call that timed out or got a 5xx may
 * have happened, and is never repeated.
 */
export async function callRateLimited<T>(
  client: WebClient,
  where: { method: string; channel: string },
  call: () => Promise<T>,
  waitLimitMs: number = TIME_LIMITS.slackRateLimitWaitMs,
): Promise<T> {
  let windows = rateLimitWindows.get(client);
  if (!windows) rateLimitWindows.set(client, (windows = new Map()));
  const key = `${where.method} ${where.channel}`;
  let waited = 0;
  for (;;) {
    const wait = (windows.get(key) ?? 0) - Date.now();
    if (wait > 0) {
      if (waited + wait > waitLimitMs) throw new WebAPIRateLimitedError(Math.ceil(wait / 1000));
      await new Promise((resolve) => setTimeout(resolve, wait));
      waited += wait;
    }
    try {
      const result = await call();
      if ((windows.get(key) ?? 0) <= Date.now()) windows.delete(key);
      return result;
    } catch (error) {
      const limited = error as Partial<WebAPIRateLimitedError> | null;
      if (limited?.code !== ErrorCode.RateLimitedError || typeof limited.retryAfter !== 'number') throw error;
      const retryAfterMs = limited.retryAfter * 1000;
      windows.set(key, Date.now() + retryAfterMs);
      if (waited + retryAfterMs > waitLimitMs) throw error;
    }
  }
}

function failureOf(code: string): DeliveryFailure {
  return code === 'not_in_channel' || code === 'channel_not_found' ? 'not_in_channel' : 'failed';
}

/**
 * Posts a message, once (a rate limit in its channel is waited out: `callRateLimited`). Slack refusing
 * the blocks (`invalid_blocks`) falls back to the plain text, so the person still gets the answer; any
 * other failure is logged (never with a token) and returned.
 */
export async function postReply(
  client: WebClient,
  logger: AppLogger,
  message: ChatPostMessageArguments,
): Promise<DeliveryFailure | null> {
  const posted = await postMessage(client, logger, message);
  return typeof posted === 'string' ? posted : null;
}

/**
 * `postReply` that also gives the posted message's ts (a help post, whose thread is answered in).
 * `logChannelAs` replaces the channel in the log lines: a direct message's channel is a person's id.
 */
export async function postMessage(
  client: WebClient,
  logger: AppLogger,
  message: ChatPostMessageArguments,
  logChannelAs: string = message.channel,
): Promise<{ ts: string } | DeliveryFailure> {
  const where = { method: 'chat.postMessage', channel: message.channel };
  try {
    const result = await callRateLimited(client, where, () => client.chat.postMessage(message));
    return { ts: result.ts ?? '' };
  } catch (error) {
    const code = slackErrorCode(error);
    logger.log('warn', 'chat.postMessage failed', { code, channel: logChannelAs });
    if (code !== 'invalid_blocks' || !('blocks' in message)) return failureOf(code);
    try {
      const { blocks: _blocks, ...plain } = message;
      const result = await callRateLimited(client, where, () =>
        client.chat.postMessage(plain as ChatPostMessageArguments),
      );
      return { ts: result.ts ?? '' };
    } catch (retryError) {
      logger.log('error', 'chat.postMessage failed again without blocks', {
        code: slackErrorCode(retryError),
        channel: logChannelAs,
      });
      return failureOf(slackErrorCode(retryError));
    }
  }
}

/**
 * Replies in a conversation with the Web API: public replies are posted (in the thread when there is
 * one), private ones are ephemeral messages only the asker sees.
 */
export function deliverInConversation(
  client: WebClient,
  logger: AppLogger,
  where: { channel: string; user: string },
): Deliver {
  return async (reply) => {
    const thread_ts = reply.threadTs;
    if (reply.visibility === 'public') {
      return postReply(client, logger, { channel: where.channel, thread_ts, ...reply.message });
    }
    try {
      await callRateLimited(client, { method: 'chat.postEphemeral', channel: where.channel }, () =>
        client.chat.postEphemeral({
          channel: where.channel,
          user: where.user,
          thread_ts,
          ...reply.message,
        }),
      );
      return null;
    } catch (error) {
      const code = slackErrorCode(error);
      logger.log('warn', 'chat.postEphemeral failed', { code, channel: where.channel });
      return failureOf(code);
    }
  };
}

/**
 * Replies through a command's or a button's response_url, which works even where the bot is not a
 * member: private replies are ephemeral, public ones go in the channel.
 */
export function deliverByResponseUrl(
  respond: RespondFn,
  logger: AppLogger,
  /** Under a message with buttons: whether the reply replaces that message (unset for commands). */
  options: { replaceOriginal?: boolean; channel?: string } = {},
): Deliver {
  return async (reply) => {
    try {
      await respond({
        response_type: reply.visibility === 'public' ? 'in_channel' : 'ephemeral',
        ...(options.replaceOriginal === undefined ? {} : { replace_original: options.replaceOriginal }),
        ...reply.message,
      });
      return null;
    } catch (error) {
      logger.log('error', 'could not reply through response_url', {
        code: slackErrorCode(error),
        channel: options.channel,
      });
      return 'failed';
    }
  };
}
