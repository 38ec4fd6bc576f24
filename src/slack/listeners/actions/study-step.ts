import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { BotDeps } from '../../../conversation/deps.js';
import type { Reply } from '../../../conversation/request.js';
import { studyStepButton } from '../../../conversation/study.js';
import { buttonAsker } from '../../asker.js';
import { deliverByResponseUrl, postReply } from '../../deliver.js';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/** "Next question" after an answer, and "Continue" / "Start" a track in `/docker learn` or App Home. */
export function studyStep(deps: BotDeps) {
  return async ({ ack, action, body, respond, client }: Args) => {
    await ack();
    const asker = buttonAsker(client, deps, body);
    const reply = await studyStepButton(deps, asker, action.value ?? '');
    if (reply) await deliverStudyReply(deps, { body, respond, client }, reply);
  };
}

/**
 * A study reply goes privately below the message clicked, through its response_url; App Home has none,
 * so from there it arrives in the DM with the bot.
 */
export async function deliverStudyReply(
  deps: BotDeps,
  { body, respond, client }: Pick<Args, 'body' | 'respond' | 'client'>,
  reply: Reply,
): Promise<void> {
  if (body.response_url) {
    await deliverByResponseUrl(respond, deps.logger, { replaceOriginal: false })(reply);
  } else {
    await postReply(client, deps.logger, { channel: body.user.id, ...reply.message });
  }
}
