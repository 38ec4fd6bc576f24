import type { WebClient } from '@slack/web-api';
import type { BotDeps } from '../conversation/deps.js';
import type { Asker, Profile } from '../conversation/request.js';
import { TIME_LIMITS } from '../limits.js';
import type { Surface } from '../store/store.js';
import { userProfile } from './language.js';

/** Who asks, from a Slack payload: the profile (language, time zone) is read with users.info once, if needed. */
export function slackAsker(
  client: WebClient,
  deps: Pick<BotDeps, 'logger' | 'timeLimits'>,
  fields: { userId: string; channelId: string; surface: Surface; requestId?: string },
): Asker {
  let profile: Promise<Profile> | undefined;
  const options = {
    logger: deps.logger,
    limitMs: (deps.timeLimits ?? TIME_LIMITS).slackUsersInfoMs,
  };
  return { ...fields, profile: () => (profile ??= userProfile(client, fields.userId, options)) };
}

/** Who clicked a button: the clicker, in the channel of the message (their DM with the bot from App Home). */
export function buttonAsker(
  client: WebClient,
  deps: Pick<BotDeps, 'logger' | 'timeLimits'>,
  body: { user: { id: string }; channel?: { id: string }; trigger_id?: string },
): Asker {
  return slackAsker(client, deps, {
    userId: body.user.id,
    channelId: body.channel?.id ?? body.user.id,
    surface: 'button',
    requestId: body.trigger_id,
  });
}
