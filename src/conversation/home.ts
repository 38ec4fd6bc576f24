import { homeView, type HomeTab } from '../answers/slack-messages.js';
import type { BotDeps } from './deps.js';
import type { Asker } from './request.js';

/** App Home: how to use the bot and every topic as a button, in the person's language. */
export async function homeFor(deps: BotDeps, asker: Asker): Promise<HomeTab> {
  const { lang } = await asker.profile();
  return homeView(lang, deps.answers.current().kb);
}
