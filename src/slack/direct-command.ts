import {
  asCodedError,
  HTTPResponseAck,
  ReceiverMultipleAckError,
  verifySlackRequest,
  type App,
  type BufferedIncomingMessage,
  type CodedError,
} from '@slack/bolt';
import type { ServerResponse } from 'node:http';
import { messageJson } from '../answers/message-json.js';
import type { BotDeps } from '../conversation/deps.js';
import { answersLocally, parseDockerCommand, type DockerCommand } from '../conversation/docker-command.js';
import { answerInAcknowledgement } from './listeners/commands/docker-command.js';

type RequestListener = (req: BufferedIncomingMessage, res: ServerResponse) => void;

/**
 * Takes a request the body guard has read and parsed (src/slack/guard-request-body.ts) and answers it
 * itself, returning true, or returns false and leaves it to Bolt.
 */
export type DirectAnswer = (
  req: BufferedIncomingMessage,
  body: Record<string, unknown>,
  res: ServerResponse,
) => boolean;

/** The fields of a slash command's form the direct path needs, each a single string. */
interface CommandForm {
  command: '/docker';
  text: string;
  user_id: string;
  channel_id: string;
  trigger_id: string;
  team_id?: string;
  enterprise_id?: string;
  is_enterprise_install?: string;
}

/** Bolt's authorization, which every request it routes waits for (single workspace: its auth.test at start). */
type Authorize = (source: Record<string, unknown>, body: unknown) => Promise<unknown>;

export interface DirectCommandOptions {
  signingSecret: string;
  deps: BotDeps;
  app: App;
  /** Bolt's own request handling: a request the direct path takes but cannot authorize goes there whole. */
  bolt: RequestListener;
  /** Counts the work in flight (a shutdown waits for it) and logs the request once handled, as for Bolt's requests. */
  handled: (fields: Record<string, string | undefined>, work: () => Promise<void>) => Promise<void>;
  /** The app's error handler (`app.error`): what a listener's failure is logged as. */
  onError: (error: CodedError) => Promise<void>;
}

/**
 * `/docker` questions, most of the bot's requests, answered in the HTTP receiver without Bolt's routing:
 * Bolt checks the signature and parses the body again, then runs its authorization, context, global
 * middleware and the filter chain of every listener for a reply computed in well under a millisecond.
 * Only a `/docker` command answered in the acknowledgement (`answersLocally`: a question, or help and topics
 * asked in words) is taken, and only when its form is what Slack sends (one string per field); the
 * signature is checked with Bolt's own `verifySlackRequest`, and a request that fails it (forged, stale,
 * unsigned) goes to Bolt, which refuses it as it always has. Everything else — other `/docker` replies,
 * other commands, events, actions, views, `ssl_check`, `url_verification` — goes to Bolt unchanged.
 *
 * A taken command is answered by the listener's own code (`answerInAcknowledgement`), acknowledged as
 * Bolt's `HTTPResponseAck` would (its 3-second limit; the same status, header and body bytes, the body
 * written with the answer's fixed blocks already in JSON), counted and logged as Bolt's
 * requests are, and a failure reaches the app's error handler as from Bolt. It still waits for Bolt's
 * authorization: when that failed (the bot token was refused at start), the request goes to Bolt, which
 * calls no listener. Undefined — everything goes to Bolt — when this Bolt keeps its authorization elsewhere.
 */
export function answerDockerCommandsDirectly(options: DirectCommandOptions): DirectAnswer | undefined {
  const { signingSecret, deps, app, bolt, handled, onError } = options;
  const authorize = boltAuthorization(app);
  if (authorize === undefined) return undefined;

  const answer = async (
    req: BufferedIncomingMessage,
    form: CommandForm,
    parsed: DockerCommand,
    res: ServerResponse,
  ): Promise<void> => {
    try {
      await authorize(
        {
          teamId: form.team_id,
          enterpriseId: form.enterprise_id,
          userId: form.user_id,
          conversationId: form.channel_id,
          isEnterpriseInstall: form.is_enterprise_install === 'true',
        },
        form,
      );
    } catch {
      bolt(req, res);
      return;
    }
    const response = new HTTPResponseAck({
      logger: deps.logger,
      processBeforeResponse: false,
      httpRequest: req,
      httpRequestBody: form,
      httpResponse: res,
    });
    const sendAck = response.bind();
    let acknowledged = false;
    const ack = async (message: Record<string, unknown>) => {
      if (acknowledged) throw new ReceiverMultipleAckError();
      acknowledged = true;
      // What Bolt's acknowledgement does with a message (HTTPModuleFunctions.buildContentResponse), the
      // body serialised with the answer's laid-out blocks already in JSON (src/answers/message-json.ts).
      response.ack();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(messageJson(message));
    };
    const fields = { command: form.command, trigger_id: form.trigger_id };
    try {
      await handled(fields, () => answerInAcknowledgement(deps, app.client, form, parsed, ack));
    } catch (error) {
      await onError(asCodedError(error as Error));
    }
    if (acknowledged) return;
    deps.logger.log('debug', 'unhandled request acknowledged', fields);
    await sendAck();
  };

  return (req, body, res) => {
    const form = dockerCommandForm(req, body);
    if (form === undefined) return false;
    const parsed = parseDockerCommand(form.text);
    if (!answersLocally(parsed) || !signedBySlack(req, signingSecret)) return false;
    answer(req, form, parsed, res).catch((error: unknown) => {
      deps.logger.log('error', 'request failed', { error });
      if (!res.headersSent) {
        res.writeHead(500);
        res.end();
      }
    });
    return true;
  };
}

/** A `/docker` command's form as Slack sends it; undefined for anything Bolt should route itself. */
function dockerCommandForm(
  req: BufferedIncomingMessage,
  body: Record<string, unknown>,
): CommandForm | undefined {
  if (req.headers['content-type'] !== 'application/x-www-form-urlencoded') return undefined;
  if (body.command !== '/docker' || body.event !== undefined || body.ssl_check !== undefined)
    return undefined;
  const strings = ['text', 'user_id', 'channel_id', 'trigger_id'] as const;
  if (!strings.every((name) => typeof body[name] === 'string')) return undefined;
  const optional = ['team_id', 'enterprise_id', 'is_enterprise_install'] as const;
  if (!optional.every((name) => body[name] === undefined || typeof body[name] === 'string')) return undefined;
  return body as unknown as CommandForm;
}

/** Bolt's own check (`verifySlackRequest`) with the headers as Bolt's receiver reads them. */
function signedBySlack(req: BufferedIncomingMessage, signingSecret: string): boolean {
  const signature = req.headers['x-slack-signature'];
  const timestamp = req.headers['x-slack-request-timestamp'];
  if (typeof signature !== 'string' || typeof timestamp !== 'string') return false;
  try {
    verifySlackRequest({
      signingSecret,
      body: req.rawBody.toString(),
      headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': Number(timestamp) },
    });
    return true;
  } catch {
    return false;
  }
}

/** Bolt's App keeps its authorization in a private field; undefined if a later Bolt does not. */
function boltAuthorization(app: App): Authorize | undefined {
  const authorize = (app as unknown as { authorize?: unknown }).authorize;
  return typeof authorize === 'function' ? (authorize.bind(app) as Authorize) : undefined;
}
