import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { textMessage } from '../../../answers/slack-messages.js';
import type { BotDeps } from '../../../conversation/deps.js';
import { submitTeaching } from '../../../conversation/teach.js';
import { slackAsker } from '../../asker.js';
import { postReply } from '../../deliver.js';
import { readTeachSubmission } from '../../teach-modal.js';

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/**
 * The teach modal submitted. Problems are shown beside their fields (`response_action: errors`,
 * https://docs.slack.dev/surfaces/modals#displaying_errors), which keeps the modal open; a saved
 * phrasing or draft closes it and the maintainer is told in their DM with the bot. The acknowledgement
 * waits for the store (a few milliseconds; Slack allows 3 seconds) because the errors must be in it.
 */
export function teachSubmission(deps: BotDeps) {
  return async ({ ack, body, view, client }: Args) => {
    const userId = body.user.id;
    const asker = slackAsker(client, deps, {
      userId,
      channelId: userId,
      surface: 'button',
      requestId: view.id,
    });
    let result;
    try {
      result = await submitTeaching(deps, userId, readTeachSubmission(view.state.values), 'en');
    } catch (error) {
      deps.logger.log('error', 'could not save what was taught', { error, user: userId });
      await ack({
        response_action: 'errors',
        errors: {
          question: 'The bot could not save this just now (its database is unavailable). Try again shortly.',
        },
      });
      return;
    }
    if (!result.ok) {
      await ack({ response_action: 'errors', errors: result.errors });
      return;
    }
    await ack();
    const { lang } = await asker.profile();
    await postReply(client, deps.logger, { channel: userId, ...textMessage(result.reply, lang) });
  };
}
