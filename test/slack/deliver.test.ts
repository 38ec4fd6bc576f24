import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebAPIRateLimitedError, WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { callRateLimited, slackErrorCode } from '../../src/slack/deliver.js';
import { platformError } from '../fakes/slack-client.js';

/** How the loopback stand-in answers the next Web API call. */
let reply: { status: number; headers?: Record<string, string>; body: unknown };

let server: Server;
let apiUrl: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The error a real Web API client throws for chat.postMessage against `url`, with no retries. */
async function errorOfPost(url = apiUrl, timeout = 0): Promise<unknown> {
  const client = new WebClient('xoxb-test', {
    slackApiUrl: url,
    timeout,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logger: createLogger('error', () => {}),
  });
  return client.chat.postMessage({ channel: 'C1', text: 'hi' }).then(
    () => {
      throw new Error('expected chat.postMessage to fail');
    },
    (error: unknown) => error,
  );
}

describe('slackErrorCode, for the errors @slack/web-api throws', () => {
  it('gives Slack’s reason when Slack refuses the call', async () => {
    reply = { status: 200, body: { ok: false, error: 'not_in_channel' } };
    expect(slackErrorCode(await errorOfPost())).toBe('not_in_channel');
  });

  it('says ratelimited when the client gives up on a 429', async () => {
    reply = { status: 429, headers: { 'retry-after': '30' }, body: { ok: false, error: 'ratelimited' } };
    expect(slackErrorCode(await errorOfPost())).toBe('ratelimited');
  });

  it('names the HTTP status of any other failed answer', async () => {
    reply = { status: 503, body: { ok: false } };
    expect(slackErrorCode(await errorOfPost())).toBe('http_503');
  });

  it('names the transport’s code when no answer came', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    expect(slackErrorCode(await errorOfPost(`http://127.0.0.1:${port}/api/`))).toBe('ECONNREFUSED');
  });

  it('says timeout when the client stops waiting for an answer', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/api/`;
      expect(slackErrorCode(await errorOfPost(url, 100))).toBe('timeout');
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

describe('slackErrorCode, for other errors', () => {
  it('gives the code of an error from outside the Web API client (respond() to response_url)', () => {
    const error = Object.assign(new Error('Request failed with status code 404'), {
      code: 'ERR_BAD_REQUEST',
    });
    expect(slackErrorCode(error)).toBe('ERR_BAD_REQUEST');
  });

  it('gives the message of an error without a code, and anything else as text', () => {
    expect(slackErrorCode(new TypeError('boom'))).toBe('boom');
    expect(slackErrorCode('timeout')).toBe('timeout');
  });
});

describe('callRateLimited: Slack limits a method per channel, and so does the bot', () => {
  afterEach(() => vi.useRealTimers());

  /** A call that fails with the given errors, in turn, then succeeds; every attempt is recorded. */
  function scriptedCall(attempts: string[], errors: unknown[], label: string) {
    return async () => {
      attempts.push(label);
      const error = errors.shift();
      if (error) throw error;
      return label;
    };
  }

  it('tries a rate-limited call again after its Retry-After, and only then', async () => {
    vi.useFakeTimers();
    const client = {} as WebClient;
    const attempts: string[] = [];
    const call = scriptedCall(attempts, [new WebAPIRateLimitedError(2)], 'C1');
    const done = callRateLimited(client, { method: 'chat.postMessage', channel: 'C1' }, call);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(attempts).toEqual(['C1']);
    await vi.advanceTimersByTimeAsync(1);
    await expect(done).resolves.toBe('C1');
    expect(attempts).toEqual(['C1', 'C1']);
  });

  it('holds back later calls in the limited channel, never those in another channel', async () => {
    vi.useFakeTimers();
    const client = {} as WebClient;
    const attempts: string[] = [];
    const first = callRateLimited(
      client,
      { method: 'chat.postMessage', channel: 'C1' },
      scriptedCall(attempts, [new WebAPIRateLimitedError(5)], 'C1 first'),
    );
    await vi.advanceTimersByTimeAsync(0);
    const second = callRateLimited(
      client,
      { method: 'chat.postMessage', channel: 'C1' },
      scriptedCall(attempts, [], 'C1 second'),
    );
    const other = callRateLimited(
      client,
      { method: 'chat.postMessage', channel: 'C2' },
      scriptedCall(attempts, [], 'C2'),
    );
    const ephemeral = callRateLimited(
      client,
      { method: 'chat.postEphemeral', channel: 'C1' },
      scriptedCall(attempts, [], 'C1 ephemeral'),
    );
    await Promise.all([other, ephemeral]);
    expect(attempts).toEqual(['C1 first', 'C2', 'C1 ephemeral']);
    await vi.advanceTimersByTimeAsync(5_000);
    await Promise.all([first, second]);
    expect(attempts.slice(3).sort()).toEqual(['C1 first', 'C1 second']);
  });

  it('gives up at once on a Retry-After longer than it may wait in all', async () => {
    const attempts: string[] = [];
    const call = scriptedCall(attempts, [new WebAPIRateLimitedError(120)], 'C1');
    const error = await callRateLimited(
      {} as WebClient,
      { method: 'chat.postMessage', channel: 'C1' },
      call,
      30_000,
    ).catch((e: unknown) => e);
    expect(slackErrorCode(error)).toBe('ratelimited');
    expect(attempts).toEqual(['C1']);
  });

  it('keeps a call from waiting for a window longer than it may wait, and fails it without calling', async () => {
    vi.useFakeTimers();
    const client = {} as WebClient;
    const attempts: string[] = [];
    const where = { method: 'chat.postMessage', channel: 'C1' };
    void callRateLimited(
      client,
      where,
      scriptedCall(attempts, [new WebAPIRateLimitedError(20)], 'first'),
      25_000,
    );
    await vi.advanceTimersByTimeAsync(0);
    const late = await callRateLimited(client, where, scriptedCall(attempts, [], 'second'), 10_000).catch(
      (e: unknown) => e,
    );
    expect(slackErrorCode(late)).toBe('ratelimited');
    expect(attempts).toEqual(['first']);
    await vi.advanceTimersByTimeAsync(20_000);
  });

  it.each([
    ['a timeout', Object.assign(new Error('timeout'), { code: 'slack_webapi_request_error' })],
    ['a 503', Object.assign(new Error('503'), { code: 'slack_webapi_http_error', statusCode: 503 })],
    ['a platform error', platformError('not_in_channel')],
  ])('makes a call that failed with %s once', async (_label, failure) => {
    const attempts: string[] = [];
    const call = scriptedCall(attempts, [failure], 'C1');
    await expect(
      callRateLimited({} as WebClient, { method: 'chat.postMessage', channel: 'C1' }, call),
    ).rejects.toBe(failure);
    expect(attempts).toEqual(['C1']);
  });
});
