import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { BotDeps } from '../../../conversation/deps.js';
import { homeFor } from '../../../conversation/home.js';
import { slackAsker } from '../../asker.js';
import { slackErrorCode } from '../../deliver.js';

/** App Home: how to use the bot and every topic as a button, in the person's Slack language. */
export function appHomeOpened(deps: BotDeps) {
  return async ({ event, client, body }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>) => {
    if (event.tab !== 'home') return;
    const asker = slackAsker(client, deps, {
      userId: event.user,
      channelId: event.channel,
      surface: 'home',
      requestId: body.event_id,
    });
    try {
      await client.views.publish({ user_id: event.user, view: await homeFor(deps, asker) });
    } catch (error) {
      deps.logger.log('warn', 'views.publish failed', { code: slackErrorCode(error) });
    }
  };
}
