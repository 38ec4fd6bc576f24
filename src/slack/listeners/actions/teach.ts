import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTION_IDS } from '../../../answers/button-values.js';
import { phrase } from '../../../answers/messages.js';
import type { BotDeps } from '../../../conversation/deps.js';
import { isMaintainer, readTeachButtonValue, teachSuggested } from '../../../conversation/teach.js';
import { buttonAsker } from '../../asker.js';
import { helpThreadTeachInput, openTeachModal } from '../../teach-modal.js';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/**
 * The report's Teach buttons: beside an unanswered question, the teach modal for it; beside a phrasing
 * people resolved to a suggestion, that phrasing taught at once. The report is shown to maintainers
 * only, so a click from anyone else is forged: refused politely, privately, and logged.
 */
export function teachButton(deps: BotDeps) {
  return async ({ ack, action, body, respond, client }: Args) => {
    await ack();
    const asker = buttonAsker(client, deps, body);
    const privately = async (text: string) =>
      respond({ response_type: 'ephemeral', replace_original: false, text }).catch((error: unknown) =>
        deps.logger.log('error', 'could not reply to a teach button', { error }),
      );
    if (action.action_id === ACTION_IDS.teachSuggested) {
      const { lang } = await asker.profile();
      await privately(await teachSuggested(deps, asker.userId, action.value ?? '', lang));
      return;
    }
    if (!isMaintainer(deps, asker.userId)) {
      deps.logger.log('warn', 'teaching refused: not a maintainer', {
        user: asker.userId,
        request_id: asker.requestId,
      });
      const { lang } = await asker.profile();
      await privately(phrase('teachOnlyMaintainers', lang));
      return;
    }
    const read = readTeachButtonValue(action.value ?? '');
    if (!read) {
      deps.logger.log('warn', 'teach button with an unreadable value', { user: asker.userId });
      return;
    }
    // On a help channel's post, the thread's question and the expert's reply; elsewhere the question.
    const channel = body.channel?.id;
    const ts = body.message?.ts;
    const fromThread =
      channel && ts ? await helpThreadTeachInput(client, deps, { channel, threadTs: ts }) : null;
    await openTeachModal(client, deps, body.trigger_id, fromThread ?? { question: read.q });
  };
}
