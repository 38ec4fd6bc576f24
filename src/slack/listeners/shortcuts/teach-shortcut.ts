import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { phrase } from '../../../answers/messages.js';
import type { BotDeps } from '../../../conversation/deps.js';
import { isMaintainer } from '../../../conversation/teach.js';
import { slackAsker } from '../../asker.js';
import { helpThreadTeachInput, openTeachModal } from '../../teach-modal.js';

export const TEACH_SHORTCUT_CALLBACK_ID = 'teach_docker_bot';

type Args = AllMiddlewareArgs & SlackShortcutMiddlewareArgs<MessageShortcut>;

/**
 * "Teach the Docker bot" on any message: for a maintainer, the teach modal with the message's text as
 * the question (on a reply in a help thread: the thread's question, and the reply as the expert's); anyone else is told privately that only maintainers can teach (and it is logged).
 */
export function teachShortcut(deps: BotDeps) {
  return async ({ ack, shortcut, respond, client }: Args) => {
    await ack();
    if (!isMaintainer(deps, shortcut.user.id)) {
      deps.logger.log('warn', 'teaching refused: not a maintainer', {
        user: shortcut.user.id,
        request_id: shortcut.trigger_id,
      });
      const asker = slackAsker(client, deps, {
        userId: shortcut.user.id,
        channelId: shortcut.channel.id,
        surface: 'shortcut',
        requestId: shortcut.trigger_id,
      });
      const { lang } = await asker.profile();
      await respond({ response_type: 'ephemeral', text: phrase('teachOnlyMaintainers', lang) }).catch(
        (error: unknown) => deps.logger.log('error', 'could not send the refusal', { error }),
      );
      return;
    }
    const text = shortcut.message.text ?? '';
    // A reply in a help thread is an expert's answer to the thread's question: teach both.
    const threadTs = shortcut.message.thread_ts;
    const fromThread =
      threadTs && threadTs !== shortcut.message.ts
        ? await helpThreadTeachInput(client, deps, { channel: shortcut.channel.id, threadTs }, text)
        : null;
    await openTeachModal(client, deps, shortcut.trigger_id, fromThread ?? { question: text });
  };
}
