import type { IncomingMessage, ServerResponse } from 'node:http';

/** Slack's own limit for a request's age: https://api.slack.com/authentication/verifying-requests-from-slack */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/**
 * Bolt's HTTP receiver refuses a request timestamp more than 5 minutes old but accepts one from the
 * future, which would let a captured request be replayed later. This refuses both directions, before
 * Bolt sees the request (Bolt still checks the signature and the past).
 */
export function refuseFutureTimestamps(
  listener: (req: IncomingMessage, res: ServerResponse) => void,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const header = req.headers['x-slack-request-timestamp'];
    if (req.method === 'POST' && typeof header === 'string' && /^\d+$/.test(header)) {
      const skew = Number(header) - Math.floor(Date.now() / 1000);
      if (skew > MAX_CLOCK_SKEW_SECONDS) {
        req.resume();
        res.writeHead(401, { 'content-type': 'text/plain' });
        res.end('request timestamp is in the future');
        return;
      }
    }
    listener(req, res);
  };
}
