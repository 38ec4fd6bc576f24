import type { WebClient } from '@slack/web-api';
import type { Lang } from '../knowledge/types.js';
import { detectLang } from '../search/normalize.js';

/**
 * The language to use with a person when their text does not tell (an empty `/docker`, App Home):
 * their Slack locale, read with users.info (scope users:read); English when that is unavailable.
 */
export async function userLanguage(client: WebClient, userId: string, text = ''): Promise<Lang> {
  if (text.trim() !== '') return detectLang(text);
  return (await userProfile(client, userId)).lang;
}

/** A person's Slack language and time zone (users.info); English and no zone when unavailable. */
export async function userProfile(
  client: WebClient,
  userId: string,
): Promise<{ lang: Lang; timeZone?: string }> {
  try {
    const result = await client.users.info({ user: userId, include_locale: true });
    return {
      lang: result.user?.locale?.toLowerCase().startsWith('ja') ? 'ja' : 'en',
      timeZone: result.user?.tz,
    };
  } catch {
    return { lang: 'en' };
  }
}
