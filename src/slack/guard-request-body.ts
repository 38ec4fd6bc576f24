import { HTTPModuleFunctions, isValidSlackRequest, type BufferedIncomingMessage } from '@slack/bolt';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppLogger } from '../logger.js';
import type { DirectAnswer } from './direct-command.js';

/**
 * The largest request body the bot reads. Slack's requests are a few kilobytes (Slack cuts a message at
 * 40,000 characters); Bolt's default of 4 MB let one signed 3 MB `/docker` text exhaust the 80 MB heap.
 * A message event carries its text twice (as text and in blocks), so the event of a message longer than
 * roughly 30,000 English characters, fewer in Japanese, is refused too: README, "Failure behaviour".
 */
export const MAX_BODY_BYTES = 64 * 1024;

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

export interface GuardOptions {
  /** The path Slack posts to; other routes (`/healthz`) pass through untouched. */
  endpoint: string;
  signingSecret: string;
  logger: AppLogger;
  /**
   * Offered each Slack request the guard let through, with its parsed body, before Bolt: returns true
   * when it answered the request itself (src/slack/direct-command.ts), false to leave it to Bolt.
   */
  answerDirectly?: DirectAnswer;
}

/**
 * Reads a request to the Slack endpoint before Bolt does: refuses a body over MAX_BODY_BYTES with 413
 * without reading the rest (on a declared Content-Length before reading anything), and a correctly
 * signed body that is not a Slack request (`null`, `[]`, a form without payload or command) with 400 —
 * Bolt reads `body.ssl_check` of `null` outside its error handling (an unhandled rejection, no
 * response), and leaves the others unanswered for 3 s. A request `answerDirectly` takes is answered
 * there; Bolt uses the body read here (`rawBody`) for the rest and still checks the signature of what it
 * routes.
 */
export function guardRequestBody(listener: RequestListener, options: GuardOptions): RequestListener {
  const { endpoint, signingSecret, logger } = options;
  return (req, res) => {
    if (req.method !== 'POST' || (req.url !== endpoint && pathname(req.url) !== endpoint)) {
      listener(req, res);
      return;
    }
    const declared = Number(req.headers['content-length']);
    if (declared > MAX_BODY_BYTES) {
      logger.log('warn', 'request body too large; refused', { bytes: declared, limit: MAX_BODY_BYTES });
      refuse(res, 413);
      return;
    }
    HTTPModuleFunctions.bufferIncomingMessage(req, MAX_BODY_BYTES).then(
      (buffered) => {
        const body = slackRequestBody(buffered);
        if (body === undefined && isSignedBySlack(buffered, signingSecret)) {
          logger.log('warn', 'signed request is not a Slack request; refused', {
            content_type: req.headers['content-type'],
            bytes: buffered.rawBody.length,
          });
          refuse(res, 400);
          return;
        }
        try {
          if (body !== undefined && options.answerDirectly?.(buffered, body, res)) return;
          listener(buffered, res);
        } catch (error) {
          logger.log('error', 'request failed', { error });
          if (!res.headersSent) refuse(res, 500);
        }
      },
      (error: unknown) => {
        if (HTTPModuleFunctions.isRawBodyError(error) && error.statusCode === 413) {
          logger.log('warn', 'request body too large; refused', { limit: MAX_BODY_BYTES });
          refuse(res, 413);
          return;
        }
        // The client went away or sent something unreadable.
        logger.log('warn', 'could not read the request body', { error });
        if (!res.headersSent && !res.destroyed) refuse(res, 400);
      },
    );
  };
}

/**
 * What Bolt can route, parsed exactly as Bolt parses it: a JSON object naming its type (Events API, and
 * every interaction's `payload`), or a slash command's form (`command`), or Slack's unsigned `ssl_check`.
 * Undefined for anything else.
 */
function slackRequestBody(req: BufferedIncomingMessage): Record<string, unknown> | undefined {
  let body: unknown;
  try {
    body = HTTPModuleFunctions.parseHTTPRequestBody(req);
  } catch {
    return undefined;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const fields = body as Record<string, unknown>;
  const { type, command, ssl_check } = fields;
  return typeof type === 'string' || typeof command === 'string' || ssl_check === '1' ? fields : undefined;
}

/** An unsigned or forged body gets Bolt's 401 whatever it holds, so a malformed one reveals nothing. */
function isSignedBySlack(req: BufferedIncomingMessage, signingSecret: string): boolean {
  const signature = req.headers['x-slack-signature'];
  const timestamp = req.headers['x-slack-request-timestamp'];
  if (typeof signature !== 'string' || typeof timestamp !== 'string') return false;
  return isValidSlackRequest({
    signingSecret,
    body: req.rawBody.toString(),
    headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': Number(timestamp) },
  });
}

/** The path Bolt routes a request by (any query or odd form of it); Slack posts to the bare endpoint. */
function pathname(url: string | undefined): string {
  return new URL(url ?? '/', 'http://localhost').pathname;
}

/** A 413 closes the connection: the rest of the body is never read, so it cannot carry another request. */
function refuse(res: ServerResponse, status: 400 | 413 | 500): void {
  res.writeHead(status, status === 413 ? { connection: 'close' } : {});
  res.end();
}
