import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { BotDeps } from '../../../conversation/deps.js';
import {
  answersLocally,
  parseDockerCommand,
  runDockerCommand,
} from '../../../conversation/docker-command.js';
import { slackAsker } from '../../asker.js';
import { deliverByResponseUrl } from '../../deliver.js';

/**
 * `/docker …`. A question (or help and topics asked in words) goes back privately in the acknowledgement
 * itself: it takes well under a millisecond to compute, and one HTTP response instead of an acknowledgement
 * plus a response_url POST is faster for the asker and half the work. Replies that need Slack or the store
 * first (usage in the asker's locale, tips, admin) acknowledge at once and follow through response_url,
 * inside Slack's 3 seconds either way.
 */
export function dockerCommand(deps: BotDeps) {
  return async ({ command, ack, respond, client }: AllMiddlewareArgs & SlackCommandMiddlewareArgs) => {
    const parsed = parseDockerCommand(command.text ?? '');
    const asker = slackAsker(client, deps, {
      userId: command.user_id,
      channelId: command.channel_id,
      surface: 'command',
      requestId: command.trigger_id,
    });
    if (answersLocally(parsed)) {
      await runDockerCommand(deps, asker, parsed, async (reply) => {
        await ack({ response_type: 'ephemeral', ...reply.message });
        return null;
      });
      return;
    }
    await ack();
    await runDockerCommand(
      deps,
      asker,
      parsed,
      deliverByResponseUrl(respond, deps.logger, { channel: command.channel_id }),
    );
  };
}
