import { escapeMrkdwn, type SlackMessage } from '../../../answers/blocks.js';
import { renderReport, reportFromStore } from '../../../report/report.js';
import type { BotDeps } from '../../deps.js';

const SECTION_LIMIT = 2900;
const MAX_SECTIONS = 45;

/** `/docker admin report [days]`: the maintainers' report, for the users in ADMIN_USER_IDS only. */
export async function adminCommandReply(
  words: string[],
  userId: string,
  deps: BotDeps,
): Promise<SlackMessage> {
  if (!deps.adminUserIds?.includes(userId)) {
    return plain('Only the bot admins (ADMIN_USER_IDS) can use `/docker admin`.');
  }
  const [verb = '', daysText] = words;
  const days = daysText === undefined ? 30 : Number(daysText);
  if (verb.toLowerCase() !== 'report' || !Number.isInteger(days) || days < 1) {
    return plain('Usage: `/docker admin report [days]` (default 30 days).');
  }
  const report = await reportFromStore(deps.store, days, deps.scheduleClock());
  return plain(renderReport(report, deps.answers.current().kb));
}

/** Plain text in as many sections as it needs, within Block Kit's limits. */
function plain(text: string): SlackMessage {
  const sections: string[] = [];
  let current = '';
  for (const line of escapeMrkdwn(text).split('\n')) {
    const piece = line.length > SECTION_LIMIT ? `${line.slice(0, SECTION_LIMIT - 1)}…` : line;
    if (current.length + piece.length + 1 > SECTION_LIMIT) {
      sections.push(current);
      current = '';
    }
    current = current === '' ? piece : `${current}\n${piece}`;
  }
  if (current !== '') sections.push(current);
  return {
    text: text.slice(0, 3000),
    blocks: sections
      .slice(0, MAX_SECTIONS)
      .map((section) => ({ type: 'section', text: { type: 'mrkdwn', text: section } })),
  };
}
