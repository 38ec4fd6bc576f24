import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Answer } from '../../../answers/answer.js';
import { answerMessage, helpMessage, topicsMessage, type SlackMessage } from '../../../answers/blocks.js';
import type { Lang } from '../../../knowledge/types.js';
import { detectLang } from '../../../search/normalize.js';
import type { BotDeps } from '../../deps.js';
import { userProfile } from '../../language.js';
import { adminCommandReply } from './admin-command.js';
import { tipCommandReply, type TipCommandContext } from './tip-command.js';
import { recordQuestion } from '../../record.js';

export type DockerSubcommand = 'help' | 'topics' | 'tip' | 'admin' | 'question';

const SUBCOMMANDS: Record<string, DockerSubcommand> = {
  help: 'help',
  '?': 'help',
  ヘルプ: 'help',
  使い方: 'help',
  topics: 'topics',
  topic: 'topics',
  list: 'topics',
  トピック: 'topics',
  一覧: 'topics',
  話題: 'topics',
  tip: 'tip',
  tips: 'tip',
  ヒント: 'tip',
  admin: 'admin',
};

/**
 * `/docker` alone or `help` → usage; `topics` → the list; `tip …` → tips; anything else is a question.
 * Only `tip` takes further words: "topics about volumes" is a question.
 */
export function parseDockerCommand(text: string): { kind: DockerSubcommand; text: string; args: string[] } {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'help', text: trimmed, args: [] };
  const [first = '', ...args] = trimmed.split(/\s+/);
  const kind = SUBCOMMANDS[first.toLowerCase()];
  if (kind === 'tip' || kind === 'admin') return { kind, text: trimmed, args };
  if (kind && args.length === 0) return { kind, text: trimmed, args: [] };
  return { kind: 'question', text: trimmed, args: [] };
}

/** The private reply to `/docker …`, shared by the Slack listener and the local console. */
export async function dockerCommandReply(
  text: string,
  deps: BotDeps,
  context: TipCommandContext,
): Promise<{ message: SlackMessage; answer?: Answer }> {
  const { kind, text: question, args } = parseDockerCommand(text);
  const { kb } = deps.answers.current();
  const languageOf = async () => (question === '' ? (await context.profile()).lang : detectLang(question));
  switch (kind) {
    case 'help':
      return { message: helpMessage(await languageOf()) };
    case 'topics':
      return { message: topicsMessage(await languageOf(), kb) };
    case 'tip': {
      // `/docker ヒント` is asked in Japanese whatever the asker's Slack locale says.
      const tipContext =
        detectLang(question) === 'ja'
          ? { ...context, profile: async () => ({ ...(await context.profile()), lang: 'ja' as const }) }
          : context;
      return { message: await tipCommandReply(args, tipContext, deps) };
    }
    case 'admin':
      return { message: await adminCommandReply(args, context.userId, deps) };
    case 'question': {
      const answer = deps.answers.answer(question);
      return { message: answerMessage(answer, kb, { shareable: answer.answered }), answer };
    }
  }
}

/**
 * `/docker <question>`: the answer goes back privately in the acknowledgement itself — it takes well
 * under a millisecond to compute, and one HTTP response instead of an acknowledgement plus a
 * response_url POST is faster for the asker and half the work. Replies that need Slack or the store
 * first (usage in the asker's locale, tips, admin) acknowledge at once and follow through response_url,
 * inside Slack's 3 seconds either way.
 */
export function dockerCommand(deps: BotDeps) {
  return async ({ command, ack, respond, client }: AllMiddlewareArgs & SlackCommandMiddlewareArgs) => {
    let profile: Promise<{ lang: Lang; timeZone?: string }> | undefined;
    const context: TipCommandContext = {
      channelId: command.channel_id,
      userId: command.user_id,
      profile: () => (profile ??= userProfile(client, command.user_id)),
    };
    const text = command.text ?? '';
    if (answersLocally(text)) {
      const { message, answer } = await dockerCommandReply(text, deps, context);
      await ack({ response_type: 'ephemeral', ...message });
      if (answer) await recordQuestion(deps, answer, command.user_id, 'command');
      return;
    }

    await ack();
    const { message, answer } = await dockerCommandReply(text, deps, context);
    try {
      await respond({ response_type: 'ephemeral', ...message });
    } catch (error) {
      deps.logger.log('error', 'could not answer /docker through response_url', {
        error,
        channel: command.channel_id,
      });
    }
    if (answer) await recordQuestion(deps, answer, command.user_id, 'command');
  };
}

/** A question, or help and topics asked in words (whose language tells how to answer), needs nothing remote. */
function answersLocally(text: string): boolean {
  const { kind, text: words } = parseDockerCommand(text);
  return kind === 'question' || ((kind === 'help' || kind === 'topics') && words !== '');
}
