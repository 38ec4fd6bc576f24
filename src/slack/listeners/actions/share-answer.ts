import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { shareAnswer as sharedReply } from '../../../conversation/buttons.js';
import type { BotDeps } from '../../../conversation/deps.js';
import { buttonAsker } from '../../asker.js';
import { deliverByResponseUrl } from '../../deliver.js';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/**
 * "Share in channel" on a private answer: posts it for everyone, attributed to the asker, through the
 * response_url (which can post in the channel even where the bot is not a member), then removes the
 * private copy.
 */
export function shareAnswer(deps: BotDeps) {
  return async ({ ack, action, body, respond, client }: Args) => {
    await ack();
    const asker = buttonAsker(client, deps, body);
    const reply = sharedReply(deps, asker, action.value ?? '');
    if (!reply) return;
    if ((await deliverByResponseUrl(respond, deps.logger, { replaceOriginal: false })(reply)) === null) {
      await respond({ delete_original: true });
    }
  };
}
