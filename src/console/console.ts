import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { answerMessage } from '../answers/blocks.js';
import { detectLang } from '../search/normalize.js';
import type { BotDeps } from '../slack/deps.js';
import { dockerCommandReply } from '../slack/listeners/commands/docker-command.js';
import { recordQuestion } from '../slack/record.js';
import { renderForTerminal } from './render.js';

const INTRO = `Docker tutor — local console (no Slack tokens are set).
Type "/docker what is an image", "/docker topics", "/docker help", or just a question as in a DM.
End with Ctrl-D. To connect to Slack, create the app from manifest.yml and set SLACK_BOT_TOKEN and
SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode): see README, "Connecting to Slack".
`;

/**
 * Reads questions line by line and prints each reply as it would read in Slack: `/docker …` as the
 * private command reply, anything else as a DM answer. Resolves at the end of input.
 */
export async function runConsole(deps: BotDeps, input: Readable, output: Writable): Promise<void> {
  const interactive = (input as { isTTY?: boolean }).isTTY === true;
  output.write(INTRO);
  const lines = createInterface({ input, crlfDelay: Infinity, terminal: false });
  const prompt = () => interactive && output.write('\n> ');
  prompt();
  for await (const line of lines) {
    const text = line.trim();
    if (text === '') {
      prompt();
      continue;
    }
    const command = /^\/docker(?:\s+|$)(.*)$/i.exec(text);
    if (command) {
      const reply = await dockerCommandReply(command[1] ?? '', deps, {
        channelId: 'console',
        userId: 'console',
        profile: async () => ({ lang: detectLang(command[1] ?? '') }),
      });
      output.write(`\n${renderForTerminal(reply.message)}\n`);
      if (reply.answer) await recordQuestion(deps, reply.answer, 'console', 'console');
    } else {
      const answer = deps.answers.answer(text);
      output.write(
        `\n${renderForTerminal(answerMessage(answer, deps.answers.current().kb, { shareable: false }))}\n`,
      );
      await recordQuestion(deps, answer, 'console', 'console');
    }
    prompt();
  }
  output.write('\nBye.\n');
}
