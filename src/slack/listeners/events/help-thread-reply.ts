import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { tellAskerOfReply } from '../../../conversation/ask-team.js';
import type { BotDeps } from '../../../conversation/deps.js';
import { slackTeamDesk } from '../../team-desk.js';

/**
 * A reply in a thread of a channel the bot is in (message.channels, message.groups): when the thread is
 * a help post's, its asker is told once. Top-level messages, edits and bot posts are no replies.
 */
export function helpThreadReply(deps: BotDeps) {
  return async ({ event, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>) => {
    // "Also send to channel" replies are `thread_broadcast`; every other subtype is no one's reply.
    if (event.subtype !== undefined && event.subtype !== 'thread_broadcast') return;
    const message = event as {
      user?: string;
      bot_id?: string;
      thread_ts?: string;
      ts: string;
      channel: string;
    };
    if (message.bot_id || !message.user || !message.thread_ts || message.thread_ts === message.ts) return;
    await tellAskerOfReply(
      deps,
      { channel: message.channel, threadTs: message.thread_ts, ts: message.ts, user: message.user },
      slackTeamDesk(client, deps.logger),
    );
  };
}
