import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the stand-in received: a Web API call (`method`) or a response_url post. */
export interface RecordedCall {
  kind: 'api' | 'response_url';
  method: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
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
        };
        this.calls.push(call);
        const reply = this.scripted.get(method)?.shift();
        if (reply?.hangUp) {
          req.socket.destroy();
          return;
        }
        const answer = () => {
          res.writeHead(reply?.status ?? 200, {
            'content-type': 'application/json',
            ...(reply?.headers ?? {}),
          });
          res.end(
            JSON.stringify(reply?.body ?? (isApi ? this.defaultReply(method, call.body) : { ok: true })),
          );
        };
        if (reply?.delayMs) setTimeout(answer, reply.delayMs);
        else answer();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** The next `count` calls of `method` get `reply`. */
  script(method: string, reply: ScriptedReply, count = 1): void {
    const queue = this.scripted.get(method) ?? [];
    for (let i = 0; i < count; i++) queue.push(reply);
    this.scripted.set(method, queue);
  }

  api(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.kind === 'api' && call.method === method);
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

  private defaultReply(method: string, body: Record<string, unknown>): unknown {
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T0001', user: 'docker-tutor' };
      case 'chat.postMessage':
        return { ok: true, channel: body.channel, ts: `${Date.now() / 1000}` };
      case 'users.info':
        return { ok: true, user: { id: body.user, locale: this.userLocale, tz: this.userTz } };
      default:
        return { ok: true };
    }
  }
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
