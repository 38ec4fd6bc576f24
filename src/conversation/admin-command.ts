import type { KnownBlock } from '@slack/types';
import { BLOCK_KIT_LIMITS } from '../answers/block-kit-limits.js';
import { ACTION_IDS } from '../answers/button-values.js';
import { phrase, phraseWith } from '../answers/messages.js';
import { escapeMrkdwn, quote } from '../answers/mrkdwn.js';
import { button, section, textMessage } from '../answers/slack-messages.js';
import {
  adminSettingsMessage,
  channelMention,
  expertMention,
  markupMessage,
  markupWith,
} from '../answers/team-messages.js';
import type { Lang } from '../knowledge/types.js';
import { DAY_MS, renderReport, reportFromStore, TEXT_NOT_STORED } from '../report/report.js';
import type { SuggestionClick } from '../store/store.js';
import { helpSettings } from './ask-team.js';
import { teachButtonValue } from './teach.js';
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
  const message = textMessage(renderReport(report, kb, lang), lang);
  const since = new Date(deps.scheduleClock().getTime() - days * DAY_MS);
  const teaching = await teachingBlocks(
    deps,
    report.unanswered.map((group) => group.text),
    since,
    lang,
  ).catch((error: unknown): KnownBlock[] => {
    deps.logger.log('error', 'could not read what was taught for the report', { error });
    return [];
  });
  return { message: { ...message, blocks: [...message.blocks, ...teaching] }, visibility: 'private' };
}

/** How many of each list the report shows: a message holds at most 50 blocks. */
const MAX_TEACH_ROWS = 10;
/** At least this many different people must resolve a question to the same topic for it to be offered. */
const MIN_PEOPLE = 2;

/**
 * The teaching part of the report: a Teach button beside each unanswered question, the learned
 * phrasings and drafts not yet exported (who taught them, when), and the questions that two or more
 * people resolved to the same suggestion of a "not sure" reply, each with a one-click Teach.
 */
async function teachingBlocks(
  deps: BotDeps,
  unanswered: string[],
  since: Date,
  lang: Lang,
): Promise<KnownBlock[]> {
  const [learned, drafts, clicks] = await Promise.all([
    deps.store.listLearnedPhrasings(),
    deps.store.listDraftTopics(),
    deps.store.listSuggestionClicks(since),
  ]);
  const blocks: KnownBlock[] = [{ type: 'divider' }];
  const teachable = unanswered.filter((text) => text !== TEXT_NOT_STORED).slice(0, MAX_TEACH_ROWS);
  if (teachable.length > 0) {
    blocks.push(section(`*${escapeMrkdwn(phrase('reportTeachUnanswered', lang))}*`, lang));
    for (const text of teachable) {
      blocks.push(
        rowWithButton(
          quote(clip(text, 500)),
          ACTION_IDS.teachQuestion,
          // A phrasing is at most 300 characters; 450 in base64 JSON fit Slack's 2,000 even in Japanese.
          teachButtonValue(clip(text, 450)),
          lang,
        ),
      );
    }
  }
  const day = (date: Date) => date.toISOString().slice(0, 10);
  const list = (title: string, lines: string[]) => {
    if (lines.length === 0) return;
    const shown = lines.slice(0, MAX_TEACH_ROWS * 3);
    const more = lines.length - shown.length;
    blocks.push(
      section(
        clip(
          [`*${escapeMrkdwn(title)}*`, ...shown.map(escapeMrkdwn), ...(more > 0 ? [`+${more}`] : [])].join(
            '\n',
          ),
          3000,
        ),
        lang,
      ),
    );
  };
  list(
    phrase('reportLearned', lang),
    learned.map((entry) =>
      phraseWith('reportLearnedLine', lang, {
        id: entry.id,
        phrasing: clip(entry.phrasing, 100),
        topic: entry.topic,
        user: entry.taughtBy,
        day: day(entry.taughtAt),
      }),
    ),
  );
  list(
    phrase('reportDrafts', lang),
    drafts.map((draft) =>
      phraseWith('reportDraftLine', lang, {
        id: draft.id,
        topic: draft.topicId,
        title: clip(draft.title[lang], 100),
        user: draft.taughtBy,
        day: day(draft.createdAt),
      }),
    ),
  );
  const resolved = resolvedByPeople(clicks, new Set(learned.map((entry) => entry.normalized)));
  if (resolved.length > 0) {
    blocks.push(section(`*${escapeMrkdwn(phrase('reportResolved', lang))}*`, lang));
    for (const group of resolved.slice(0, MAX_TEACH_ROWS)) {
      const line = phraseWith('reportResolvedLine', lang, {
        question: clip(group.question, 300),
        topic: group.topic,
        people: group.people,
      });
      const value = teachButtonValue(group.question, group.topic);
      if (value.length <= BLOCK_KIT_LIMITS.buttonValue) {
        blocks.push(rowWithButton(escapeMrkdwn(line), ACTION_IDS.teachSuggested, value, lang));
      }
    }
  }
  return blocks.length > 1 ? blocks : [];
}

/**
 * Questions (normalised) that at least MIN_PEOPLE different people resolved to the same topic, most
 * people first; one already learned is not offered again.
 */
function resolvedByPeople(clicks: SuggestionClick[], learned: ReadonlySet<string>) {
  const groups = new Map<string, { question: string; topic: string; users: Set<string> }>();
  for (const click of clicks) {
    if (learned.has(click.normalized) || click.question === '') continue;
    const key = `${click.normalized}\u0000${click.topic}`;
    const group = groups.get(key) ?? {
      question: click.question,
      topic: click.topic,
      users: new Set<string>(),
    };
    group.users.add(click.userId);
    groups.set(key, group);
  }
  return [...groups.values()]
    .filter((group) => group.users.size >= MIN_PEOPLE)
    .map(({ question, topic, users }) => ({ question, topic, people: users.size }))
    .sort((a, b) => b.people - a.people || a.question.localeCompare(b.question));
}

function rowWithButton(text: string, actionId: string, value: string, lang: Lang): KnownBlock {
  return { ...section(text, lang), accessory: button(phrase('teachButton', lang), actionId, value) };
}

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
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
