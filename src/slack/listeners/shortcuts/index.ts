import type { AllMiddlewareArgs, App, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { BotDeps } from '../../../conversation/deps.js';
import { ASK_SHORTCUT_CALLBACK_ID, askShortcut } from './ask-shortcut.js';
import { TEACH_SHORTCUT_CALLBACK_ID, teachShortcut } from './teach-shortcut.js';

type Args = AllMiddlewareArgs & SlackShortcutMiddlewareArgs<MessageShortcut>;

/** Both message shortcuts through one listener (one registration per kind: see actions/index.ts). */
export const BOT_SHORTCUTS = new RegExp(`^(?:${ASK_SHORTCUT_CALLBACK_ID}|${TEACH_SHORTCUT_CALLBACK_ID})$`);

export function register(app: App, deps: BotDeps): void {
  const ask = askShortcut(deps);
  const teach = teachShortcut(deps);
  app.shortcut(BOT_SHORTCUTS, async (args) => {
    const typed = args as Args;
    return typed.shortcut.callback_id === TEACH_SHORTCUT_CALLBACK_ID ? teach(typed) : ask(typed);
  });
}
