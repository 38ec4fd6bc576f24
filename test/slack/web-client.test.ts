import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebClient, type WebClientOptions } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { TIME_LIMITS } from '../../src/limits.js';
import { createLogger } from '../../src/logger.js';
import { fetchRetryingUnreached, webClientOptions } from '../../src/slack/web-client.js';

type FetchFunction = NonNullable<WebClientOptions['fetch']>;

/** An error shaped like the one Node's fetch throws when the network fails: "fetch failed", with a cause. */
function networkError(code: string): Error {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });
}

/** A fetch that fails with `errors` in turn, then answers 200; every attempt is counted. */
function failingFetch(errors: unknown[]) {
  const attempts: string[] = [];
  const fetchFn: FetchFunction = async (url) => {
    attempts.push(String(url));
    const error = errors.shift();
    if (error) throw error;
    return new Response('{"ok":true}', { status: 200 });
  };
  return { attempts, fetchFn };
}

describe('fetchRetryingUnreached', () => {
  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'])(
    'tries a request that never reached Slack (%s) once more',
    async (code) => {
      const { attempts, fetchFn } = failingFetch([networkError(code)]);
      const response = await fetchRetryingUnreached(1, fetchFn)('https://slack.test/api/auth.test');
      expect(response.status).toBe(200);
      expect(attempts).toHaveLength(2);
    },
  );

  it('tries it only once more', async () => {
    const { attempts, fetchFn } = failingFetch([networkError('ECONNREFUSED'), networkError('ECONNREFUSED')]);
    await expect(fetchRetryingUnreached(1, fetchFn)('https://slack.test/api/auth.test')).rejects.toThrow(
      'fetch failed',
    );
    expect(attempts).toHaveLength(2);
  });

  it.each([
    ['a reset connection, which may have reached Slack', networkError('ECONNRESET')],
    ['a timeout', new DOMException('The operation was aborted due to timeout', 'TimeoutError')],
  ])('never repeats %s', async (_label, error) => {
    const { attempts, fetchFn } = failingFetch([error]);
    await expect(fetchRetryingUnreached(1, fetchFn)('https://slack.test/api/chat.postMessage')).rejects.toBe(
      error,
    );
    expect(attempts).toHaveLength(1);
  });

  it('does not try again once the call’s time limit has passed', async () => {
    const { attempts, fetchFn } = failingFetch([networkError('ECONNREFUSED')]);
    const signal = AbortSignal.timeout(1);
    await expect(
      fetchRetryingUnreached(50, fetchFn)('https://slack.test/api/chat.postMessage', { signal }),
    ).rejects.toThrow(/timeout/i);
    expect(attempts).toHaveLength(1);
  });
});

describe('The Web API client the bot builds', () => {
  it('makes a post once when Slack fails it with a 5xx, and rejects a 429 at once', async () => {
    let posts = 0;
    const statuses = [503, 429];
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        posts++;
        const status = statuses.shift() ?? 200;
        res.writeHead(status, { 'content-type': 'application/json', 'retry-after': '30' });
        res.end('{"ok":false}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
      const client = new WebClient('xoxb-test', {
        ...webClientOptions(url, TIME_LIMITS),
        logger: createLogger('error', () => {}),
      });
      const post = () => client.chat.postMessage({ channel: 'C1', text: 'hi' }).catch((e: unknown) => e);
      expect(await post()).toMatchObject({ code: 'slack_webapi_http_error', statusCode: 503 });
      expect(posts).toBe(1);
      expect(await post()).toMatchObject({ code: 'slack_webapi_rate_limited_error', retryAfter: 30 });
      expect(posts).toBe(2);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
