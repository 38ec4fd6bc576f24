import type { WebClient } from '@slack/web-api';
import type { Profile } from '../conversation/request.js';
import type { AppLogger } from '../logger.js';
import { slackErrorCode } from './deliver.js';

/**
 * A person's Slack language and time zone (users.info, scope users:read). The reply waits on it, so
 * it is given `limitMs` and made once; when it fails or runs out (the client's own request is left to
 * its time limit), the failure is logged and the caller uses the language of the person's words, or
 * English, and no zone.
 */
export async function userProfile(
  client: WebClient,
  userId: string,
  options: { logger: AppLogger; limitMs: number },
): Promise<Profile> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error('users.info took too long'), { code: 'timeout' })),
      options.limitMs,
    );
  });
  try {
    const result = await Promise.race([client.users.info({ user: userId, include_locale: true }), timeout]);
    return {
      lang: result.user?.locale?.toLowerCase().startsWith('ja') ? 'ja' : 'en',
      timeZone: result.user?.tz,
    };
  } catch (error) {
    options.logger.log('warn', 'could not read the asker’s Slack profile', {
      code: slackErrorCode(error),
      user: userId,
      limit_ms: options.limitMs,
    });
    return { lang: 'en' };
  } finally {
    clearTimeout(timer);
  }
}
