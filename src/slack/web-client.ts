import type { WebClientOptions } from '@slack/web-api';
import type { TimeLimits } from '../limits.js';

type FetchFunction = NonNullable<WebClientOptions['fetch']>;

/** Network errors of a request that never reached Slack: nothing happened there, so it is safe to repeat. */
const UNREACHED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * The options of every Web API client Bolt builds (`clientOptions`). Each call is made once: a post that
 * timed out or got a 5xx may have landed all the same, and the client's own retries (by default ten over
 * half an hour, every method alike) would show the answer twice or three times. The retries that are
 * safe stay: a call that never reached Slack is tried once more (`fetchRetryingUnreached`), and a 429 —
 * the call did not happen — is rejected at once instead of pausing the client's whole queue (every
 * channel) for its Retry-After, to be waited out per method and channel (`callRateLimited` in deliver.ts).
 */
export function webClientOptions(slackApiUrl: string | undefined, limits: TimeLimits): WebClientOptions {
  return {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    retryConfig: { retries: 0 },
    timeout: limits.slackCallMs,
    rejectRateLimitedCalls: true,
    fetch: fetchRetryingUnreached(limits.slackUnreachedRetryMs),
  };
}

/**
 * `fetch`, except that a request that never reached Slack (connection refused, no DNS answer) is tried
 * once more after `pauseMs`, within the same time limit (the client's abort signal). A request that may
 * have reached Slack is never repeated here.
 */
export function fetchRetryingUnreached(
  pauseMs: number,
  fetchFn: FetchFunction = globalThis.fetch as FetchFunction,
): FetchFunction {
  return async (url, init) => {
    try {
      return await fetchFn(url, init);
    } catch (error) {
      if (!UNREACHED.has(causeCode(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
      init?.signal?.throwIfAborted();
      return fetchFn(url, init);
    }
  };
}

/** fetch fails with "fetch failed" and the network error (with its code) as the cause. */
function causeCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'string' ? cause.code : '';
}
