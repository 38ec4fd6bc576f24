import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerMessage } from '../../../answers/blocks.js';
import type { BotDeps } from '../../deps.js';
import { apologise, postReply } from '../../post.js';
import { questionIn } from '../../question.js';
import { claimOnce, recordQuestion } from '../../record.js';

/**
 * `@bot question`: the reply goes in the thread — the one the mention is in, or a new one under a
 * top-level mention — in the language of the question.
 */
export function appMention(deps: BotDeps) {
  return async ({ event, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_mention'>) => {
    if (event.bot_id || event.subtype || !event.user) return;
    // A mention in a DM also arrives as message.im: whichever comes first answers.
    if (!(await claimOnce(deps, `message:${event.channel}:${event.ts}`))) return;

    const question = questionIn(event.text);
    const answer = deps.answers.answer(question);
    const message = answerMessage(answer, deps.answers.current().kb, { shareable: false });
    const thread_ts = event.thread_ts ?? event.ts;
    const posted = await postReply(client, deps.logger, { channel: event.channel, thread_ts, ...message });
    if (!posted)
      await apologise(
        client,
        deps.logger,
        { channel: event.channel, user: event.user, thread_ts },
        answer.lang,
      );
    await recordQuestion(deps, answer, event.user, 'mention');
  };
}
