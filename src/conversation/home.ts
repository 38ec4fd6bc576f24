import type { KnownBlock } from '@slack/types';
import { studyBlocks } from '../answers/quiz-messages.js';
import { homeView, type HomeTab } from '../answers/slack-messages.js';
import { homeAskTeamBlocks } from '../answers/team-messages.js';
import type { Lang } from '../knowledge/types.js';
import { helpSettings } from './ask-team.js';
import type { BotDeps } from './deps.js';
import type { Asker } from './request.js';
import { studyOverview } from './study.js';

/**
 * App Home: how to use the bot, the person's progress per track with their streak and Continue, and
 * every topic as a button, in the person's language. Progress that cannot be read leaves the rest.
 */
export async function homeFor(deps: BotDeps, asker: Asker): Promise<HomeTab> {
  const { lang, timeZone } = await asker.profile();
  let study: KnownBlock[] = [];
  try {
    study = studyBlocks(lang, await studyOverview(deps, asker.userId, timeZone));
  } catch (error) {
    deps.logger.log('error', 'could not read study progress for App Home', {
      error,
      request_id: asker.requestId,
    });
  }
  return homeView(lang, deps.answers.current().kb, study, await homeAskTeam(deps, asker, lang));
}

/** "Ask the team" on App Home: the buttons when a help channel is set; else the setup hint, to admins only. */
async function homeAskTeam(deps: BotDeps, asker: Asker, lang: Lang): Promise<KnownBlock[]> {
  if ((await helpSettings(deps)).helpChannel) return homeAskTeamBlocks('buttons', lang);
  return deps.adminUserIds?.includes(asker.userId) ? homeAskTeamBlocks('setupHint', lang) : [];
}
