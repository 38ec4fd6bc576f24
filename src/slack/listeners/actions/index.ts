import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import { ACTION_IDS } from '../../../answers/button-values.js';
import type { BotDeps } from '../../../conversation/deps.js';
import { askTeam, openAskTeam } from './ask-team.js';
import { feedback } from './feedback.js';
import { quizAnswer } from './quiz-answer.js';
import { shareAnswer } from './share-answer.js';
import { showTopic } from './show-topic.js';
import { studyStep } from './study-step.js';
import { teachButton } from './teach.js';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every action id the bot's buttons carry: a topic, quiz choice or Continue button (by prefix); share,
 * the two votes, Next question and the four "Ask the team" buttons (whole).
 */
export const BOT_ACTIONS = new RegExp(
  `^(?:${[ACTION_IDS.showTopicPrefix, ACTION_IDS.quizAnswerPrefix, ACTION_IDS.learnContinuePrefix].map(escapeRegExp).join('|')}|` +
    `(?:${[ACTION_IDS.shareAnswer, ACTION_IDS.feedbackHelpful, ACTION_IDS.feedbackNotHelpful, ACTION_IDS.quizNext, ACTION_IDS.askTeam, ACTION_IDS.askTeamAnonymously, ACTION_IDS.askTeamOpen, ACTION_IDS.askTeamOpenAnonymously, ACTION_IDS.teachQuestion, ACTION_IDS.teachSuggested].map(escapeRegExp).join('|')})$)`,
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
  const quizAnswerListener = quizAnswer(deps);
  const studyStepListener = studyStep(deps);
  const askTeamListener = askTeam(deps);
  const openAskTeamListener = openAskTeam(deps);
  const teachListener = teachButton(deps);
  app.action(BOT_ACTIONS, async (args: Args) => {
    const id = args.action.action_id;
    if (id.startsWith(ACTION_IDS.showTopicPrefix)) return showTopicListener(args);
    if (id.startsWith(ACTION_IDS.quizAnswerPrefix)) return quizAnswerListener(args);
    if (id === ACTION_IDS.quizNext || id.startsWith(ACTION_IDS.learnContinuePrefix))
      return studyStepListener(args);
    if (id === ACTION_IDS.shareAnswer) return shareListener(args);
    if (id === ACTION_IDS.askTeam || id === ACTION_IDS.askTeamAnonymously) return askTeamListener(args);
    if (id === ACTION_IDS.askTeamOpen || id === ACTION_IDS.askTeamOpenAnonymously) {
      return openAskTeamListener(args);
    }
    if (id === ACTION_IDS.teachQuestion || id === ACTION_IDS.teachSuggested) return teachListener(args);
    return feedbackListener(args);
  });
}
