import { LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createLogger, redact } from '../src/logger.js';

const BOT_TOKEN = 'xoxb-test-not-a-real-token-AbCd';
const APP_TOKEN = 'xapp-test-not-a-real-token-abcd';
const USER_TOKEN = 'xoxp-test-not-a-real-token';

function capture(level: 'debug' | 'info' | 'warn' | 'error' = 'debug') {
  const lines: string[] = [];
  const logger = createLogger(level, (line) => lines.push(line));
  const entries = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, entries };
}

describe('When a log line is written', () => {
  it('writes one JSON object per line with the level, message and fields', () => {
    const { logger, lines, entries } = capture();
    logger.log('warn', 'chat.postMessage failed', { code: 'not_in_channel', channel: 'C1' });

    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    expect(entries()[0]).toMatchObject({
      level: 'warn',
      msg: 'chat.postMessage failed',
      code: 'not_in_channel',
      channel: 'C1',
      name: 'docker-tutor',
    });
    expect(Date.parse(String(entries()[0]?.time))).not.toBeNaN();
  });

  it('drops lines below the level and keeps those at or above it', () => {
    const { logger, entries } = capture('warn');
    logger.log('debug', 'd');
    logger.log('info', 'i');
    logger.log('warn', 'w');
    logger.log('error', 'e');
    expect(entries().map((entry) => entry.msg)).toEqual(['w', 'e']);
  });

  it("follows Bolt's setLevel", () => {
    const { logger, entries } = capture('info');
    logger.setLevel(LogLevel.ERROR);
    logger.warn('hidden');
    logger.error('shown');
    expect(entries().map((entry) => entry.msg)).toEqual(['shown']);
    expect(logger.getLevel()).toBe(LogLevel.ERROR);
  });

  it("joins Bolt-style arguments into the message, errors as 'Name: message'", () => {
    const { logger, entries } = capture();
    logger.error('listener failed', new TypeError('boom'), { attempt: 2 });
    expect(entries()[0]?.msg).toBe('listener failed TypeError: boom {"attempt":2}');
  });

  it('writes an Error field as its name, message and code', () => {
    const { logger, entries } = capture();
    const error = Object.assign(new Error('An API error occurred: not_in_channel'), {
      code: 'slack_webapi_platform_error',
    });
    logger.log('error', 'failed', { error });
    expect(entries()[0]?.error).toEqual({
      name: 'Error',
      message: 'An API error occurred: not_in_channel',
      code: 'slack_webapi_platform_error',
    });
  });

  it('writes an Error inside another field, or in a child logger’s fields, the same way', () => {
    const { logger, entries } = capture();
    logger
      .child({ first: new RangeError('early') })
      .log('error', 'failed', { detail: { cause: new Error('late') } });
    expect(entries()[0]).toMatchObject({
      first: { name: 'RangeError', message: 'early' },
      detail: { cause: { name: 'Error', message: 'late' } },
    });
  });

  it('adds a child logger’s fields to every line', () => {
    const { logger, entries } = capture();
    logger.child({ request: 'r1' }).log('info', 'hello');
    expect(entries()[0]).toMatchObject({ request: 'r1', msg: 'hello' });
  });
});

describe('Keeping Slack tokens out of the logs', () => {
  const tokens = [BOT_TOKEN, APP_TOKEN, USER_TOKEN];

  it('redacts a token to its prefix', () => {
    expect(redact(`token=${BOT_TOKEN}`)).toBe('token=xoxb-[redacted]');
    expect(redact(`Bearer ${APP_TOKEN}.`)).toBe('Bearer xapp-[redacted].');
  });

  it.each([
    [
      'the message',
      (l: ReturnType<typeof capture>['logger']) => l.log('error', `auth failed for ${BOT_TOKEN}`),
    ],
    ['a field', (l: ReturnType<typeof capture>['logger']) => l.log('info', 'config', { token: APP_TOKEN })],
    [
      'a nested field',
      (l: ReturnType<typeof capture>['logger']) =>
        l.log('info', 'request', { headers: { authorization: `Bearer ${BOT_TOKEN}` }, tokens: [USER_TOKEN] }),
    ],
    [
      'an error message in a field',
      (l: ReturnType<typeof capture>['logger']) =>
        l.log('error', 'failed', { error: new Error(`invalid_auth for ${BOT_TOKEN} and ${APP_TOKEN}`) }),
    ],
    [
      'a Bolt-style call with an error and an object',
      (l: ReturnType<typeof capture>['logger']) =>
        l.error('socket failed', new Error(`bad ${APP_TOKEN}`), { token: BOT_TOKEN }),
    ],
    [
      'a child logger’s base fields',
      (l: ReturnType<typeof capture>['logger']) => l.child({ token: BOT_TOKEN }).log('warn', 'x'),
    ],
  ])('never prints a token found in %s', (_label, write) => {
    const { logger, lines } = capture();
    write(logger);

    expect(lines).toHaveLength(1);
    for (const token of tokens) expect(lines[0]).not.toContain(token.slice(5));
    expect(lines[0]).toMatch(/(xoxb|xapp|xoxp)-\[redacted\]/);
    expect(() => JSON.parse(lines[0] ?? '')).not.toThrow();
  });

  it('leaves ordinary text that merely resembles a prefix alone', () => {
    expect(redact('the xoxb prefix and xapp tokens')).toBe('the xoxb prefix and xapp tokens');
  });
});

describe('Keeping the recipient of a direct message out of the Web API client’s debug lines', () => {
  it('masks a channel that is a person’s id in a request body and result, and keeps channel ids', () => {
    const { logger, lines } = capture();
    logger.debug('http request body: {"channel":"U0SHYASKER","text":"<@U0EXPERT> replied"}');
    logger.debug('http request result: {"ok":true,"channel":"W0SHYASKER","ts":"1.2"}');
    logger.debug('http request body: {"channel":"C0HELP","text":"x"}');

    expect(lines.join('\n')).not.toMatch(/[UW]0SHYASKER/);
    expect(lines[0]).toContain('(a person)');
    expect(lines[0]).toContain('U0EXPERT');
    expect(lines[2]).toContain('C0HELP');
  });
});
