import { ErrorCode, type ChatPostMessageArguments, type WebClient } from '@slack/web-api';
import type { Lang } from '../knowledge/types.js';
import { say } from '../answers/messages.js';
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
 * - rate limited beyond what the client waits out: `ratelimited`, the reason Slack gives for a 429;
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
 * Posts a reply. Slack refusing the blocks (`invalid_blocks`) falls back to the plain text, so the
 * person still gets the answer; any other failure is logged (never with a token) and reported as
 * false so the caller can apologise where it still can.
 */
export async function postReply(
  client: WebClient,
  logger: AppLogger,
  message: ChatPostMessageArguments,
): Promise<boolean> {
  try {
    await client.chat.postMessage(message);
    return true;
  } catch (error) {
    const code = slackErrorCode(error);
    logger.log('warn', 'chat.postMessage failed', { code, channel: message.channel });
    if (code !== 'invalid_blocks' || !('blocks' in message)) return false;
    try {
      const { blocks: _blocks, ...plain } = message;
      await client.chat.postMessage(plain as ChatPostMessageArguments);
      return true;
    } catch (retryError) {
      logger.log('error', 'chat.postMessage failed again without blocks', {
        code: slackErrorCode(retryError),
        channel: message.channel,
      });
      return false;
    }
  }
}

/** A short private apology, when the answer could not be delivered but the person can still be told. */
export async function apologise(
  client: WebClient,
  logger: AppLogger,
  where: { channel: string; user: string; thread_ts?: string },
  lang: Lang,
): Promise<void> {
  try {
    await client.chat.postEphemeral({ ...where, text: say('sorry', lang) });
  } catch (error) {
    logger.log('error', 'could not deliver the apology either', { code: slackErrorCode(error) });
  }
}
