/**
 * Every time limit the bot keeps, in one place, each with the reason for its value. A test may hand in
 * shorter ones through the deps (`BotDeps.timeLimits`) to see a limit fire without waiting for it.
 */
export const TIME_LIMITS = Object.freeze({
  /**
   * A Slack Web API call with no answer after this is abandoned and never sent again (a post may have
   * landed even so): Slack answers in well under a second, and a waiting reply is worth little.
   */
  slackCallMs: 5_000,
  /** users.info only tells the asker's language: the reply waits on it, so it gives up quickly and uses English. */
  slackUsersInfoMs: 1_500,
  /**
   * The longest one reply waits out Slack's Retry-After for its method and channel, in total; a reply
   * that would wait longer is dropped (logged). Other channels never wait for it.
   */
  slackRateLimitWaitMs: 30_000,
  /** The pause before the one retry of a call that never reached Slack (connection refused): it is safe to repeat. */
  slackUnreachedRetryMs: 250,
});

/** The same names, any durations in milliseconds: what a test may hand in instead. */
export type TimeLimits = { readonly [K in keyof typeof TIME_LIMITS]: number };
