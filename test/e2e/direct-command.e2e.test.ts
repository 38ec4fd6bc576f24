import { App } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBot, type RunningBot } from './harness.js';
import { eventBody, sendSigned, slackSignature, slashCommandBody } from '../support/signed.js';
import { StandInSlack } from '../support/stand-in-slack.js';

const FORM = 'application/x-www-form-urlencoded';

// Spied before the bot starts: the bot's wrapper (app.ts, acknowledgeUnhandled) binds the method then.
// A request that reaches Bolt's routing passes through here; a question answered directly does not.
const processEvent = vi.spyOn(App.prototype, 'processEvent');

let slack: StandInSlack;
let bot: RunningBot;

beforeAll(async () => {
  slack = await new StandInSlack().start();
  bot = await startBot(slack.url);
});

afterAll(async () => {
  await bot?.stop();
  await slack?.stop();
});

beforeEach(() => {
  slack.reset();
  processEvent.mockClear();
});

const endpoint = () => `${bot.url}/slack/events`;

/** The bot's log lines from `from` on, parsed. */
function logsFrom(from: number): { level: string; msg: string; [field: string]: unknown }[] {
  return bot.logs
    .slice(from)
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { level: string; msg: string });
}

/**
 * `/docker <text>` as Slack sends it, or — `boltRoutes` — with `trigger_id` given twice, a form the direct
 * path leaves to Bolt (Slack sends each field once), so one request can be compared on both paths.
 */
function commandBody(text: string, options: { boltRoutes?: boolean; id?: string } = {}): string {
  const body = slashCommandBody({ text, response_url: slack.responseUrl(options.id ?? 'r1') });
  return options.boltRoutes ? `${body}&trigger_id=1.2.3` : body;
}

const send = (body: string, options?: Parameters<typeof sendSigned>[3]) =>
  sendSigned(endpoint(), body, FORM, options);

/** An answer's message, byte for byte, but the signed button values, which carry when they were made. */
function withoutButtonValues(text: string): string {
  return text.replace(/"value":"(?:[^"\\]|\\.)*"/g, '"value":"…"');
}

describe('/docker questions answered before Bolt', () => {
  it("answers a question in the acknowledgement without Bolt's routing, logged and counted as before", async () => {
    const from = bot.logs.length;
    const ack = await send(commandBody('what is an image'));
    expect(ack.status).toBe(200);
    expect(ack.text).toContain('What is a Docker image?');
    expect(JSON.parse(ack.text)).toMatchObject({ response_type: 'ephemeral' });
    expect(processEvent).not.toHaveBeenCalled();
    await vi.waitFor(() =>
      expect(logsFrom(from)).toContainEqual(
        expect.objectContaining({
          level: 'info',
          msg: 'request handled',
          command: '/docker',
          trigger_id: '1.2.3',
          latency_ms: expect.any(Number),
        }),
      ),
    );
    // Bolt looks up the bot's identity (auth.test) once; nothing else reaches Slack.
    expect(slack.calls.filter((call) => call.method !== 'auth.test')).toEqual([]);
  });

  it.each([
    ['a question', 'how do I list containers'],
    ['help asked in words', 'help'],
    ['topics asked in words', 'topics'],
    ['a question in Japanese', 'イメージとは何ですか'],
    ['a question it is not sure of', 'zzqv flimflam'],
  ])("gives the acknowledgement Bolt's listener gives, for %s", async (_label, text) => {
    const direct = await send(commandBody(text));
    expect(processEvent).not.toHaveBeenCalled();
    const throughBolt = await send(commandBody(text, { boltRoutes: true }));
    expect(processEvent).toHaveBeenCalledTimes(1);
    expect(direct.status).toBe(200);
    expect(throughBolt.status).toBe(200);
    expect(direct.contentType).toBe('application/json');
    expect(throughBolt.contentType).toBe('application/json');
    expect(withoutButtonValues(direct.text)).toBe(withoutButtonValues(throughBolt.text));
  });

  it('leaves every other /docker reply to Bolt: usage for /docker alone arrives through response_url', async () => {
    const ack = await send(commandBody('', { id: 'usage' }));
    expect(ack.status).toBe(200);
    expect(ack.text).toBe('');
    expect(processEvent).toHaveBeenCalledTimes(1);
    const reply = await slack.waitFor('the usage', () =>
      slack.responses().find((r) => r.method === '/response/usage'),
    );
    expect(JSON.stringify(reply.body)).toContain('/docker');
  });

  it('leaves another command to Bolt, which acknowledges it at once', async () => {
    const body = commandBody('what is an image').replace('command=%2Fdocker', 'command=%2Fother');
    const ack = await send(body);
    expect(ack.status).toBe(200);
    expect(ack.text).toBe('');
    expect(processEvent).toHaveBeenCalledTimes(1);
  });

  it('leaves events to Bolt', async () => {
    const ack = await sendSigned(
      endpoint(),
      eventBody({ type: 'app_home_opened', user: 'U0001', channel: 'D0001', tab: 'messages' }),
      'application/json',
    );
    expect(ack.status).toBe(200);
    expect(processEvent).toHaveBeenCalledTimes(1);
  });

  it('answers ssl_check=1 with 200 as Bolt does, signed or not, and answers nothing else', async () => {
    const body = 'ssl_check=1&token=deprecated&command=%2Fdocker&text=what+is+an+image';
    const signed = await send(body);
    expect(signed).toMatchObject({ status: 200, text: '' });
    const unsigned = await fetch(endpoint(), { method: 'POST', headers: { 'content-type': FORM }, body });
    expect(unsigned.status).toBe(200);
    expect(await unsigned.text()).toBe('');
    expect(processEvent).not.toHaveBeenCalled();
  });

  it.each([
    ['a forged signature', { secret: 'not-the-secret' }],
    ['a timestamp more than 5 minutes old', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
    ['a timestamp more than 5 minutes ahead', { timestamp: Math.floor(Date.now() / 1000) + 6 * 60 }],
    ['no signature', { headers: { 'x-slack-signature': '' } }],
  ])('refuses a question with %s with 401, as before, and answers nothing', async (_label, options) => {
    const from = bot.logs.length;
    const res = await send(commandBody('what is an image'), options);
    expect(res.status).toBe(401);
    expect(res.text).not.toContain('Docker image');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(slack.calls.filter((call) => call.method !== 'auth.test')).toEqual([]);
    expect(logsFrom(from).filter((line) => line.msg === 'request handled')).toEqual([]);
  });

  it('refuses a captured question replayed under a new timestamp with 401', async () => {
    const body = commandBody('what is an image');
    const captured = slackSignature(body, Math.floor(Date.now() / 1000) - 60);
    const res = await send(body, {
      headers: { 'x-slack-signature': captured['x-slack-signature'] },
      timestamp: Math.floor(Date.now() / 1000),
    });
    expect(res.status).toBe(401);
    expect(processEvent).not.toHaveBeenCalled();
  });

  it('refuses a body over the limit with 413 before reading it', async () => {
    const res = await send(commandBody(`what is an image ${'x'.repeat(70 * 1024)}`));
    expect(res.status).toBe(413);
    expect(processEvent).not.toHaveBeenCalled();
  });

  it.each([
    ['directly', false],
    ['through Bolt', true],
  ])(
    'logs a failure while answering as the listener failing and acknowledges empty (%s)',
    async (_label, boltRoutes) => {
      const answer = vi.spyOn(bot.deps.answers, 'answer').mockImplementationOnce(() => {
        throw new Error('the search broke');
      });
      const from = bot.logs.length;
      try {
        const res = await send(commandBody('what is an image', { boltRoutes }));
        expect(res.status).toBe(200);
        expect(res.text).toBe('');
      } finally {
        answer.mockRestore();
      }
      const lines = logsFrom(from);
      expect(lines).toContainEqual(
        expect.objectContaining({ level: 'error', msg: 'listener failed', code: 'slack_bolt_unknown_error' }),
      );
      expect(lines).toContainEqual(
        expect.objectContaining({
          level: 'debug',
          msg: 'unhandled request acknowledged',
          command: '/docker',
        }),
      );
      expect(lines.filter((line) => line.msg === 'request handled')).toEqual([]);
    },
  );

  it('waits on shutdown for a question answered directly until its row is stored', async () => {
    const other = await startBot(slack.url);
    const record = other.deps.store.recordQuestion.bind(other.deps.store);
    let stored = false;
    vi.spyOn(other.deps.store, 'recordQuestion').mockImplementation(async (...args) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const result = await record(...args);
      stored = true;
      return result;
    });
    try {
      const ack = await sendSigned(`${other.url}/slack/events`, commandBody('what is an image'), FORM);
      expect(ack.text).toContain('What is a Docker image?');
      expect(stored).toBe(false);
    } finally {
      await other.stop();
    }
    expect(stored).toBe(true);
  });
});

describe('when Slack refused the bot token at start', () => {
  it('answers a /docker question with nothing, as Bolt does, rather than answering unauthorised', async () => {
    const refusing = await new StandInSlack().start();
    refusing.script('auth.test', { body: { ok: false, error: 'invalid_auth' } }, 5);
    const other = await startBot(refusing.url);
    try {
      const res = await sendSigned(`${other.url}/slack/events`, commandBody('what is an image'), FORM);
      expect(res.status).toBe(200);
      expect(res.text).toBe('');
      expect(processEvent).toHaveBeenCalledTimes(1);
    } finally {
      await other.stop();
      await refusing.stop();
    }
  });
});
