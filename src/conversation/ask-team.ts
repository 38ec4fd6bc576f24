import { randomUUID } from 'node:crypto';
import type { KnownBlock } from '@slack/types';
import type { AskTeamRef } from '../answers/button-values.js';
import { phrase } from '../answers/messages.js';
import type { SlackMessage } from '../answers/slack-messages.js';
import {
  askTeamBlocks,
  channelMention,
  helpPostMessage,
  link,
  markupMessage,
  markupWith,
} from '../answers/team-messages.js';
import { TIME_LIMITS, withinTimeLimit } from '../limits.js';
import type { HelpRequest, SettingName } from '../store/store.js';
import type { BotDeps } from './deps.js';
import { claimOnce, markDelivered, storedQuestion } from './record.js';
import type { Asker, DeliveryFailure, Reply } from './request.js';
import { teachButtonValue } from './teach.js';

// "Ask the team": a question the bot could not answer (or answered unhelpfully) goes to people. The
// asker's id is kept to tell them of a reply; for an anonymous question it is never posted nor logged.

/** A setting and where it comes from: the environment (which wins) or an admin in Slack. */
export interface Setting<T> {
  value: T;
  source: 'environment' | 'slack';
}

/** Where the team's help goes: the help channel and who to mention there. */
export interface HelpSettings {
  helpChannel: Setting<string> | null;
  experts: Setting<readonly string[]> | null;
}

/**
 * The help channel and experts: HELP_CHANNEL and EXPERTS when set, else what an admin set in Slack. A
 * store that cannot be read in time counts as nothing set (logged): the reply is not held for it.
 */
export async function helpSettings(deps: BotDeps): Promise<HelpSettings> {
  const stored = async (name: SettingName): Promise<string | null> => {
    try {
      return await withinTimeLimit(
        deps.store.getSetting(name),
        (deps.timeLimits ?? TIME_LIMITS).storeClaimMs,
        'reading a setting',
      );
    } catch (error) {
      deps.logger.log('error', 'could not read a setting; taking it as unset', { error, setting: name });
      return null;
    }
  };
  const envChannel = deps.helpChannel;
  const envExperts = deps.experts;
  const [channel, experts] = await Promise.all([
    envChannel ? null : stored('help_channel'),
    envExperts && envExperts.length > 0 ? null : stored('experts'),
  ]);
  return {
    helpChannel: envChannel
      ? { value: envChannel, source: 'environment' }
      : channel
        ? { value: channel, source: 'slack' }
        : null,
    experts:
      envExperts && envExperts.length > 0
        ? { value: envExperts, source: 'environment' }
        : experts
          ? { value: experts.split(' '), source: 'slack' }
          : null,
  };
}

const isAdmin = (deps: BotDeps, userId: string) => deps.adminUserIds?.includes(userId) ?? false;

/**
 * What a reply to `asker` ends with to offer asking the team: the two buttons (signed, theirs alone);
 * to an admin while no help channel is set, how to set one; to anyone else then, nothing.
 */
export async function askTeamOffer(
  deps: BotDeps,
  asker: Asker,
  ref: Omit<AskTeamRef, 'forUser'>,
): Promise<KnownBlock[]> {
  const { helpChannel } = await helpSettings(deps);
  if (!helpChannel) return isAdmin(deps, asker.userId) ? askTeamBlocks({ kind: 'setupHint' }, ref.lang) : [];
  const value = deps.buttons.askTeamValue({ ...ref, forUser: asker.userId });
  return askTeamBlocks({ kind: 'buttons', value }, ref.lang);
}

/** The Slack calls asking the team needs, so this layer stays testable without Slack. */
export interface TeamDesk {
  /** Posts a message in a channel (in a thread when `threadTs`): the message's ts, or why it failed. */
  post(channel: string, message: SlackMessage, threadTs?: string): Promise<{ ts: string } | DeliveryFailure>;
  /** A link to a message; null when Slack gives none (logged by the desk). */
  permalink(channel: string, ts: string): Promise<string | null>;
  /** A direct message from the bot to a person (in its Messages tab). */
  directMessage(userId: string, message: SlackMessage): Promise<DeliveryFailure | null>;
}

/**
 * "Ask the team" or "Ask anonymously": posts the question in the help channel (who asked or "someone",
 * the question as written, the bot's guesses, where it was asked, the experts) and returns the asker's
 * private reply with a link to that thread. Once per click: the claim is the interaction's (`onceKey`).
 * A post whose outcome is unknown is not tried again (src/slack/deliver.ts); the asker is told it failed.
 */
export async function askTheTeam(
  deps: BotDeps,
  asker: Asker,
  ref: AskTeamRef,
  anonymous: boolean,
  desk: TeamDesk,
  onceKey?: string,
): Promise<Reply | null> {
  if (ref.forUser !== asker.userId) {
    // Nobody's id is logged: the button may be someone's anonymous question.
    deps.logger.log('warn', 'ask-the-team button made for someone else', { request_id: asker.requestId });
    return null;
  }
  if (onceKey !== undefined && !(await claimOnce(deps, onceKey, asker))) return null;
  const reply = await postQuestion(deps, asker, ref, anonymous, desk);
  if (onceKey !== undefined) await markDelivered(deps, onceKey, asker);
  return reply;
}

async function postQuestion(
  deps: BotDeps,
  asker: Asker,
  ref: AskTeamRef,
  anonymous: boolean,
  desk: TeamDesk,
): Promise<Reply> {
  const { lang } = ref;
  const privately = (markup: string): Reply => ({
    message: markupMessage(markup, lang),
    visibility: 'private',
  });
  const settings = await helpSettings(deps);
  if (!settings.helpChannel) {
    return privately(markupWith(isAdmin(deps, asker.userId) ? 'askTeamSetupHint' : 'askTeamNotSetUp', lang));
  }
  const helpChannel = settings.helpChannel.value;
  const { kb } = deps.answers.current();
  // A link to the message asked in would show its author: an anonymous question gets none.
  const askedAt = ref.where && !anonymous ? await desk.permalink(ref.where.channel, ref.where.ts) : null;
  const question = storedQuestion(ref.question);
  const posted = await desk.post(
    helpChannel,
    helpPostMessage({
      question,
      lang,
      asker: anonymous ? null : asker.userId,
      guesses: ref.guesses.flatMap((id) => kb.byId.get(id)?.title[lang] ?? []).slice(0, 3),
      askedAt,
      anonymous,
      experts: settings.experts?.value ?? [],
      // The question as the button carries it: a phrasing is at most 300 characters, 450 leave room to edit.
      teachValue: teachButtonValue(question.slice(0, 450)),
    }),
  );
  if (typeof posted === 'string') {
    const key = posted === 'not_in_channel' ? 'askTeamNotInChannel' : 'askTeamFailed';
    return privately(markupWith(key, lang, { channel: channelMention(helpChannel) }));
  }

  const request: HelpRequest = {
    id: randomUUID(),
    asker: asker.userId,
    anonymous,
    question,
    lang,
    askedIn: ref.where && !anonymous ? { channel: ref.where.channel, threadTs: ref.where.threadTs } : null,
    helpChannel,
    helpTs: posted.ts,
    createdAt: deps.scheduleClock(),
    notifiedAt: null,
  };
  try {
    await withinTimeLimit(
      deps.store.saveHelpRequest(request),
      TIME_LIMITS.storeRecordMs,
      'saving a help request',
    );
  } catch (error) {
    // The post stands; only the notification of a reply is lost.
    deps.logger.log('error', 'could not store the help request; its asker will not be told of replies', {
      error,
      help_request: request.id,
      request_id: asker.requestId,
    });
  }
  deps.logger.log('info', 'asked the team', {
    help_request: request.id,
    anonymous,
    request_id: asker.requestId,
  });
  const thread = await desk.permalink(helpChannel, posted.ts);
  const channel = channelMention(helpChannel);
  return privately(
    markupWith(anonymous ? 'askedTeamAnonymously' : 'askedTeam', lang, {
      channel,
      link: thread ? link(thread, phrase('askTeamThread', lang)) : channel,
    }),
  );
}

/** A message in the help thread, as the listener saw it. */
export interface ThreadReply {
  channel: string;
  threadTs: string;
  ts: string;
  user: string;
}

/**
 * Someone replied in a help thread: its asker is told once (the claim is in the store, across replies,
 * retries and replicas) who replied, with a link to the reply — in the thread they asked in, or by DM
 * when they asked privately; an anonymous asker by DM only. A message in any other thread is ignored.
 */
export async function tellAskerOfReply(deps: BotDeps, reply: ThreadReply, desk: TeamDesk): Promise<void> {
  const request = await deps.store.findHelpRequest(reply.channel, reply.threadTs);
  // The asker's own follow-up in the thread is no answer to tell them of.
  if (!request || reply.user === request.asker) return;
  if (!(await deps.store.claimHelpNotification(request.id, deps.scheduleClock()))) return;

  const { lang } = request;
  const permalink = await desk.permalink(reply.channel, reply.ts);
  const values = {
    user: `<@${reply.user}>`,
    channel: channelMention(reply.channel),
    link: permalink ? link(permalink, phrase('teamReplyLink', lang)) : channelMention(reply.channel),
  };
  let failure: DeliveryFailure | null;
  let where: 'thread' | 'dm';
  if (request.askedIn && !request.anonymous) {
    where = 'thread';
    const markup = `<@${request.asker}> ${markupWith('teamReplied', lang, values)}`;
    const posted = await desk.post(
      request.askedIn.channel,
      markupMessage(markup, lang),
      request.askedIn.threadTs,
    );
    failure = typeof posted === 'string' ? posted : null;
  } else {
    where = 'dm';
    const key = request.anonymous ? 'teamRepliedAnonymous' : 'teamReplied';
    failure = await desk.directMessage(request.asker, markupMessage(markupWith(key, lang, values), lang));
  }
  deps.logger.log(
    failure ? 'error' : 'info',
    failure ? 'could not tell the asker of a reply' : 'told the asker of a reply',
    {
      help_request: request.id,
      where,
      failure: failure ?? undefined,
    },
  );
}
