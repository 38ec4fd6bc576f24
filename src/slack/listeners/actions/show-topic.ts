import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { parseTopicValue, topicMessage } from '../../../answers/blocks.js';
import type { BotDeps } from '../../deps.js';
import { postReply } from '../../post.js';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/**
 * A related-topic, "did you mean" or App Home button: shows that topic to the person who clicked.
 * In their private answer it replaces the answer; under a public message it comes privately; from
 * App Home (which has no response_url) it arrives in the DM with the bot.
 */
export function showTopic(deps: BotDeps) {
  return async ({ ack, action, body, respond, client }: Args) => {
    await ack();
    const ref = parseTopicValue(action.value ?? '');
    const { kb } = deps.answers.current();
    if (!ref || !kb.byId.has(ref.topic)) {
      deps.logger.log('warn', 'button for an unknown topic', { value: action.value });
      return;
    }
    const ephemeral = body.container?.is_ephemeral === true;
    const message = topicMessage(ref.topic, ref.lang, kb, { shareable: true });
    if (body.response_url) {
      await respond({ response_type: 'ephemeral', replace_original: ephemeral, ...message });
    } else {
      await postReply(client, deps.logger, { channel: body.user.id, ...message });
    }
  };
}
