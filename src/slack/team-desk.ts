import type { WebClient } from '@slack/web-api';
import type { TeamDesk } from '../conversation/ask-team.js';
import type { AppLogger } from '../logger.js';
import { callRateLimited, postMessage, slackErrorCode } from './deliver.js';

/**
 * The Slack calls "Ask the team" makes: posts (deliver.ts' safe posting: never repeated after an unknown
 * outcome, within the client's time limit), permalinks (chat.getPermalink), and direct messages, which
 * go to the app's Messages tab with the person's id as the channel (chat:write is enough). A direct
 * message's channel is a person's id: it is never logged.
 */
export function slackTeamDesk(client: WebClient, logger: AppLogger): TeamDesk {
  return {
    post: (channel, message, threadTs) =>
      postMessage(client, logger, { channel, thread_ts: threadTs, ...message }),

    async permalink(channel, ts) {
      try {
        const result = await callRateLimited(client, { method: 'chat.getPermalink', channel }, () =>
          client.chat.getPermalink({ channel, message_ts: ts }),
        );
        return result.permalink ?? null;
      } catch (error) {
        logger.log('warn', 'chat.getPermalink failed', {
          code: slackErrorCode(error),
          channel: channel.startsWith('D') ? 'dm' : channel,
        });
        return null;
      }
    },

    async directMessage(userId, message) {
      const posted = await postMessage(client, logger, { channel: userId, ...message }, 'dm');
      return typeof posted === 'string' ? posted : null;
    },
  };
}
