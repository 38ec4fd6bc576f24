import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTION_IDS } from '../../../answers/button-values.js';
import { giveFeedback } from '../../../conversation/buttons.js';
import type { BotDeps } from '../../../conversation/deps.js';
import { buttonAsker } from '../../asker.js';
import { deliverByResponseUrl } from '../../deliver.js';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/** Helpful / not helpful: stored for the maintainers' report; thanks privately where it can. */
export function feedback(deps: BotDeps) {
  return async ({ ack, action, body, respond, client }: Args) => {
    await ack();
    const asker = buttonAsker(client, deps, body);
    const helpful = action.action_id === ACTION_IDS.feedbackHelpful;
    const reply = await giveFeedback(deps, asker, action.value ?? '', helpful);
    if (reply && body.response_url)
      await deliverByResponseUrl(respond, deps.logger, { replaceOriginal: false })(reply);
  };
}
