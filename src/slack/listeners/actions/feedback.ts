import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTION_IDS, parseAnswerRef } from '../../../answers/blocks.js';
import { say } from '../../../answers/messages.js';
import type { BotDeps } from '../../deps.js';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/** Helpful / not helpful: stored with the question, topic and user for the maintainers' report. */
export function feedback(deps: BotDeps) {
  return async ({ ack, action, body, respond }: Args) => {
    await ack();
    const ref = parseAnswerRef(action.value ?? '');
    if (!ref) {
      deps.logger.log('warn', 'feedback button with an unreadable value', { value: action.value });
      return;
    }
    try {
      await deps.store.recordFeedback({
        question: ref.question,
        topic: ref.topic,
        userId: body.user.id,
        helpful: action.action_id === ACTION_IDS.feedbackHelpful,
        at: deps.scheduleClock(),
      });
    } catch (error) {
      deps.logger.log('error', 'could not store feedback', { error });
    }
    if (body.response_url) {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: say('feedbackThanks', ref.lang),
      });
    }
  };
}
