import { LogLevel as BoltLogLevel, type Logger } from '@slack/bolt';
import type { LogLevel } from './config.js';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Slack tokens and signing material never reach a log line, whatever a library puts in an error. */
const SECRETS = /\b(xox[abposr]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+)/g;

export function redact(text: string): string {
  return text.replace(SECRETS, (token) => `${token.slice(0, 5)}[redacted]`);
}

export interface LogFields {
  [key: string]: unknown;
}

/** A structured logger: one JSON object per line, usable as Bolt's logger too. */
export interface AppLogger extends Logger {
  child(fields: LogFields): AppLogger;
  log(level: LogLevel, message: string, fields?: LogFields): void;
}

export function createLogger(
  level: LogLevel = 'info',
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  base: LogFields = {},
): AppLogger {
  let threshold = level;
  let name = 'docker-tutor';

  const log = (at: LogLevel, message: string, fields: LogFields = {}) => {
    if (ORDER[at] < ORDER[threshold]) return;
    const entry = {
      time: new Date().toISOString(),
      level: at,
      name,
      // The whole line is redacted below, the message with it.
      msg: message,
      ...base,
      ...fields,
    };
    // A replacer takes JSON.stringify off its fast path: only needed when a field may hold an Error.
    const json =
      holdsObject(base) || holdsObject(fields) ? JSON.stringify(entry, errorReplacer) : JSON.stringify(entry);
    write(redact(json));
  };
  // Bolt passes any number of values; they become the message. Bolt logs at debug level several times
  // per request: below the threshold nothing is formatted at all.
  const boltLog =
    (at: LogLevel) =>
    (...values: unknown[]) => {
      if (ORDER[at] < ORDER[threshold]) return;
      log(
        at,
        withoutDirectMessageRecipient(
          values.map((v) => (typeof v === 'string' ? v : stringify(v))).join(' '),
        ),
      );
    };

  return {
    log,
    child: (fields) => createLogger(threshold, write, { ...base, ...fields }),
    debug: boltLog('debug'),
    info: boltLog('info'),
    warn: boltLog('warn'),
    error: boltLog('error'),
    setLevel: (boltLevel: BoltLogLevel) => {
      threshold = boltLevel as unknown as LogLevel;
    },
    getLevel: () => threshold as unknown as BoltLogLevel,
    setName: (newName: string) => {
      name = newName;
    },
  };
}

/**
 * The Web API client logs each request's body and result at debug level. A direct message is posted
 * with the person's user id as its channel, and that person may be someone who asked the team
 * anonymously, whose id must reach no log line: such a channel is masked.
 */
function withoutDirectMessageRecipient(message: string): string {
  if (!message.startsWith('http request')) return message;
  return message.replace(/("channel\\?":\\?")[UW][A-Z0-9]+/g, '$1(a person)');
}

function stringify(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    return JSON.stringify(value, errorReplacer);
  } catch {
    return String(value);
  }
}

/** True when a value of `fields` is an object (an Error, or anything that may hold one). */
function holdsObject(fields: LogFields): boolean {
  for (const key in fields) {
    const value = fields[key];
    if (typeof value === 'object' && value !== null) return true;
  }
  return false;
}

function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return { name: value.name, message: value.message, ...(code === undefined ? {} : { code }) };
  }
  return value;
}
