import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Answer } from '../../../answers/answer.js';
import {
  answerMessage,
  helpMessage,
  tipMessage,
  topicsMessage,
  type SlackMessage,
} from '../../../answers/blocks.js';
import type { Lang, Topic } from '../../../knowledge/types.js';
import { detectLang } from '../../../search/normalize.js';
import type { BotDeps } from '../../deps.js';
import { userLanguage } from '../../language.js';
import { recordQuestion } from '../../record.js';

export type DockerSubcommand = 'help' | 'topics' | 'tip' | 'question';

const SUBCOMMANDS: Record<string, DockerSubcommand> = {
  '': 'help',
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
};

/** `/docker` alone or `help` → usage; `topics` → the list; `tip` → a tip; anything else is a question. */
export function parseDockerCommand(text: string): { kind: DockerSubcommand; text: string } {
  const trimmed = text.trim();
  return { kind: SUBCOMMANDS[trimmed.toLowerCase()] ?? 'question', text: trimmed };
}

/** The private reply to `/docker …`, shared by the Slack listener and the local console. */
export async function dockerCommandReply(
  text: string,
  deps: BotDeps,
  languageFor: (text: string) => Promise<Lang>,
  pickTip: () => Topic | undefined = () => randomTopic(deps),
): Promise<{ message: SlackMessage; answer?: Answer }> {
  const { kind, text: question } = parseDockerCommand(text);
  const { kb } = deps.answers.current();
  switch (kind) {
    case 'help':
      return { message: helpMessage(await languageFor(question)) };
    case 'topics':
      return { message: topicsMessage(await languageFor(question), kb) };
    case 'tip': {
      const topic = pickTip();
      const lang = await languageFor(question);
      return { message: topic ? tipMessage(topic, lang) : helpMessage(lang) };
    }
    case 'question': {
      const answer = deps.answers.answer(question);
      return { message: answerMessage(answer, kb, { shareable: answer.answered }), answer };
    }
  }
}

function randomTopic(deps: BotDeps): Topic | undefined {
  const { topics } = deps.answers.current().kb;
  return topics[Math.floor(Math.random() * topics.length)];
}

/**
 * `/docker <question>`: acknowledged at once (Slack allows 3 s), then answered privately through the
 * command's response_url with a button to share the answer in the channel.
 */
export function dockerCommand(deps: BotDeps) {
  return async ({ command, ack, respond, client }: AllMiddlewareArgs & SlackCommandMiddlewareArgs) => {
    await ack();
    const languageFor = (text: string) =>
      text === '' ? userLanguage(client, command.user_id) : Promise.resolve(detectLang(text));
    const { message, answer } = await dockerCommandReply(command.text ?? '', deps, languageFor);
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
