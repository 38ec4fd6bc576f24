import { phrase } from '../answers/messages.js';
import { textMessage } from '../answers/slack-messages.js';
import type { Lang } from '../knowledge/types.js';
import { renderReport, reportFromStore } from '../report/report.js';
import type { BotDeps } from './deps.js';
import type { Asker, Reply } from './request.js';

/** A report reaches back at most a year: retention keeps no more, and a huge number is a typo. */
export const MAX_REPORT_DAYS = 365;

/** `/docker admin report [days]`: the maintainers' report, for the users in ADMIN_USER_IDS only. */
export async function adminCommandReply(
  deps: BotDeps,
  asker: Asker,
  words: string[],
  lang: Lang,
): Promise<Reply> {
  const reply = (text: string): Reply => ({ message: textMessage(text, lang), visibility: 'private' });
  if (!deps.adminUserIds?.includes(asker.userId)) return reply(phrase('adminOnly', lang));
  const [verb = '', daysText = '30', ...extra] = words;
  const days = /^\d{1,3}$/.test(daysText) ? Number(daysText) : NaN;
  if (verb.toLowerCase() !== 'report' || extra.length > 0 || !(days >= 1 && days <= MAX_REPORT_DAYS)) {
    return reply(phrase('adminUsage', lang));
  }
  const { kb } = deps.answers.current();
  const report = await reportFromStore(deps.store, {
    days,
    until: deps.scheduleClock(),
    kb,
    staleAfterDays: deps.staleAfterDays,
  });
  return reply(renderReport(report, kb, lang));
}
