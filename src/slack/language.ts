import type { WebClient } from '@slack/web-api';
import type { Lang } from '../knowledge/types.js';
import { detectLang } from '../search/normalize.js';

/**
 * The language to use with a person when their text does not tell (an empty `/docker`, App Home):
 * their Slack locale, read with users.info (scope users:read); English when that is unavailable.
 */
export async function userLanguage(client: WebClient, userId: string, text = ''): Promise<Lang> {
  if (text.trim() !== '') return detectLang(text);
  try {
    const result = await client.users.info({ user: userId, include_locale: true });
    return result.user?.locale?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
  } catch {
    return 'en';
  }
}
