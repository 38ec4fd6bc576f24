import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { BotDeps } from '../../../conversation/deps.js';
import { appHomeOpened } from './app-home-opened.js';
import { appMention } from './app-mention.js';
import { directMessage } from './direct-message.js';
import { helpThreadReply } from './help-thread-reply.js';

type Args<Type extends string> = AllMiddlewareArgs & SlackEventMiddlewareArgs<Type>;

/** The event types the bot listens to (and subscribes to in manifest.yml). */
export const BOT_EVENTS = /^(?:app_mention|message|app_home_opened)$/;

/**
 * One Bolt listener for the bot's events, which picks the callback by event type: Bolt runs the
 * filters of every registered listener on every request, so each registration costs every request
 * some CPU (`npm run bench:http`); three became one.
 */
export function register(app: App, deps: BotDeps): void {
  const mentionListener = appMention(deps);
  const messageListener = directMessage(deps);
  const threadReplyListener = helpThreadReply(deps);
  const homeListener = appHomeOpened(deps);
  app.event(BOT_EVENTS, async (args) => {
    // Bolt types the arguments of a pattern's listener for any event; the type was just checked.
    switch (args.event.type) {
      case 'app_mention':
        return mentionListener(args as unknown as Args<'app_mention'>);
      case 'message': {
        // A DM is a question; a message in a channel may be a reply in a help thread.
        const message = args as unknown as Args<'message'>;
        if (message.event.channel_type === 'im') return messageListener(message);
        return threadReplyListener(message);
      }
      case 'app_home_opened':
        return homeListener(args as unknown as Args<'app_home_opened'>);
    }
  });
}
