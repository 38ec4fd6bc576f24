import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { BotDeps } from '../../../conversation/deps.js';
import { answerQuizButton } from '../../../conversation/study.js';
import { buttonAsker } from '../../asker.js';
import { deliverStudyReply } from './study-step.js';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/**
 * A quiz choice: right or wrong, privately, below the question (which stays, so a lesson's text is
 * not lost). A forged or repeated click gets no reply; the conversation layer logs why.
 */
export function quizAnswer(deps: BotDeps) {
  return async ({ ack, action, body, respond, client }: Args) => {
    await ack();
    const asker = buttonAsker(client, deps, body);
    const reply = await answerQuizButton(deps, asker, action.value ?? '');
    if (reply) await deliverStudyReply(deps, { body, respond, client }, reply);
  };
}
