import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { answerMessage } from '../../../answers/blocks.js';
import { say } from '../../../answers/messages.js';
import { detectLang } from '../../../search/normalize.js';
import type { BotDeps } from '../../deps.js';
import { slackErrorCode } from '../../post.js';
import { recordQuestion } from '../../record.js';

export const ASK_SHORTCUT_CALLBACK_ID = 'ask_docker_bot';

type Args = AllMiddlewareArgs & SlackShortcutMiddlewareArgs<MessageShortcut>;

/**
 * "Ask the Docker bot" on any message (slash commands cannot be used inside threads): answers that
 * message's text in its thread. Where the bot is not a member it says so privately instead.
 */
export function askShortcut(deps: BotDeps) {
  return async ({ ack, shortcut, respond, client }: Args) => {
    await ack();
    const text = shortcut.message.text ?? '';
    const lang = detectLang(text);
    if (text.trim() === '') {
      await respond({ response_type: 'ephemeral', text: say('emptyMessage', lang) });
      return;
    }
    const answer = deps.answers.answer(text);
    const message = answerMessage(answer, deps.answers.current().kb, { shareable: false });
    const thread_ts = shortcut.message.thread_ts ?? shortcut.message.ts;
    try {
      await client.chat.postMessage({ channel: shortcut.channel.id, thread_ts, ...message });
    } catch (error) {
      const code = slackErrorCode(error);
      deps.logger.log('warn', 'could not answer the shortcut in its thread', {
        code,
        channel: shortcut.channel.id,
      });
      const reason = code === 'not_in_channel' || code === 'channel_not_found' ? 'notInChannel' : 'sorry';
      try {
        await respond({ response_type: 'ephemeral', text: say(reason, lang) });
      } catch (respondError) {
        deps.logger.log('error', 'could not tell the user either', { code: slackErrorCode(respondError) });
      }
    }
    await recordQuestion(deps, answer, shortcut.user.id, 'shortcut');
  };
}
