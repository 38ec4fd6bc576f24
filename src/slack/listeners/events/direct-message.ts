import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerMessage } from '../../../answers/blocks.js';
import type { BotDeps } from '../../deps.js';
import { postReply } from '../../post.js';
import { questionIn } from '../../question.js';
import { claimOnce, recordQuestion } from '../../record.js';

/** A direct message to the bot is a question, answered in the DM (in its thread when it has one). */
export function directMessage(deps: BotDeps) {
  return async ({ event, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>) => {
    // Edits, joins, bot posts (our own included) and other subtypes are not questions.
    if (event.channel_type !== 'im' || event.subtype !== undefined || event.bot_id || !event.user) return;
    if (!(await claimOnce(deps, `message:${event.channel}:${event.ts}`))) return;

    const question = questionIn(event.text);
    const answer = deps.answers.answer(question);
    const message = answerMessage(answer, deps.answers.current().kb, { shareable: false });
    await postReply(client, deps.logger, { channel: event.channel, thread_ts: event.thread_ts, ...message });
    await recordQuestion(deps, answer, event.user, 'dm');
  };
}
