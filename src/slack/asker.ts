import type { WebClient } from '@slack/web-api';
import type { Asker, Profile } from '../conversation/request.js';
import type { Surface } from '../store/store.js';
import { userProfile } from './language.js';

/** Who asks, from a Slack payload: the profile (language, time zone) is read with users.info once, if needed. */
export function slackAsker(
  client: WebClient,
  fields: { userId: string; channelId: string; surface: Surface; requestId?: string },
): Asker {
  let profile: Promise<Profile> | undefined;
  return { ...fields, profile: () => (profile ??= userProfile(client, fields.userId)) };
}
