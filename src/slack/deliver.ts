import type { RespondFn } from '@slack/bolt';
import type { ChatPostMessageArguments, WebClient } from '@slack/web-api';
import type { Deliver, DeliveryFailure } from '../conversation/request.js';
import type { AppLogger } from '../logger.js';

/** The Web API error code of a failed call (`not_in_channel`, `ratelimited`…), or a transport code. */
export function slackErrorCode(error: unknown): string {
  const e = error as { code?: string; data?: { error?: string } };
  return e?.data?.error ?? e?.code ?? (error instanceof Error ? error.message : String(error));
}

function failureOf(code: string): DeliveryFailure {
  return code === 'not_in_channel' || code === 'channel_not_found' ? 'not_in_channel' : 'failed';
}

/**
 * Posts a message. Slack refusing the blocks (`invalid_blocks`) falls back to the plain text, so the
 * person still gets the answer; any other failure is logged (never with a token) and returned.
 */
export async function postReply(
  client: WebClient,
  logger: AppLogger,
  message: ChatPostMessageArguments,
): Promise<DeliveryFailure | null> {
  try {
    await client.chat.postMessage(message);
    return null;
  } catch (error) {
    const code = slackErrorCode(error);
    logger.log('warn', 'chat.postMessage failed', { code, channel: message.channel });
    if (code !== 'invalid_blocks' || !('blocks' in message)) return failureOf(code);
    try {
      const { blocks: _blocks, ...plain } = message;
      await client.chat.postMessage(plain as ChatPostMessageArguments);
      return null;
    } catch (retryError) {
      logger.log('error', 'chat.postMessage failed again without blocks', {
        code: slackErrorCode(retryError),
        channel: message.channel,
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
      await client.chat.postEphemeral({
        channel: where.channel,
        user: where.user,
        thread_ts,
        ...reply.message,
      });
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
