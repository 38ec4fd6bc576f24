import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs, SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { BotDeps } from '../../../conversation/deps.js';
import {
  answersLocally,
  parseDockerCommand,
  runDockerCommand,
  type DockerCommand,
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
    if (answersLocally(parsed)) {
      await answerInAcknowledgement(deps, client, command, parsed, ack);
      return;
    }
    await ack();
    const asker = slackAsker(client, deps, {
      userId: command.user_id,
      channelId: command.channel_id,
      surface: 'command',
      requestId: command.trigger_id,
    });
    await runDockerCommand(
      deps,
      asker,
      parsed,
      deliverByResponseUrl(respond, deps.logger, { channel: command.channel_id }),
    );
  };
}

/**
 * A `/docker` command whose reply needs nothing remote (`answersLocally`), answered in the acknowledgement.
 * The same from Bolt's listener and from the HTTP receiver's direct path (src/slack/direct-command.ts).
 */
export async function answerInAcknowledgement(
  deps: BotDeps,
  client: WebClient,
  command: Pick<SlashCommand, 'user_id' | 'channel_id' | 'trigger_id'>,
  parsed: DockerCommand,
  ack: (message: Record<string, unknown>) => Promise<void>,
): Promise<void> {
  const asker = slackAsker(client, deps, {
    userId: command.user_id,
    channelId: command.channel_id,
    surface: 'command',
    requestId: command.trigger_id,
  });
  await runDockerCommand(deps, asker, parsed, async (reply) => {
    await ack({ response_type: 'ephemeral', ...reply.message });
    return null;
  });
}
