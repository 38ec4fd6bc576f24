import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerQuestion } from '../../../conversation/ask.js';
import type { BotDeps } from '../../../conversation/deps.js';
import { questionIn } from '../../../conversation/question-text.js';
import { slackAsker } from '../../asker.js';
import { deliverInConversation } from '../../deliver.js';

/**
 * `@bot question`: the reply goes in the thread — the one the mention is in, or a new one under a
 * top-level mention — in the language of the question.
 */
export function appMention(deps: BotDeps) {
  return async ({ event, client, body }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_mention'>) => {
    if (event.bot_id || event.subtype || !event.user) return;
    const asker = slackAsker(client, deps, {
      userId: event.user,
      channelId: event.channel,
      surface: 'mention',
      requestId: body.event_id,
    });
    await answerQuestion(
      deps,
      asker,
      questionIn(event.text),
      deliverInConversation(client, deps.logger, { channel: event.channel, user: event.user }),
      // A mention in a DM also arrives as message.im: whichever comes first answers.
      {
        visibility: 'public',
        threadTs: event.thread_ts ?? event.ts,
        onceKey: `message:${event.channel}:${event.ts}`,
        messageTs: event.ts,
      },
    );
  };
}
