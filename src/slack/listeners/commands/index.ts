import type { AllMiddlewareArgs, AnyMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { BotDeps } from '../../../conversation/deps.js';
import { dockerCommand } from './docker-command.js';

/**
 * `/docker`, the bot's one slash command and most of its requests, is taken by a global middleware
 * rather than a Bolt listener (`app.command`): Bolt runs the filter chain of every registered listener on
 * every request, each hop a copy of the arguments, a closure and a promise, and a `/docker` command needs
 * none of them. Registered after the bot's own middleware (app.ts), so a command is still counted and
 * logged with its latency; anything else goes on to Bolt's listeners. The listener gets the arguments
 * Bolt would give it (it never calls `next`). In HTTP mode most `/docker` questions never reach Bolt
 * (src/slack/direct-command.ts answers them in the receiver); this serves Socket Mode and every `/docker`
 * command left to Bolt.
 */
export function register(app: App, deps: BotDeps): void {
  const docker = dockerCommand(deps);
  app.use(async (args) => {
    if (!isDockerCommand(args)) return args.next();
    return docker(args);
  });
}

/** What Bolt's `onlyCommands` and `matchCommandName('/docker')` let through. */
function isDockerCommand(
  args: AnyMiddlewareArgs & AllMiddlewareArgs,
): args is AllMiddlewareArgs & SlackCommandMiddlewareArgs {
  return 'command' in args && args.command !== undefined && args.command.command === '/docker';
}
