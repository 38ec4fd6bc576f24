import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { KnownBlock } from '@slack/types';
import { ACTION_IDS } from '../answers/button-values.js';
import type { SlackMessage } from '../answers/slack-messages.js';
import { answerQuestion } from '../conversation/ask.js';
import type { BotDeps } from '../conversation/deps.js';
import { parseDockerCommand, runDockerCommand } from '../conversation/docker-command.js';
import type { Asker, Deliver } from '../conversation/request.js';
import { answerQuizButton, studyStepButton } from '../conversation/study.js';
import { detectLang } from '../search/normalize.js';
import { renderForTerminal } from './render.js';

const INTRO = `Docker tutor — local console (no Slack tokens are set).
Type "/docker what is an image", "/docker topics", "/docker help", or just a question as in a DM.
Study with "/docker learn" and "/docker quiz": type a choice's number to answer, "next" to go on.
End with Ctrl-D. To connect to Slack, create the app from manifest.yml and set SLACK_BOT_TOKEN and
SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode): see README, "Connecting to Slack".
`;

/** The buttons of the last reply that the console lets a person press by typing. */
interface Pressable {
  /** A quiz question's choice values, in order: typing `2` presses the second. */
  choices: string[];
  /** Next question or Continue: typing `next` presses it. */
  next?: string;
}

const NEXT_WORDS = new Set(['next', 'n', '次']);

/**
 * Reads questions line by line and prints each reply as it would read in Slack: `/docker …` as the
 * private command reply, anything else as a DM answer. After a quiz question, a line that is just a
 * number answers it, and after an answer `next` asks the next one. Resolves at the end of input.
 */
export async function runConsole(deps: BotDeps, input: Readable, output: Writable): Promise<void> {
  const interactive = (input as { isTTY?: boolean }).isTTY === true;
  output.write(INTRO);
  const lines = createInterface({ input, crlfDelay: Infinity, terminal: false });
  const prompt = () => interactive && output.write('\n> ');
  let pressable: Pressable = { choices: [] };
  const print: Deliver = async (reply) => {
    output.write(`\n${renderForTerminal(reply.message)}\n`);
    pressable = pressableButtons(reply.message);
    return null;
  };
  const pressed = async (reply: Awaited<ReturnType<typeof answerQuizButton>>) => {
    if (reply) await print(reply);
  };
  prompt();
  for await (const line of lines) {
    const text = line.trim();
    if (text === '') {
      prompt();
      continue;
    }
    const command = /^\/docker(?:\s+|$)(.*)$/i.exec(text);
    // The console has no profile: the language is the one the person types in.
    const asker: Asker = {
      userId: 'console',
      channelId: 'console',
      surface: 'console',
      profile: async () => ({ lang: detectLang(command ? (command[1] ?? '') : text) }),
    };
    const choice = /^\d+$/.test(text) ? pressable.choices[Number(text) - 1] : undefined;
    const next = NEXT_WORDS.has(text.toLowerCase()) ? pressable.next : undefined;
    if (command) await runDockerCommand(deps, asker, parseDockerCommand(command[1] ?? ''), print);
    else if (choice !== undefined) await pressed(await answerQuizButton(deps, asker, choice));
    else if (next !== undefined) await pressed(await studyStepButton(deps, asker, next));
    else await answerQuestion(deps, asker, text, print, { visibility: 'public' });
    prompt();
  }
  output.write('\nBye.\n');
}

function pressableButtons(message: SlackMessage): Pressable {
  const found: Pressable = { choices: [] };
  for (const block of message.blocks as KnownBlock[]) {
    if (block.type !== 'actions') continue;
    for (const element of block.elements) {
      if (element.type !== 'button' || element.value === undefined) continue;
      const id = element.action_id ?? '';
      if (id.startsWith(ACTION_IDS.quizAnswerPrefix)) found.choices.push(element.value);
      else if (id === ACTION_IDS.quizNext || id.startsWith(ACTION_IDS.learnContinuePrefix))
        found.next ??= element.value;
    }
  }
  return found;
}
