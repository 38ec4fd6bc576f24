import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import { ACTION_IDS } from '../../../answers/button-values.js';
import type { BotDeps } from '../../../conversation/deps.js';
import { feedback } from './feedback.js';
import { shareAnswer } from './share-answer.js';
import { showTopic } from './show-topic.js';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every action id the bot's buttons carry: a topic button (by prefix), share, and the two votes. */
export const BOT_ACTIONS = new RegExp(
  `^(?:${escapeRegExp(ACTION_IDS.showTopicPrefix)}|` +
    `(?:${[ACTION_IDS.shareAnswer, ACTION_IDS.feedbackHelpful, ACTION_IDS.feedbackNotHelpful].map(escapeRegExp).join('|')})$)`,
);

/**
 * One Bolt listener for all of the bot's buttons, which picks the callback by action id. Bolt runs the
 * filters of every registered listener on every request (a `/docker` command included), so each
 * registration costs every request some CPU (`npm run bench:http`); four became one.
 */
export function register(app: App, deps: BotDeps): void {
  const showTopicListener = showTopic(deps);
  const shareListener = shareAnswer(deps);
  const feedbackListener = feedback(deps);
  app.action(BOT_ACTIONS, async (args: Args) => {
    const id = args.action.action_id;
    if (id.startsWith(ACTION_IDS.showTopicPrefix)) return showTopicListener(args);
    if (id === ACTION_IDS.shareAnswer) return shareListener(args);
    return feedbackListener(args);
  });
}
