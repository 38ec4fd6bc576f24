import { phrase } from '../answers/messages.js';
import { textMessage } from '../answers/slack-messages.js';
import {
  adminSettingsMessage,
  channelMention,
  expertMention,
  markupMessage,
  markupWith,
} from '../answers/team-messages.js';
import type { Lang } from '../knowledge/types.js';
import { renderReport, reportFromStore } from '../report/report.js';
import { helpSettings } from './ask-team.js';
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
  const [first = '', ...rest] = words;
  switch (first.toLowerCase()) {
    case '':
      return { message: adminSettingsMessage(await helpSettings(deps), lang), visibility: 'private' };
    case 'help-channel':
      return setHelpChannel(deps, rest, lang);
    case 'experts':
      return setExperts(deps, rest, lang);
  }
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

/**
 * `/docker admin help-channel #channel|off`. Slack sends a picked channel as `<#C123|name>` (the command
 * escapes channels: manifest.yml `should_escape: true`); a bare id works too.
 */
async function setHelpChannel(deps: BotDeps, words: string[], lang: Lang): Promise<Reply> {
  const [word = '', ...extra] = words;
  const id =
    /^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(word)?.[1] ?? (/^[CG][A-Z0-9]+$/.test(word) ? word : null);
  const off = word.toLowerCase() === 'off';
  if (extra.length > 0 || (!off && id === null))
    return markup(markupWith('adminHelpChannelInvalid', lang), lang);
  await deps.store.saveSetting('help_channel', off ? null : id, deps.scheduleClock());
  const done = off
    ? markupWith('adminHelpChannelCleared', lang)
    : markupWith('adminHelpChannelSet', lang, { channel: channelMention(id as string) });
  return markup(
    withEnvironmentNote(
      done,
      deps.helpChannel ? channelMention(deps.helpChannel) : null,
      'HELP_CHANNEL',
      lang,
    ),
    lang,
  );
}

/**
 * `/docker admin experts @group|@person …|off`: one user group (`<!subteam^S123|@group>`) or people
 * (`<@U123>`), as EXPERTS takes them; bare ids work too.
 */
async function setExperts(deps: BotDeps, words: string[], lang: Lang): Promise<Reply> {
  const off = words.length === 1 && words[0]?.toLowerCase() === 'off';
  const ids = off ? [] : words.map(expertId);
  const groups = ids.filter((id) => id?.startsWith('S'));
  const valid =
    off || (ids.length > 0 && ids.every((id) => id !== null) && (groups.length === 0 || ids.length === 1));
  if (!valid) return markup(markupWith('adminExpertsInvalid', lang), lang);
  const unique = [...new Set(ids as string[])];
  await deps.store.saveSetting('experts', off ? null : unique.join(' '), deps.scheduleClock());
  const done = off
    ? markupWith('adminExpertsCleared', lang)
    : markupWith('adminExpertsSet', lang, { experts: unique.map(expertMention).join(' ') });
  const fromEnvironment =
    deps.experts && deps.experts.length > 0 ? deps.experts.map(expertMention).join(' ') : null;
  return markup(withEnvironmentNote(done, fromEnvironment, 'EXPERTS', lang), lang);
}

function expertId(word: string): string | null {
  const group = /^<!subteam\^(S[A-Z0-9]+)(?:\|[^>]*)?>$/.exec(word)?.[1];
  const person = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(word)?.[1];
  return group ?? person ?? (/^[SUW][A-Z0-9]{2,}$/.test(word) ? word : null);
}

/** The environment wins over a setting made in Slack: say so, naming what stays in use. */
function withEnvironmentNote(
  done: string,
  fromEnvironment: string | null,
  variable: string,
  lang: Lang,
): string {
  if (fromEnvironment === null) return done;
  return `${done}\n${markupWith('adminEnvironmentWins', lang, { variable, value: fromEnvironment })}`;
}

function markup(text: string, lang: Lang): Reply {
  return { message: markupMessage(text, lang), visibility: 'private' };
}
