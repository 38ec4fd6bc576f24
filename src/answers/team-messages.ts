// "Ask the team": the buttons that offer it, the post in the help channel, the replies to the asker and
// the admin's view of the settings. Types only from @slack/types, as in slack-messages.ts.
import type { KnownBlock, ModalView } from '@slack/types';
import type { Lang } from '../knowledge/types.js';
import { BLOCK_KIT_LIMITS } from './block-kit-limits.js';
import { ACTION_IDS, ASK_TEAM_MODAL } from './button-values.js';
import { phrase, type MessageKey } from './messages.js';
import { asTyped, escapeMrkdwn, fallbackText, forLang, quote, truncate } from './mrkdwn.js';
import { actions, button, context, header, mrkdwn, section, type SlackMessage } from './slack-messages.js';

/**
 * What a reply offers for asking the team: the two buttons (their signed value), or, to an admin while
 * no help channel is set, how to set one up. Nothing at all is offered to others then.
 */
export type AskTeamOffer = { kind: 'buttons'; value: string } | { kind: 'setupHint' };

/** A phrase escaped as mrkdwn, then its `{name}` placeholders filled with markup built here (mentions, links). */
export function markupWith(key: MessageKey, lang: Lang, values: Record<string, string> = {}): string {
  return escapeMrkdwn(phrase(key, lang)).replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in values ? (values[name] as string) : placeholder,
  );
}

/** `<!subteam^S…>` for a user group, `<@U…>` for a person; ids were validated where they were read. */
export function expertMention(id: string): string {
  if (/^S[A-Z0-9]+$/.test(id)) return `<!subteam^${id}>`;
  if (/^[UW][A-Z0-9]+$/.test(id)) return `<@${id}>`;
  return escapeMrkdwn(id);
}

export function channelMention(id: string): string {
  return /^[CGD][A-Z0-9]+$/.test(id) ? `<#${id}>` : escapeMrkdwn(id);
}

/** A link whose address came from Slack (a permalink): `|`, `<` and `>` cannot appear raw in it. */
export function link(url: string, text: string): string {
  const safe = url.replace(/[|<> ]/g, (char) => encodeURIComponent(char));
  return `<${safe}|${escapeMrkdwn(text).replace(/\|/g, '｜')}>`;
}

/** The blocks a reply ends with to offer asking the team (or, to an admin, how to set it up). */
export function askTeamBlocks(offer: AskTeamOffer, lang: Lang): KnownBlock[] {
  if (offer.kind === 'setupHint') return [context([mrkdwn(markupWith('askTeamSetupHint', lang), lang)])];
  return [
    context([mrkdwn(markupWith('askTeamOffer', lang), lang)]),
    actions([
      button(phrase('askTeam', lang), ACTION_IDS.askTeam, offer.value),
      button(phrase('askAnonymously', lang), ACTION_IDS.askTeamAnonymously, offer.value),
    ]),
  ];
}

/** App Home's part: a line and the two buttons that open the question modal, or the admin's hint. */
export function homeAskTeamBlocks(offer: AskTeamOffer['kind'], lang: Lang): KnownBlock[] {
  if (offer === 'setupHint') return [context([mrkdwn(markupWith('askTeamSetupHint', lang), lang)])];
  return [
    section(markupWith('homeAskTeam', lang), lang),
    actions([
      // The tab's language rides in the value: the modal is in it, with no profile to look up.
      button(phrase('askTeam', lang), ACTION_IDS.askTeamOpen, lang),
      button(phrase('askAnonymously', lang), ACTION_IDS.askTeamOpenAnonymously, lang),
    ]),
  ];
}

/** The modal App Home's buttons open: one question field; whether it is anonymous rides in private_metadata. */
export function askTeamModal(lang: Lang, anonymous: boolean): ModalView {
  const blocks: KnownBlock[] = [
    {
      type: 'input',
      block_id: ASK_TEAM_MODAL.blockId,
      label: { type: 'plain_text', text: phrase('askTeamModalQuestion', lang) },
      element: {
        type: 'plain_text_input',
        action_id: ASK_TEAM_MODAL.actionId,
        multiline: true,
        max_length: 2000,
      },
    },
  ];
  if (anonymous) blocks.push(context([mrkdwn(markupWith('askTeamModalAnonymous', lang), lang)]));
  return {
    type: 'modal',
    callback_id: ASK_TEAM_MODAL.callbackId,
    private_metadata: JSON.stringify({ anonymous, lang }),
    title: { type: 'plain_text', text: phrase(anonymous ? 'askAnonymously' : 'askTeam', lang) },
    submit: { type: 'plain_text', text: phrase('askTeamModalSubmit', lang) },
    close: { type: 'plain_text', text: phrase('askTeamModalCancel', lang) },
    blocks,
  };
}

export interface HelpPost {
  question: string;
  /** The asker's language: the post is written in it. */
  lang: Lang;
  /** Who asked, or null when anonymous ("someone"). */
  asker: string | null;
  /** Titles of the bot's best guesses, best first. */
  guesses: string[];
  /** A permalink to where it was asked; null when asked privately (or the link could not be had). */
  askedAt: string | null;
  /** Anonymous: no word on where it was asked, which could tell who asked. */
  anonymous: boolean;
  /** Mentioned at the end: user group and user ids. */
  experts: readonly string[];
  /** The value of its "Teach the bot" button (for maintainers: the question, taught from the thread). */
  teachValue: string;
}

/** The post in the help channel: who asked (or someone), the question as written, the guesses, where, who to ask. */
export function helpPostMessage(post: HelpPost): SlackMessage {
  const { lang } = post;
  const askedBy = post.asker
    ? markupWith('helpPostAskedBy', lang, { user: `<@${post.asker}>` })
    : markupWith('helpPostAskedBySomeone', lang);
  const guesses =
    post.guesses.length > 0
      ? markupWith('helpPostGuesses', lang, {
          titles: post.guesses.map((title) => escapeMrkdwn(truncate(title, 100))).join(' · '),
        })
      : markupWith('helpPostNoGuess', lang);
  const where = post.askedAt
    ? markupWith('helpPostAskedIn', lang, { link: link(post.askedAt, phrase('helpPostOriginal', lang)) })
    : post.anonymous
      ? null
      : markupWith('helpPostAskedPrivately', lang);
  const call =
    post.experts.length > 0
      ? markupWith('helpPostExperts', lang, { experts: post.experts.map(expertMention).join(' ') })
      : markupWith('helpPostReply', lang);
  const blocks: KnownBlock[] = [
    header(phrase('helpPostTitle', lang)),
    section(askedBy, lang),
    section(quote(post.question), lang),
    context(where ? [mrkdwn(guesses, lang), mrkdwn(where, lang)] : [mrkdwn(guesses, lang)]),
    section(call, lang),
    actions([button(phrase('teachTheBot', lang), ACTION_IDS.teachQuestion, post.teachValue)]),
  ];
  const text = fallbackText(
    [`${askedBy} ${truncate(escapeMrkdwn(asTyped(post.question)), 1000)}`, call],
    lang,
  );
  return { text, blocks };
}

/** A short mrkdwn reply in one section, its markup built by the caller. */
export function markupMessage(markup: string, lang: Lang): SlackMessage {
  const text = truncate(forLang(markup, lang), BLOCK_KIT_LIMITS.sectionText);
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

/** `/docker admin`: where the help channel and experts come from, then the usage. */
export function adminSettingsMessage(
  settings: {
    helpChannel: { value: string; source: 'environment' | 'slack' } | null;
    experts: { value: readonly string[]; source: 'environment' | 'slack' } | null;
  },
  lang: Lang,
): SlackMessage {
  const describe = (
    setting: { source: 'environment' | 'slack' } | null,
    shown: string,
    variable: string,
  ): string => {
    if (!setting) return markupWith('adminNotSet', lang);
    if (setting.source === 'environment') {
      return markupWith('adminFromEnvironment', lang, { value: shown, variable });
    }
    return markupWith('adminFromSlack', lang, { value: shown });
  };
  const lines = [
    markupWith('adminHelpChannel', lang, {
      value: describe(
        settings.helpChannel,
        settings.helpChannel ? channelMention(settings.helpChannel.value) : '',
        'HELP_CHANNEL',
      ),
    }),
    markupWith('adminExperts', lang, {
      value: describe(
        settings.experts,
        settings.experts ? settings.experts.value.map(expertMention).join(' ') : '',
        'EXPERTS',
      ),
    }),
    markupWith('adminUsage', lang),
  ];
  return markupMessage(lines.join('\n'), lang);
}
