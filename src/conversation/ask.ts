import type { Answer } from '../answers/answer.js';
import { phrase } from '../answers/messages.js';
import { answerMessage, textMessage } from '../answers/slack-messages.js';
import { detectLang } from '../search/normalize.js';
import type { BotDeps } from './deps.js';
import { askTeamOffer } from './ask-team.js';
import { claimOnce, markDelivered, recordQuestion } from './record.js';
import type { Asker, Deliver } from './request.js';

export interface AskOptions {
  /** `private`: only the asker sees the answer (with a button to share it); `public`: posted for everyone. */
  visibility: 'private' | 'public';
  /** The thread a public answer goes in. */
  threadTs?: string;
  /**
   * Claims this key once across retries, double deliveries (a mention in a DM arrives twice) and
   * replicas; a second claim of the same key does nothing.
   */
  onceKey?: string;
  /**
   * The asker's message, when the question is a message in a channel or thread (a mention, a shortcut):
   * "Ask the team" links to it. A private question (a command, a DM) has none.
   */
  messageTs?: string;
}

/**
 * A question from any surface: answer → lay out → deliver → record, in that order, so the asker is never
 * kept waiting for the store. A public answer that cannot be delivered is followed by a private apology
 * that says why where the asker can act on it (the bot is not in the channel).
 */
export async function answerQuestion(
  deps: BotDeps,
  asker: Asker,
  question: string,
  deliver: Deliver,
  options: AskOptions,
): Promise<Answer | null> {
  if (options.onceKey !== undefined && !(await claimOnce(deps, options.onceKey, asker))) return null;
  /** Once the asker has been told something (the answer or why not), a retry must not tell them again. */
  const delivered = async () => {
    if (options.onceKey !== undefined) await markDelivered(deps, options.onceKey, asker);
  };
  if (question.trim() === '') {
    const lang = detectLang(question);
    const failure = await deliver({
      message: textMessage(phrase('emptyMessage', lang), lang),
      visibility: 'private',
    });
    if (failure === null) await delivered();
    return null;
  }

  const answer = deps.answers.answer(question);
  const message = answerMessage(answer, deps.answers.current().kb, {
    shareable: options.visibility === 'private' && answer.answered,
    buttons: deps.buttons,
    forUser: options.visibility === 'private' ? asker.userId : null,
    askTeam: answer.answered ? [] : await askTeamOffer(deps, asker, askTeamRef(answer, asker, options)),
  });
  const failure = await deliver({ message, visibility: options.visibility, threadTs: options.threadTs });
  if (failure === null) await delivered();
  if (failure !== null && options.visibility === 'public') {
    const sorry = failure === 'not_in_channel' ? 'notInChannel' : 'sorry';
    const apology = await deliver({
      message: textMessage(phrase(sorry, answer.lang), answer.lang),
      visibility: 'private',
      threadTs: options.threadTs,
    });
    if (apology !== null) {
      deps.logger.log('error', 'could not deliver the apology either', { request_id: asker.requestId });
    } else {
      await delivered();
    }
  }
  await recordQuestion(deps, answer, asker);
  return answer;
}

/** What "Ask the team" under a not-sure reply carries: the question, the runners-up, and its message. */
function askTeamRef(answer: Answer, asker: Asker, options: AskOptions) {
  const { messageTs } = options;
  const inConversation = options.visibility === 'public' && messageTs !== undefined && asker.surface !== 'dm';
  return {
    question: answer.question,
    lang: answer.lang,
    guesses: answer.suggestions,
    where: inConversation
      ? { channel: asker.channelId, ts: messageTs, threadTs: options.threadTs ?? messageTs }
      : null,
  };
}
