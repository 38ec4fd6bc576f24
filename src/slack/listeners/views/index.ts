import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { ASK_TEAM_MODAL } from '../../../answers/button-values.js';
import { askTheTeam } from '../../../conversation/ask-team.js';
import type { BotDeps } from '../../../conversation/deps.js';
import { slackAsker } from '../../asker.js';
import { slackTeamDesk } from '../../team-desk.js';
import { escapeRegExp } from '../actions/index.js';
import { TEACH_VIEW_CALLBACK_ID } from '../../teach-modal.js';
import { teachSubmission } from './teach-submission.js';

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/** The bot's modals, matched by one listener: Bolt runs every listener's filters on every request. */
export const BOT_VIEWS = new RegExp(
  `^(?:${[ASK_TEAM_MODAL.callbackId, TEACH_VIEW_CALLBACK_ID].map(escapeRegExp).join('|')})$`,
);

export function register(app: App, deps: BotDeps): void {
  const askTeamListener = askTeamSubmitted(deps);
  const teachListener = teachSubmission(deps);
  app.view(BOT_VIEWS, async (args: Args) =>
    args.view.callback_id === TEACH_VIEW_CALLBACK_ID ? teachListener(args) : askTeamListener(args),
  );
}

/**
 * The App Home modal's question, submitted: the modal closes at once, the question goes to the help
 * channel (once per modal: the claim is the view's id) and the asker is told where by direct message,
 * there being no conversation to reply in.
 */
export function askTeamSubmitted(deps: BotDeps) {
  return async ({ ack, body, view, client }: Args) => {
    await ack();
    const question = view.state.values[ASK_TEAM_MODAL.blockId]?.[ASK_TEAM_MODAL.actionId]?.value ?? '';
    const { anonymous, lang } = readMetadata(view.private_metadata);
    const asker = slackAsker(client, deps, {
      userId: body.user.id,
      channelId: body.user.id,
      surface: 'home',
      requestId: view.id,
    });
    const answer = deps.answers.answer(question);
    const guesses = answer.topic ? [answer.topic, ...answer.suggestions] : answer.suggestions;
    const desk = slackTeamDesk(client, deps.logger);
    const reply = await askTheTeam(
      deps,
      asker,
      { question, lang: answer.lang === 'ja' ? 'ja' : lang, forUser: body.user.id, guesses, where: null },
      anonymous,
      desk,
      `ask-team:view:${view.id}`,
    );
    if (reply) await desk.directMessage(body.user.id, reply.message);
  };
}

function readMetadata(text: string): { anonymous: boolean; lang: 'en' | 'ja' } {
  try {
    const data = JSON.parse(text) as { anonymous?: unknown; lang?: unknown };
    return { anonymous: data.anonymous === true, lang: data.lang === 'ja' ? 'ja' : 'en' };
  } catch {
    return { anonymous: false, lang: 'en' };
  }
}
