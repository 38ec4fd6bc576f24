import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBotProcess, type BotProcess } from '../support/processes.js';
import {
  blockActionPayload,
  payloadBody,
  sendSigned,
  slackSignature,
  slashCommandBody,
} from '../support/signed.js';
import { StandInSlack } from '../support/stand-in-slack.js';

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

let slack: StandInSlack;
let bot: BotProcess;

// One bot process, started as `npm start` starts it (80 MB heap), for every request below: each test
// also checks that it is still alive and answering afterwards.
beforeAll(async () => {
  slack = await new StandInSlack().start();
  bot = await startBotProcess(slack.url, {
    DATABASE_URL: join(mkdtempSync(join(tmpdir(), 'bounded-')), 'bot.sqlite'),
    LOG_LEVEL: 'debug',
  });
}, 60_000);

afterAll(async () => {
  bot?.child.kill('SIGKILL');
  await slack?.stop();
});

beforeEach(() => slack.reset());

const endpoint = () => `${bot.url}/slack/events`;

/** The bot's log lines so far, parsed. */
function logEntries(): Record<string, unknown>[] {
  return bot.logs
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Bolt looks up the bot's identity once, whenever it first needs it; nothing else may reach Slack. */
const slackCallsBut = (identity: string) =>
  slack.calls.map((call) => call.method).filter((method) => method !== identity);

async function expectStillAnswering() {
  const ack = await sendSigned(
    endpoint(),
    slashCommandBody({ text: 'what is an image', response_url: slack.responseUrl('next') }),
    FORM,
  );
  expect(ack.status).toBe(200);
  expect(ack.text).toContain('What is a Docker image?');
  expect(bot.child.exitCode).toBeNull();
}

/** Sends a signed body in chunks without Content-Length, as a client streaming it would. */
function sendChunked(body: string): Promise<number> {
  const headers = { 'content-type': FORM, ...slackSignature(body, Math.floor(Date.now() / 1000)) };
  return new Promise((resolve, reject) => {
    const req = request(endpoint(), { method: 'POST', headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    // Past the limit the bot answers without reading on and closes: the upload stops a little past 64 KB
    // and waits for that answer, as writing on would race the close (EPIPE instead of the response).
    req.on('error', reject);
    const upTo = Math.min(body.length, 80 * 1024);
    let sent = 0;
    const chunk = () => {
      while (sent < upTo) {
        const piece = body.slice(sent, sent + 16_384);
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', chunk);
      }
      if (sent >= body.length) req.end();
    };
    chunk();
  });
}

describe('A request larger than any Slack request (issue 14, row 6)', () => {
  it('refuses a 3 MB signed /docker text with 413 and answers the next question', async () => {
    const body = slashCommandBody({
      text: 'docker run '.repeat(300_000),
      response_url: slack.responseUrl('huge'),
    });
    expect(body.length).toBeGreaterThan(3_000_000);
    const res = await sendSigned(endpoint(), body, FORM);
    expect(res.status).toBe(413);
    expect(slackCallsBut('auth.test')).toEqual([]);
    await expectStillAnswering();
  });

  it('refuses a body sent without Content-Length once it passes 64 KB', async () => {
    const body = slashCommandBody({
      text: 'what is an image '.repeat(20_000),
      response_url: slack.responseUrl('chunked'),
    });
    expect(await sendChunked(body)).toBe(413);
    await expectStillAnswering();
  });

  it('still answers a long question that fits (a 4,000-character /docker text)', async () => {
    const ack = await sendSigned(
      endpoint(),
      slashCommandBody({
        text: `what is an image ${'x'.repeat(4000)}`,
        response_url: slack.responseUrl('long'),
      }),
      FORM,
    );
    expect(ack.status).toBe(200);
  });
});

describe('A signed body that is not a Slack request (issue 14, row 7)', () => {
  it.each([
    ['JSON null', 'null', JSON_TYPE],
    ['a JSON array', '[]', JSON_TYPE],
    ['a JSON string', '"x"', JSON_TYPE],
    ['a JSON object without a type', '{"event_id":"Ev1"}', JSON_TYPE],
    ['invalid JSON', '{"type":', JSON_TYPE],
    ['a form without payload or command', 'foo=bar', FORM],
    ['an empty form', '', FORM],
    ['a form whose payload is null', 'payload=null', FORM],
    ['a form whose payload is not JSON', 'payload=%7Bnope', FORM],
  ])('answers %s with 400', async (_label, body, contentType) => {
    const res = await sendSigned(endpoint(), body, contentType);
    expect(res.status).toBe(400);
    expect(slackCallsBut('auth.test')).toEqual([]);
  });

  it('refuses the same body with 401 when it is not signed by Slack', async () => {
    const res = await sendSigned(endpoint(), 'null', JSON_TYPE, { secret: 'not-the-secret' });
    expect(res.status).toBe(401);
  });

  it('leaves no unhandled rejection and keeps answering', async () => {
    await sendSigned(endpoint(), 'null', JSON_TYPE);
    await expectStillAnswering();
    expect(logEntries().filter((entry) => entry.level === 'error')).toEqual([]);
  });
});

describe('A request no listener handles (issue 14, row 13)', () => {
  it('acknowledges an unknown action_id at once and logs it at debug only', async () => {
    const before = logEntries().length;
    const res = await sendSigned(
      endpoint(),
      payloadBody(blockActionPayload({ actionId: 'no_such_action', value: 'x' })),
      FORM,
    );
    expect(res.status).toBe(200);
    const lines = logEntries().slice(before);
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 'debug',
        msg: 'unhandled request acknowledged',
        action: 'no_such_action',
      }),
    );
    expect(lines.filter((entry) => entry.level === 'error' || entry.level === 'warn')).toEqual([]);
  });

  it('acknowledges a view_submission at once, closing the view', async () => {
    const before = logEntries().length;
    const res = await sendSigned(
      endpoint(),
      payloadBody({
        type: 'view_submission',
        team: { id: 'T0001' },
        user: { id: 'U0001' },
        api_app_id: 'A0001',
        trigger_id: '1.2.3',
        view: { id: 'V1', type: 'modal', callback_id: 'someone_elses_modal', state: { values: {} } },
      }),
      FORM,
    );
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const lines = logEntries().slice(before);
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 'debug',
        msg: 'unhandled request acknowledged',
        type: 'view_submission',
      }),
    );
    expect(lines.filter((entry) => entry.level === 'error' || entry.level === 'warn')).toEqual([]);
    await expectStillAnswering();
  });
});
