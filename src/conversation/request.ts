import type { SlackMessage } from '../answers/slack-messages.js';
import type { Lang } from '../knowledge/types.js';
import type { Surface } from '../store/store.js';

/** A person's language and time zone, as their chat profile gives them. */
export interface Profile {
  lang: Lang;
  timeZone?: string;
}

/** Who is asking, where, and how: what every intent of the conversation layer takes. */
export interface Asker {
  userId: string;
  /** The channel (or DM) the request came from. */
  channelId: string;
  surface: Surface;
  /** Identifies the request in the logs: Slack's event id or trigger id. */
  requestId?: string;
  /** The asker's language and time zone, looked up only when an intent needs them (it may be remote). */
  profile: () => Promise<Profile>;
}

/** What the bot says back, before a surface turns it into an API call or a terminal print. */
export interface Reply {
  message: SlackMessage;
  /** `private`: only the asker sees it. `public`: posted where the question was asked, for everyone. */
  visibility: 'private' | 'public';
  /** The thread a public reply belongs in. */
  threadTs?: string;
}

/** Why a reply could not be delivered, as far as the asker needs to know. */
export type DeliveryFailure = 'not_in_channel' | 'failed';

/** Delivers a reply on the asker's surface; resolves with what went wrong, or null once it is delivered. */
export type Deliver = (reply: Reply) => Promise<DeliveryFailure | null>;
