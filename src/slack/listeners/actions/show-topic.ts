import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { showTopic as topicReply } from '../../../conversation/buttons.js';
import type { BotDeps } from '../../../conversation/deps.js';
import { buttonAsker } from '../../asker.js';
import { deliverByResponseUrl, postReply } from '../../deliver.js';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/**
 * A related-topic, "did you mean" or App Home button: shows that topic to the person who clicked.
 * In their private answer it replaces the answer; under a public message it comes privately; from
 * App Home (which has no response_url) it arrives in the DM with the bot.
 */
export function showTopic(deps: BotDeps) {
  return async ({ ack, action, body, respond, client }: Args) => {
    await ack();
    const asker = buttonAsker(client, deps, body);
    const reply = topicReply(deps, asker, action.value ?? '');
    if (!reply) return;
    if (body.response_url) {
      const replaceOriginal = body.container?.is_ephemeral === true;
      await deliverByResponseUrl(respond, deps.logger, { replaceOriginal })(reply);
    } else {
      await postReply(client, deps.logger, { channel: body.user.id, ...reply.message });
    }
  };
}
