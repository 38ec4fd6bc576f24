import type { ChatPostMessageArguments, WebClient } from '@slack/web-api';
import type { Lang } from '../knowledge/types.js';
import { say } from '../answers/messages.js';
import type { AppLogger } from '../logger.js';

/** The Web API error code of a failed call (`not_in_channel`, `ratelimited`…), or a transport code. */
export function slackErrorCode(error: unknown): string {
  const e = error as { code?: string; data?: { error?: string } };
  return e?.data?.error ?? e?.code ?? (error instanceof Error ? error.message : String(error));
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
