import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { slackErrorCode } from '../../src/slack/deliver.js';

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
