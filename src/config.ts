import { z } from 'zod';
import type { TipSubscription } from './store/store.js';
import { parseTipChannels } from './tips/schedule.js';
import { isValidTimeZone } from './tips/time.js';

/** How the bot talks to Slack: a public HTTP endpoint, an outgoing WebSocket, or not at all. */
export type Mode = 'http' | 'socket' | 'console';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Config {
  mode: Mode;
  botToken?: string;
  signingSecret?: string;
  appToken?: string;
  port: number;
  /** Web API base URL ending in `/`, e.g. a local stand-in in tests; undefined means Slack's. */
  slackApiUrl?: string;
  databaseUrl?: string;
  logLevel: LogLevel;
  knowledgeDir?: string;
  /** Time zone of tip schedules whose subscriber's zone is unknown (TIP_TIMEZONE, default UTC). */
  tipTimeZone: string;
  /** Tip subscriptions kept as configuration (TIP_CHANNELS). */
  tipChannels: TipSubscription[];
  /** Slack user ids allowed to run `/docker admin …` (ADMIN_USER_IDS). */
  adminUserIds: string[];
  /** Stored question text and feedback are deleted after this many days (RETENTION_DAYS, default 90). */
  retentionDays: number;
  /** STORE_QUESTIONS=false keeps no question text (topics and counts are still kept). */
  storeQuestions: boolean;
}

/** Thrown when the environment cannot configure the bot; the message names each variable at fault. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: string[]) {
    super(
      `Configuration problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

const optional = z
  .string()
  .transform((value) => value.trim())
  .optional()
  .transform((value) => (value === '' ? undefined : value));

const schema = z.object({
  SLACK_BOT_TOKEN: optional.refine((v) => v === undefined || v.startsWith('xoxb-'), {
    message: 'must be a bot token starting with "xoxb-" (OAuth & Permissions → Bot User OAuth Token)',
  }),
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional.refine((v) => v === undefined || v.startsWith('xapp-'), {
    message: 'must be an app-level token starting with "xapp-" (Basic Information → App-Level Tokens)',
  }),
  PORT: optional.refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) > 0 && Number(v) < 65536), {
    message: 'must be a port number between 1 and 65535',
  }),
  SLACK_API_URL: optional.refine((v) => v === undefined || /^https?:\/\/\S+$/.test(v), {
    message: 'must be an http(s) URL such as https://slack.com/api/',
  }),
  DATABASE_URL: optional,
  LOG_LEVEL: optional.refine(
    (v) => v === undefined || ['debug', 'info', 'warn', 'error'].includes(v.toLowerCase()),
    {
      message: 'must be one of debug, info, warn, error',
    },
  ),
  KNOWLEDGE_DIR: optional,
  TIP_TIMEZONE: optional.refine((v) => v === undefined || isValidTimeZone(v), {
    message: 'must be an IANA time zone such as Asia/Tokyo or UTC',
  }),
  TIP_CHANNELS: optional,
  ADMIN_USER_IDS: optional.refine(
    (v) => v === undefined || /^[UW][A-Z0-9]+(\s*,\s*[UW][A-Z0-9]+)*$/.test(v),
    {
      message: 'must be Slack user ids separated by commas, e.g. U0123ABCD,U0456EFGH',
    },
  ),
  RETENTION_DAYS: optional.refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) >= 1), {
    message: 'must be a whole number of days, at least 1',
  }),
  STORE_QUESTIONS: optional.refine((v) => v === undefined || /^(true|false|1|0|yes|no)$/i.test(v), {
    message: 'must be true or false',
  }),
});

/** Every environment variable the bot reads; deployment files may set no other (test/deploy checks). */
export const CONFIG_VARIABLES = Object.keys(schema.shape) as readonly (keyof typeof schema.shape)[];

/** What HTTP mode cannot start without; a deployment must supply each (test/deploy checks). */
export const REQUIRED_IN_HTTP_MODE = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET'] as const;
type RequiredVariable = (typeof REQUIRED_IN_HTTP_MODE)[number];

const REQUIRED: Record<Mode, readonly RequiredVariable[]> = {
  http: REQUIRED_IN_HTTP_MODE,
  // SLACK_APP_TOKEN is set by definition: it is what selects Socket Mode.
  socket: ['SLACK_BOT_TOKEN'],
  console: [],
};

const WHERE_TO_FIND: Record<RequiredVariable, string> = {
  SLACK_BOT_TOKEN: 'copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions',
  SLACK_SIGNING_SECRET:
    'HTTP mode needs it (Basic Information → Signing Secret); or set SLACK_APP_TOKEN to use Socket Mode',
};

/**
 * The one place that reads the environment. Checks everything at once so a person fixes all problems
 * in one go; never echoes a secret's value.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${String(issue.path[0])} ${issue.message}`);
  // Which variables are set decides the mode, even when a value is malformed, so a missing variable is
  // reported in the same run as a malformed one.
  const isSet = (name: string) => (env[name]?.trim() ?? '') !== '';

  let mode: Mode = 'console';
  if (isSet('SLACK_APP_TOKEN')) mode = 'socket';
  else if (isSet('SLACK_BOT_TOKEN') || isSet('SLACK_SIGNING_SECRET')) mode = 'http';

  for (const name of REQUIRED[mode]) {
    if (!isSet(name)) problems.push(`${name} is missing: ${WHERE_TO_FIND[name]}`);
  }
  if (!parsed.success) throw new ConfigError(problems);
  const e = parsed.data;

  const tipTimeZone = e.TIP_TIMEZONE ?? 'UTC';
  let tipChannels: TipSubscription[] = [];
  try {
    tipChannels = e.TIP_CHANNELS ? parseTipChannels(e.TIP_CHANNELS, tipTimeZone) : [];
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    mode,
    botToken: e.SLACK_BOT_TOKEN,
    signingSecret: e.SLACK_SIGNING_SECRET,
    appToken: e.SLACK_APP_TOKEN,
    port: e.PORT ? Number(e.PORT) : 3000,
    slackApiUrl: e.SLACK_API_URL ? withTrailingSlash(e.SLACK_API_URL) : undefined,
    databaseUrl: e.DATABASE_URL,
    logLevel: (e.LOG_LEVEL?.toLowerCase() ?? 'info') as LogLevel,
    knowledgeDir: e.KNOWLEDGE_DIR,
    tipTimeZone,
    tipChannels,
    adminUserIds: e.ADMIN_USER_IDS ? e.ADMIN_USER_IDS.split(',').map((id) => id.trim()) : [],
    retentionDays: e.RETENTION_DAYS ? Number(e.RETENTION_DAYS) : 90,
    storeQuestions: e.STORE_QUESTIONS ? /^(true|1|yes)$/i.test(e.STORE_QUESTIONS) : true,
  };
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
