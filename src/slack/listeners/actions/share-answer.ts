import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { parseAnswerRef, topicMessage } from '../../../answers/blocks.js';
import type { BotDeps } from '../../deps.js';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/**
 * "Share in channel" on a private answer: posts it for everyone, attributed to the asker, through the
 * response_url (which can post in the channel even where the bot is not a member), then removes the
 * private copy.
 */
export function shareAnswer(deps: BotDeps) {
  return async ({ ack, action, body, respond }: Args) => {
    await ack();
    const ref = parseAnswerRef(action.value ?? '');
    const { kb } = deps.answers.current();
    if (!ref || !kb.byId.has(ref.topic)) {
      deps.logger.log('warn', 'share button with an unreadable value', { value: action.value });
      return;
    }
    const message = topicMessage(ref.topic, ref.lang, kb, {
      shareable: false,
      sharedBy: body.user.id,
      question: ref.question,
    });
    await respond({ response_type: 'in_channel', replace_original: false, ...message });
    await respond({ delete_original: true });
  };
}
