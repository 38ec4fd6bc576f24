import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { answerQuestion } from '../conversation/ask.js';
import type { BotDeps } from '../conversation/deps.js';
import { parseDockerCommand, runDockerCommand } from '../conversation/docker-command.js';
import type { Asker, Deliver } from '../conversation/request.js';
import { detectLang } from '../search/normalize.js';
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
  const print: Deliver = async (reply) => {
    output.write(`\n${renderForTerminal(reply.message)}\n`);
    return null;
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
    if (command) await runDockerCommand(deps, asker, parseDockerCommand(command[1] ?? ''), print);
    else await answerQuestion(deps, asker, text, print, { visibility: 'public' });
    prompt();
  }
  output.write('\nBye.\n');
}
