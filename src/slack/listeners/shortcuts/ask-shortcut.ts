import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { answerQuestion } from '../../../conversation/ask.js';
import type { BotDeps } from '../../../conversation/deps.js';
import { slackAsker } from '../../asker.js';
import { deliverByResponseUrl, postReply } from '../../deliver.js';

export const ASK_SHORTCUT_CALLBACK_ID = 'ask_docker_bot';

type Args = AllMiddlewareArgs & SlackShortcutMiddlewareArgs<MessageShortcut>;

/**
 * "Ask the Docker bot" on any message (slash commands cannot be used inside threads): answers that
 * message's text in its thread. Where the bot is not a member it says so privately instead, through the
 * shortcut's response_url (which works in any channel).
 */
export function askShortcut(deps: BotDeps) {
  return async ({ ack, shortcut, respond, client }: Args) => {
    await ack();
    const asker = slackAsker(client, deps, {
      userId: shortcut.user.id,
      channelId: shortcut.channel.id,
      surface: 'shortcut',
      requestId: shortcut.trigger_id,
    });
    const privately = deliverByResponseUrl(respond, deps.logger, { channel: shortcut.channel.id });
    await answerQuestion(
      deps,
      asker,
      shortcut.message.text ?? '',
      async (reply) =>
        reply.visibility === 'private'
          ? privately(reply)
          : postReply(client, deps.logger, {
              channel: shortcut.channel.id,
              thread_ts: reply.threadTs,
              ...reply.message,
            }),
      {
        visibility: 'public',
        threadTs: shortcut.message.thread_ts ?? shortcut.message.ts,
        messageTs: shortcut.message.ts,
      },
    );
  };
}
