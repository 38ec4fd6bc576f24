/**
 * Every time limit the bot keeps, in one place, each with the reason for its value. A limit is how long
 * the bot waits for something outside itself (Slack, the database) before it goes on without it. A test
 * may hand in shorter ones through the deps (`BotDeps.timeLimits`) to see a limit fire without waiting.
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
  /** The once-only claim before an answer: past this the bot answers anyway (a rare duplicate beats silence). */
  storeClaimMs: 1_500,
  /** Recording a question or feedback, or marking a claim delivered: done after the answer; only the thanks for feedback wait for it. */
  storeRecordMs: 2_000,
  /** pg's client-side `query_timeout`: a query on a hung server (paused, dropped packets) is abandoned and its connection dropped. */
  storeQueryMs: 3_000,
  /** PostgreSQL's `statement_timeout`: the server cancels a statement stuck behind a lock instead of holding a connection. */
  storeStatementMs: 2_500,
  /** pg's `connectionTimeoutMillis`: opening a connection, or waiting for a free one in the pool. */
  storeConnectMs: 3_000,
  /** A migration may wait for another replica's (it holds the advisory lock): longer than any single query. */
  storeMigrationMs: 30_000,
  /** First wait before opening an unavailable database again; doubled after each failure up to the next limit. */
  storeReopenFirstMs: 1_000,
  /** Longest wait between attempts to open an unavailable database: it is back in at most this long. */
  storeReopenMaxMs: 30_000,
  /**
   * A delivery claimed but not marked delivered may be claimed again after this (a process killed between
   * claim and post). Longer than answering takes (a Slack call times out after 5 s, a rate-limited reply waits at most 30 s), shorter than Slack's
   * retry a minute after a failed delivery (https://docs.slack.dev/apis/events-api/#retries).
   */
  deliveryLeaseMs: 45_000,
  /**
   * How often each replica asks the store whether learned phrasings changed (one cheap query): what a
   * maintainer taught on another replica answers here within this, well inside the promised 10 s.
   * Polling works the same on SQLite and PostgreSQL, with no connection held open for LISTEN.
   */
  learnedPollMs: 3_000,
  /**
   * Finding the help request and the expert's reply a teach modal is pre-filled with: Slack accepts a
   * trigger_id for 3 s, so the modal opens without them rather than not at all.
   */
  helpThreadLookupMs: 1_000,
});

/** The same names, any durations in milliseconds: what a test may hand in instead. */
export type TimeLimits = { readonly [K in keyof typeof TIME_LIMITS]: number };

/** Thrown by {@link withinTimeLimit} when the work took longer than its limit. */
export class TimeLimitError extends Error {
  constructor(
    readonly what: string,
    readonly limitMs: number,
  ) {
    super(`${what} took longer than ${limitMs} ms`);
    this.name = 'TimeLimitError';
  }
}

/**
 * Resolves as `work` does, or rejects with a {@link TimeLimitError} after `limitMs`. The work itself is
 * not stopped (a promise cannot be); whatever it does later is ignored, its failure included.
 */
export function withinTimeLimit<T>(work: Promise<T>, limitMs: number, what: string): Promise<T> {
  // One promise and one timer per call (it runs for every question stored): no race, no `finally`.
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new TimeLimitError(what, limitMs)), limitMs);
    timer.unref();
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
