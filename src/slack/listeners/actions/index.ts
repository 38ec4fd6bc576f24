import type { App } from '@slack/bolt';
import { ACTION_IDS } from '../../../answers/button-values.js';
import type { BotDeps } from '../../../conversation/deps.js';
import { feedback } from './feedback.js';
import { quizAnswer } from './quiz-answer.js';
import { shareAnswer } from './share-answer.js';
import { showTopic } from './show-topic.js';
import { studyStep } from './study-step.js';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function register(app: App, deps: BotDeps): void {
  app.action(new RegExp(`^${escapeRegExp(ACTION_IDS.showTopicPrefix)}`), showTopic(deps));
  app.action(ACTION_IDS.shareAnswer, shareAnswer(deps));
  app.action(ACTION_IDS.feedbackHelpful, feedback(deps));
  app.action(ACTION_IDS.feedbackNotHelpful, feedback(deps));
  app.action(new RegExp(`^${escapeRegExp(ACTION_IDS.quizAnswerPrefix)}`), quizAnswer(deps));
  app.action(ACTION_IDS.quizNext, studyStep(deps));
  app.action(new RegExp(`^${escapeRegExp(ACTION_IDS.learnContinuePrefix)}`), studyStep(deps));
}
