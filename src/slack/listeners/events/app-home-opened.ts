import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { homeView } from '../../../answers/blocks.js';
import type { BotDeps } from '../../deps.js';
import { userLanguage } from '../../language.js';
import { slackErrorCode } from '../../post.js';

/** App Home: how to use the bot and every topic as a button, in the person's Slack language. */
export function appHomeOpened(deps: BotDeps) {
  return async ({ event, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>) => {
    if (event.tab !== 'home') return;
    const lang = await userLanguage(client, event.user);
    try {
      await client.views.publish({ user_id: event.user, view: homeView(lang, deps.answers.current().kb) });
    } catch (error) {
      deps.logger.log('warn', 'views.publish failed', { code: slackErrorCode(error) });
    }
  };
}
