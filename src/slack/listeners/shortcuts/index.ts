import type { App } from '@slack/bolt';
import type { BotDeps } from '../../../conversation/deps.js';
import { ASK_SHORTCUT_CALLBACK_ID, askShortcut } from './ask-shortcut.js';

export function register(app: App, deps: BotDeps): void {
  app.shortcut(ASK_SHORTCUT_CALLBACK_ID, askShortcut(deps));
}
