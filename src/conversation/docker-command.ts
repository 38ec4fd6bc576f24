import { helpMessage, topicsMessage } from '../answers/slack-messages.js';
import type { Lang } from '../knowledge/types.js';
import { detectLang } from '../search/normalize.js';
import { adminCommandReply } from './admin-command.js';
import { answerQuestion } from './ask.js';
import type { BotDeps } from './deps.js';
import { politely } from './failure.js';
import type { Asker, Deliver } from './request.js';
import { learnCommandReply, quizCommandReply } from './study.js';
import { tipCommandReply } from './tip-command.js';

export type DockerSubcommand = 'help' | 'topics' | 'tip' | 'quiz' | 'learn' | 'admin' | 'question';

export interface DockerCommand {
  kind: DockerSubcommand;
  /** The whole text, trimmed: the question, or the words a language can be told from. */
  text: string;
  /** The words after `tip`, `quiz`, `learn` or `admin`. */
  args: string[];
}

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
  quiz: 'quiz',
  クイズ: 'quiz',
  learn: 'learn',
  学習: 'learn',
  admin: 'admin',
};

/**
 * `/docker` alone or `help` → usage; `topics` → the list; `tip …` → tips; `quiz …` and `learn …` →
 * studying; `admin …` → maintainers; anything else is a question. Only `tip`, `quiz`, `learn` and `admin`
 * take further words: "topics about volumes" is a question.
 */
export function parseDockerCommand(text: string): DockerCommand {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'help', text: trimmed, args: [] };
  const [first = '', ...args] = trimmed.split(/\s+/);
  const kind = SUBCOMMANDS[first.toLowerCase()];
  if (kind === 'tip' || kind === 'quiz' || kind === 'learn' || kind === 'admin') {
    return { kind, text: trimmed, args };
  }
  if (kind && args.length === 0) return { kind, text: trimmed, args: [] };
  return { kind: 'question', text: trimmed, args: [] };
}

/**
 * True when the reply needs nothing remote (no profile look-up, no store): a question, or help and topics
 * asked in words whose language tells how to answer. Such a reply can go back in Slack's acknowledgement.
 */
export function answersLocally(command: DockerCommand): boolean {
  return (
    command.kind === 'question' ||
    ((command.kind === 'help' || command.kind === 'topics') && command.text !== '')
  );
}

/** `/docker …` from any surface: every reply is private to the asker. */
export async function runDockerCommand(
  deps: BotDeps,
  asker: Asker,
  command: DockerCommand,
  deliver: Deliver,
): Promise<void> {
  if (command.kind === 'question') {
    await answerQuestion(deps, asker, command.text, deliver, { visibility: 'private' });
    return;
  }
  // `/docker ヘルプ` and `/docker ヒント` are asked in Japanese whatever the Slack locale says; English
  // keywords (`tip`, `admin report`) say nothing about the asker, whose Slack locale decides then.
  const wordsLang: Lang | undefined = command.text === '' ? undefined : detectLang(command.text);
  const lang =
    wordsLang === 'ja' || (wordsLang !== undefined && (command.kind === 'help' || command.kind === 'topics'))
      ? wordsLang
      : (await asker.profile()).lang;
  const { kb } = deps.answers.current();
  const reply = await politely(deps, asker, lang, `run /docker ${command.kind}`, async () => {
    switch (command.kind) {
      case 'topics':
        return { message: topicsMessage(lang, kb), visibility: 'private' };
      case 'tip':
        return tipCommandReply(deps, asker, command.args, wordsLang);
      case 'quiz':
        return quizCommandReply(deps, asker, command.args, wordsLang);
      case 'learn':
        return learnCommandReply(deps, asker, command.args, wordsLang);
      case 'admin':
        return adminCommandReply(deps, asker, command.args, lang);
      default:
        return { message: helpMessage(lang), visibility: 'private' };
    }
  });
  await deliver(reply);
}
