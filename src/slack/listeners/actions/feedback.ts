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
    const reply = await giveFeedback(deps, asker, action.value ?? '', helpful, answerMessageOf(body));
    if (reply && body.response_url)
      await deliverByResponseUrl(respond, deps.logger, { replaceOriginal: false })(reply);
  };
}

/**
 * The answer's message, when everyone in its conversation sees it (an answer in a channel or thread),
 * for "Ask the team" to link to; null for an ephemeral answer, which only its asker ever saw.
 */
function answerMessageOf(body: BlockAction): { channel: string; ts: string; threadTs: string } | null {
  const container = body.container as
    | { type?: string; channel_id?: string; message_ts?: string; thread_ts?: string; is_ephemeral?: boolean }
    | undefined;
  if (
    container?.type !== 'message' ||
    container.is_ephemeral ||
    !container.channel_id ||
    !container.message_ts
  ) {
    return null;
  }
  // A DM with the bot is private too: nobody else could follow a link to it.
  if (container.channel_id.startsWith('D')) return null;
  return {
    channel: container.channel_id,
    ts: container.message_ts,
    threadTs: container.thread_ts ?? container.message_ts,
  };
}
