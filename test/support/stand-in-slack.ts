import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the stand-in received: a Web API call (`method`) or a response_url post. */
export interface RecordedCall {
  kind: 'api' | 'response_url';
  method: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
  /** When the call arrived (Date.now()): tests order calls by it, never compare it with a threshold. */
  at: number;
  /** The status and headers answered, once answered (unset while the call hangs or after a hang-up). */
  answer?: { status: number; headers: Record<string, string>; at: number };
}

/** Which calls a scripted misbehaviour applies to: one method, optionally only in one channel. */
export interface Where {
  /** Only calls whose `channel` argument is this; every call of the method when unset. */
  channel?: string;
  /** How many calls (for rateLimit: how many Retry-After windows) it applies to; until reset() when unset. */
  times?: number;
}

interface Misbehaviour extends Where {
  method: string;
  remaining: number;
  /** Answer normally, but only after this long: a slow but successful Slack. */
  hangMs?: number;
  /** Answer with this HTTP status (a 5xx). */
  status?: number;
  /** Answer 429 with this Retry-After, and keep answering 429 until that window has passed. */
  retryAfter?: number;
  windowEnd?: number;
}

export interface ScriptedReply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Drop the connection without answering, like a network failure. */
  hangUp?: boolean;
  /** Answer only after this long, like a slow network. */
  delayMs?: number;
}

/**
 * A stand-in for Slack's Web API and response_url endpoints on a loopback port. It records every call
 * and answers like Slack, or with replies scripted per method (errors, 429 with Retry-After, hang-ups).
 */
export class StandInSlack {
  readonly calls: RecordedCall[] = [];
  private readonly scripted = new Map<string, ScriptedReply[]>();
  private readonly misbehaviours: Misbehaviour[] = [];
  /** Answers held back by a delay or hang, cleared on stop so no timer outlives the test. */
  private readonly delayed = new Set<NodeJS.Timeout>();
  private server: Server | undefined;
  url = '';
  userLocale = 'en-US';
  userTz = 'Asia/Tokyo';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const path = new URL(req.url ?? '/', 'http://localhost').pathname;
        const isApi = path.startsWith('/api/');
        const method = isApi ? path.slice('/api/'.length) : path;
        const call: RecordedCall = {
          kind: isApi ? 'api' : 'response_url',
          method,
          headers: req.headers,
          body: parseBody(raw, req.headers['content-type']),
          at: Date.now(),
        };
        this.calls.push(call);
        const reply = this.misbehaviourFor(call) ?? this.scripted.get(method)?.shift();
        if (reply?.hangUp) {
          req.socket.destroy();
          return;
        }
        const answer = () => {
          const headers = { 'content-type': 'application/json', ...(reply?.headers ?? {}) };
          const status = reply?.status ?? 200;
          call.answer = { status, headers, at: Date.now() };
          res.writeHead(status, headers);
          res.end(
            JSON.stringify(reply?.body ?? (isApi ? this.defaultReply(method, call.body) : { ok: true })),
          );
        };
        if (reply?.delayMs) {
          const timer = setTimeout(() => {
            this.delayed.delete(timer);
            answer();
          }, reply.delayMs);
          this.delayed.add(timer);
        } else answer();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const timer of this.delayed) clearTimeout(timer);
    this.delayed.clear();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** The next `count` calls of `method` get `reply`. */
  script(method: string, reply: ScriptedReply, count = 1): void {
    const queue = this.scripted.get(method) ?? [];
    for (let i = 0; i < count; i++) queue.push(reply);
    this.scripted.set(method, queue);
  }

  /** Calls of `method` (in `where.channel`, when given) answer normally, but only after `ms`. */
  hang(method: string, where: Where & { ms: number }): void {
    this.misbehave(method, where, { hangMs: where.ms });
  }

  /** Calls of `method` (in `where.channel`, when given) fail with an HTTP error, 503 unless told. */
  fail(method: string, where: Where & { status?: number } = {}): void {
    this.misbehave(method, where, { status: where.status ?? 503 });
  }

  /**
   * Calls of `method` (in `where.channel`, when given) are rate limited as Slack does it: a 429 with
   * `Retry-After: retryAfter` (seconds), and 429s until that window has passed. Other channels are not.
   */
  rateLimit(method: string, where: Where & { retryAfter: number }): void {
    this.misbehave(method, { times: 1, ...where }, { retryAfter: where.retryAfter });
  }

  api(method: string, channel?: string): RecordedCall[] {
    return this.calls.filter(
      (call) =>
        call.kind === 'api' &&
        call.method === method &&
        (channel === undefined || call.body.channel === channel),
    );
  }

  responses(): RecordedCall[] {
    return this.calls.filter((call) => call.kind === 'response_url');
  }

  responseUrl(id: string): string {
    return `${this.url}/response/${id}`;
  }

  reset(): void {
    this.calls.length = 0;
    this.scripted.clear();
    this.misbehaviours.length = 0;
  }

  /** Waits until `predicate` holds, polling; fails with `what` after `ms`. */
  async waitFor<T>(what: string, predicate: () => T | undefined | false, ms = 5000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = predicate();
      if (value) return value;
      if (Date.now() > deadline)
        throw new Error(
          `timed out waiting for ${what}; calls: ${this.calls.map((c) => c.method).join(', ')}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  private misbehave(method: string, where: Where, how: Partial<Misbehaviour>): void {
    this.misbehaviours.push({
      method,
      ...where,
      ...how,
      remaining: where.times ?? Number.POSITIVE_INFINITY,
    });
  }

  /** The scripted reply for a call, when a misbehaviour applies to it. */
  private misbehaviourFor(call: RecordedCall): ScriptedReply | undefined {
    for (const rule of this.misbehaviours) {
      if (rule.method !== call.method) continue;
      if (rule.channel !== undefined && rule.channel !== call.body.channel) continue;
      if (rule.retryAfter !== undefined) {
        if (rule.windowEnd !== undefined && call.at < rule.windowEnd) {
          return rateLimited(Math.ceil((rule.windowEnd - call.at) / 1000));
        }
        if (rule.remaining <= 0) continue;
        rule.remaining--;
        rule.windowEnd = call.at + rule.retryAfter * 1000;
        return rateLimited(rule.retryAfter);
      }
      if (rule.remaining <= 0) continue;
      rule.remaining--;
      if (rule.hangMs !== undefined) return { delayMs: rule.hangMs };
      return { status: rule.status, body: { ok: false, error: 'internal_error' } };
    }
    return undefined;
  }

  private defaultReply(method: string, body: Record<string, unknown>): unknown {
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T0001', user: 'docker-tutor' };
      case 'chat.postMessage':
        return { ok: true, channel: body.channel, ts: `${Date.now() / 1000}` };
      case 'chat.getPermalink':
        return {
          ok: true,
          channel: body.channel,
          permalink: `https://example.slack.com/archives/${String(body.channel)}/p${String(body.message_ts).replace('.', '')}`,
        };
      case 'users.info':
        return { ok: true, user: { id: body.user, locale: this.userLocale, tz: this.userTz } };
      default:
        return { ok: true };
    }
  }
}

function rateLimited(retryAfter: number): ScriptedReply {
  return {
    status: 429,
    headers: { 'retry-after': String(retryAfter) },
    body: { ok: false, error: 'ratelimited' },
  };
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const params = new URLSearchParams(raw);
  const body: Record<string, unknown> = {};
  for (const [key, value] of params) {
    body[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return body;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
