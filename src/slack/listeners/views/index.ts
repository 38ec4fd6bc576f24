import type { App } from '@slack/bolt';
import type { BotDeps } from '../../../conversation/deps.js';
import { TEACH_VIEW_CALLBACK_ID } from '../../teach-modal.js';
import { teachSubmission } from './teach-submission.js';

export function register(app: App, deps: BotDeps): void {
  app.view(TEACH_VIEW_CALLBACK_ID, teachSubmission(deps));
}
