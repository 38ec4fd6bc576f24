import { phrase } from '../answers/messages.js';
import { textMessage } from '../answers/slack-messages.js';
import type { Lang } from '../knowledge/types.js';
import type { BotDeps } from './deps.js';
import type { Asker, Reply } from './request.js';

/**
 * The one rule for a step that fails after Slack was acknowledged (a store that is down, a tip schedule
 * that cannot be saved, a report that cannot be read): the asker still gets a short reply in their
 * language saying what went wrong and what to do, and the error is logged with the request id.
 */
export async function politely(
  deps: BotDeps,
  asker: Asker,
  lang: Lang,
  what: string,
  work: () => Promise<Reply>,
): Promise<Reply> {
  try {
    return await work();
  } catch (error) {
    deps.logger.log('error', `could not ${what}`, {
      error,
      request_id: asker.requestId,
      surface: asker.surface,
      channel: asker.channelId,
    });
    return { message: textMessage(phrase('failedTryAgain', lang), lang), visibility: 'private' };
  }
}
