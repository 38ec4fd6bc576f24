import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerQuestion } from '../../../conversation/ask.js';
import type { BotDeps } from '../../../conversation/deps.js';
import { questionIn } from '../../../conversation/question-text.js';
import { slackAsker } from '../../asker.js';
import { deliverInConversation } from '../../deliver.js';

/** A direct message to the bot is a question, answered in the DM (in its thread when it has one). */
export function directMessage(deps: BotDeps) {
  return async ({ event, client, body }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>) => {
    // Edits, joins, bot posts (our own included) and other subtypes are not questions.
    if (event.channel_type !== 'im' || event.subtype !== undefined || event.bot_id || !event.user) return;
    const asker = slackAsker(client, deps, {
      userId: event.user,
      channelId: event.channel,
      surface: 'dm',
      requestId: body.event_id,
    });
    await answerQuestion(
      deps,
      asker,
      questionIn(event.text),
      deliverInConversation(client, deps.logger, { channel: event.channel, user: event.user }),
      { visibility: 'public', threadTs: event.thread_ts, onceKey: `message:${event.channel}:${event.ts}` },
    );
  };
}
