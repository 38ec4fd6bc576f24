import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTION_IDS } from '../../../answers/button-values.js';
import { askTeamModal } from '../../../answers/team-messages.js';
import { askTheTeam } from '../../../conversation/ask-team.js';
import type { BotDeps } from '../../../conversation/deps.js';
import { buttonAsker } from '../../asker.js';
import { deliverByResponseUrl, slackErrorCode } from '../../deliver.js';
import { slackTeamDesk } from '../../team-desk.js';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/**
 * "Ask the team" / "Ask anonymously" under a reply: posts the question in the help channel once per click
 * (the claim is the interaction's trigger id) and tells the asker privately where.
 */
export function askTeam(deps: BotDeps) {
  return async ({ ack, action, body, respond, client }: Args) => {
    await ack();
    const asker = buttonAsker(client, deps, body);
    const ref = deps.buttons.readAskTeam(action.value ?? '');
    if (!ref) {
      // The value is not logged: it may hold someone's anonymous question and id.
      deps.logger.log('warn', 'ask-the-team button with an unreadable value', {
        request_id: asker.requestId,
      });
      return;
    }
    const anonymous = action.action_id === ACTION_IDS.askTeamAnonymously;
    const reply = await askTheTeam(
      deps,
      asker,
      ref,
      anonymous,
      slackTeamDesk(client, deps.logger),
      `ask-team:${body.trigger_id}`,
    );
    if (reply && body.response_url) {
      await deliverByResponseUrl(respond, deps.logger, { replaceOriginal: false })(reply);
    }
  };
}

/** App Home's "Ask the team" / "Ask anonymously": opens the modal to write the question in. */
export function openAskTeam(deps: BotDeps) {
  return async ({ ack, action, body, client }: Args) => {
    await ack();
    // The Home tab's language rides in the value, so no profile is looked up.
    const lang = action.value === 'ja' ? 'ja' : 'en';
    const anonymous = action.action_id === ACTION_IDS.askTeamOpenAnonymously;
    try {
      await client.views.open({ trigger_id: body.trigger_id, view: askTeamModal(lang, anonymous) });
    } catch (error) {
      deps.logger.log('warn', 'views.open failed', {
        code: slackErrorCode(error),
        request_id: body.trigger_id,
      });
    }
  };
}
