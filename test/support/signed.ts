import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret';

/** Headers exactly as Slack signs a request: v0=HMAC-SHA256("v0:<timestamp>:<body>"). */
export function slackSignature(body: string, timestamp: number, secret = SIGNING_SECRET) {
  const signature = createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'x-slack-signature': `v0=${signature}`, 'x-slack-request-timestamp': String(timestamp) };
}

export interface SendOptions {
  timestamp?: number;
  secret?: string;
  headers?: Record<string, string>;
}

/** POSTs a signed request to the app and returns the status, body and time to the response. */
export async function sendSigned(url: string, body: string, contentType: string, options: SendOptions = {}) {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      ...slackSignature(body, timestamp, options.secret),
      ...options.headers,
    },
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    text,
    ms: performance.now() - started,
  };
}

export function slashCommandBody(fields: {
  text: string;
  user_id?: string;
  channel_id?: string;
  response_url: string;
}) {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: 'T0001',
    team_domain: 'example',
    channel_id: fields.channel_id ?? 'C0001',
    channel_name: 'general',
    user_id: fields.user_id ?? 'U0001',
    user_name: 'alice',
    command: '/docker',
    text: fields.text,
    api_app_id: 'A0001',
    response_url: fields.response_url,
    trigger_id: '1.2.3',
  }).toString();
}

let eventCounter = 0;

export function eventBody(event: Record<string, unknown>, eventId = `Ev${++eventCounter}${Date.now()}`) {
  return JSON.stringify({
    token: 'deprecated-verification-token',
    team_id: 'T0001',
    api_app_id: 'A0001',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T0001', user_id: 'UBOT', is_bot: true }],
    event,
  });
}

/** Interactivity payloads arrive form-encoded as `payload=<json>`. */
export function payloadBody(payload: Record<string, unknown>) {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function blockActionPayload(fields: {
  actionId: string;
  value: string;
  responseUrl?: string;
  user?: string;
  ephemeral?: boolean;
}) {
  return {
    type: 'block_actions',
    team: { id: 'T0001', domain: 'example' },
    user: { id: fields.user ?? 'U0001', username: 'alice', team_id: 'T0001' },
    api_app_id: 'A0001',
    token: 'deprecated-verification-token',
    trigger_id: '1.2.3',
    container: {
      type: 'message',
      message_ts: '1700000000.000100',
      channel_id: 'C0001',
      is_ephemeral: fields.ephemeral ?? true,
    },
    channel: { id: 'C0001', name: 'general' },
    ...(fields.responseUrl ? { response_url: fields.responseUrl } : {}),
    actions: [
      {
        type: 'button',
        action_id: fields.actionId,
        block_id: 'b1',
        value: fields.value,
        text: { type: 'plain_text', text: 'x' },
        action_ts: '1700000001.000200',
      },
    ],
  };
}
