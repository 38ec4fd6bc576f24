import type { App } from '@slack/bolt';
import type { BotDeps } from '../../../conversation/deps.js';
import { dockerCommand } from './docker-command.js';

export function register(app: App, deps: BotDeps): void {
  app.command('/docker', dockerCommand(deps));
}
