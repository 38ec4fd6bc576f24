import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { sendSigned, slashCommandBody } from '../../test/support/signed.js';
import type { StandInSlack } from '../../test/support/stand-in-slack.js';
import { assertRunning, cpuMs, type Child } from './processes.js';

/** How long after the last acknowledgement a missing response_url POST still counts as delivered. */
const DELIVERY_GRACE_MS = 5_000;
/** A request with no HTTP response by then counts as a failed acknowledgement (Slack gives up at 3 s). */
const ACK_TIMEOUT_MS = 10_000;
/** Commands sent at most per batch while topping replicas up for --rss-after, between stand-in resets. */
const TOP_UP_BATCH = 2_000;
const FORM = 'application/x-www-form-urlencoded';

/** A configuration under load: one process, or replicas behind a round-robin balancer. */
export interface App {
  name: string;
  replicas: Child[];
  /** The replica the next request goes to, kept across calls like a balancer's. */
  turn: number;
}

/** One measured round of one app: latencies sorted, failures, and CPU per request over all its replicas. */
export interface Round {
  ackMs: number[];
  answerMs: number[];
  failedAcks: number;
  missing: number;
  delivered: number;
  cpuMsPerRequest: number;
}

/** One signed command: when it was sent, how long the acknowledgement took, with which status (0: none). */
interface Sample {
  id: number;
  sentAt: number;
  ackMs: number;
  status: number;
}

export interface LoadSettings {
  slack: StandInSlack;
  signingSecret: string;
  questions: string[];
  /** Measured commands per round. */
  requests: number;
  /** Commands sent before each round's measured ones, so that V8 has compiled the hot paths. */
  warmUp: number;
  concurrency: number;
}

/**
 * Sends signed `/docker <question>` commands to the apps and times the acknowledgement and the answer,
 * whether it comes back in the acknowledgement or as a response_url POST to the stand-in.
 */
export class LoadDriver {
  /** Which process each request went to, by request id. */
  private readonly routedTo = new Map<number, Child>();
  private readonly deliveredAt: Map<number, number>;
  private nextRequestId = 0;

  constructor(private readonly settings: LoadSettings) {
    this.deliveredAt = this.watchResponseUrlPosts();
  }

  /** Warm-up, then the measured requests, with the app's CPU time (all replicas) read around the measured ones. */
  async runRound(app: App): Promise<Round> {
    const { slack, requests, warmUp } = this.settings;
    slack.reset(); // the stand-in keeps every call; a round needs none of the previous ones
    await this.sendCommands(app, warmUp);
    const cpuBefore = sum(app.replicas.map(cpuMs));
    const samples = await this.sendCommands(app, requests);
    const cpuAfter = sum(app.replicas.map(cpuMs));

    const acked = samples.filter((s) => s.status === 200);
    const answerMs = samples.flatMap((s) => {
      const at = this.deliveredAt.get(s.id);
      return at === undefined ? [] : [at - s.sentAt];
    });
    return {
      ackMs: sorted(acked.map((s) => s.ackMs)),
      answerMs: sorted(answerMs),
      failedAcks: samples.length - acked.length,
      missing: samples.length - answerMs.length,
      delivered: answerMs.length,
      cpuMsPerRequest: (cpuAfter - cpuBefore) / requests,
    };
  }

  /**
   * Before memory is read: sends more commands until every replica has answered at least `minimum`
   * questions. Gives up when a batch brings no replica any closer, so a broken replica cannot loop forever.
   */
  async answerAtLeast(app: App, minimum: number): Promise<void> {
    for (;;) {
      const behind = app.replicas.filter((child) => child.answered < minimum);
      if (behind.length === 0) return;
      const largestGap = Math.max(...behind.map((child) => minimum - child.answered));
      const before = sum(behind.map((child) => child.answered));
      this.settings.slack.reset(); // the stand-in would otherwise keep every one of these calls
      await this.sendCommands(
        { name: app.name, replicas: behind, turn: 0 },
        Math.min(TOP_UP_BATCH, largestGap * behind.length),
      );
      if (sum(behind.map((child) => child.answered)) === before) {
        throw new Error(
          `${behind.map((child) => child.name).join(', ')} stopped answering before ${minimum} questions`,
        );
      }
    }
  }

  /**
   * Sends `count` signed `/docker <question>` commands, `concurrency` at a time, each with its own
   * response_url and to the app's replicas in turn, then waits (at most the grace period) for every answer
   * to reach the stand-in.
   */
  private async sendCommands(app: App, count: number): Promise<Sample[]> {
    const { slack, signingSecret, questions, concurrency } = this.settings;
    const samples: Sample[] = [];
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const question = questions[next++ % questions.length] ?? '';
        const id = this.nextRequestId++;
        const child = app.replicas[app.turn++ % app.replicas.length] as Child;
        this.routedTo.set(id, child);
        const body = slashCommandBody({ text: question, response_url: slack.responseUrl(String(id)) });
        const sentAt = performance.now();
        const response = await withTimeout(
          sendSigned(`${child.url}/slack/events`, body, FORM, { secret: signingSecret }),
          ACK_TIMEOUT_MS,
        ).catch(() => ({ status: 0, text: '' }));
        const ackedAt = performance.now();
        // An answer may come back in the acknowledgement itself (the bot does that for questions):
        // then it is delivered when the acknowledgement arrives.
        if (response.status === 200 && response.text !== '' && !this.deliveredAt.has(id)) {
          this.deliveredAt.set(id, ackedAt);
          child.answered++;
        }
        samples.push({ id, sentAt, ackMs: ackedAt - sentAt, status: response.status });
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));

    const deadline = performance.now() + DELIVERY_GRACE_MS;
    while (samples.some((s) => !this.deliveredAt.has(s.id)) && performance.now() < deadline) await sleep(10);
    app.replicas.forEach(assertRunning);
    return samples;
  }

  /**
   * When the stand-in has received (and answered) each response_url POST, by request id, counting each
   * request's first one as a question answered by the process it was sent to. The stand-in records calls
   * but not their time; Node's HTTP diagnostics channel reports the moment without changing it. The
   * stand-in is the only HTTP server in this process.
   */
  private watchResponseUrlPosts(): Map<number, number> {
    const at = new Map<number, number>();
    subscribe('http.server.response.finish', (message) => {
      const { request } = message as { request: IncomingMessage };
      const match = /^\/response\/(\d+)$/.exec(request.url ?? '')?.[1];
      if (match === undefined || request.method !== 'POST') return;
      const id = Number(match);
      const child = this.routedTo.get(id);
      if (child !== undefined && !at.has(id)) child.answered++;
      at.set(id, performance.now());
    });
    return at;
  }
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function sorted(values: number[]): number[] {
  return values.sort((a, b) => a - b);
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  const timer = new AbortController();
  try {
    return await Promise.race([
      promise,
      sleep(ms, undefined, { signal: timer.signal }).then(() => {
        throw new Error(`no response within ${ms} ms`);
      }),
    ]);
  } finally {
    timer.abort();
  }
}
