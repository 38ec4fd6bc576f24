import { DEFAULT_STALE_AFTER_DAYS } from './report/report.js';
import { z } from 'zod';
import { DEFAULT_KNOWLEDGE_DIR } from './paths.js';
import { parseTipChannels } from './tips/schedule.js';
import { isValidTimeZone } from './tips/time.js';

/** The environment as the process sees it; only this module reads `process.env`. */
export type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

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

/** A variable's value with surrounding spaces trimmed (values get pasted); blank counts as unset. */
const optional = z
  .string()
  .transform((value) => value.trim())
  .optional()
  .transform((value) => (value === '' ? undefined : value));

/** An optional variable that, when set, must pass `test`. Never echoes the value: it may be a secret. */
function optionalMatching(test: (value: string) => boolean, message: string) {
  return optional.refine((value) => value === undefined || test(value), { message });
}

/**
 * A variable the mode cannot start without; when it is missing the problem says where to find it.
 * Missing variables are reported after malformed ones (see `problemsOf`).
 */
function required(whereToFind: string, format?: { test: (value: string) => boolean; message: string }) {
  const present = optional.transform((value, ctx) => {
    if (value !== undefined) return value;
    ctx.issues.push({ code: 'custom', message: `is missing: ${whereToFind}`, input: value, params: MISSING });
    return z.NEVER;
  });
  return format ? present.refine(format.test, { message: format.message }) : present;
}
const MISSING = { missing: true };

const botToken = required('copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions', {
  test: (v) => v.startsWith('xoxb-'),
  message: 'must be a bot token starting with "xoxb-" (OAuth & Permissions → Bot User OAuth Token)',
});

/** Variables read in every mode: each is checked whichever mode the tokens select. */
const settings = {
  PORT: optionalMatching(
    (v) => /^\d+$/.test(v) && Number(v) > 0 && Number(v) < 65536,
    'must be a port number between 1 and 65535',
  ).transform((v) => (v === undefined ? undefined : Number(v))),
  SLACK_API_URL: optionalMatching(
    (v) => /^https?:\/\/\S+$/.test(v),
    'must be an http(s) URL such as https://slack.com/api/',
  ).transform((v) => (v === undefined || v.endsWith('/') ? v : `${v}/`)),
  DATABASE_URL: optional,
  LOG_LEVEL: optional
    .transform((v) => v?.toLowerCase())
    .pipe(z.enum(LOG_LEVELS, { error: 'must be one of debug, info, warn, error' }).default('info')),
  KNOWLEDGE_DIR: optional,
  TIP_TIMEZONE: optionalMatching(isValidTimeZone, 'must be an IANA time zone such as Asia/Tokyo or UTC'),
  TIP_CHANNELS: optional,
  ADMIN_USER_IDS: optionalMatching(
    (v) => /^[UW][A-Z0-9]+(\s*,\s*[UW][A-Z0-9]+)*$/.test(v),
    'must be Slack user ids separated by commas, e.g. U0123ABCD,U0456EFGH',
  ).transform((v) => (v === undefined ? [] : v.split(',').map((id) => id.trim()))),
  HELP_CHANNEL: optionalMatching(
    (v) => /^[CG][A-Z0-9]{2,}$/.test(v),
    'must be a channel id such as C0123ABCD (channel details → About → Channel ID)',
  ),
  EXPERTS: optionalMatching(
    (v) => /^(S[A-Z0-9]{2,}|[UW][A-Z0-9]{2,}([\s,]+[UW][A-Z0-9]{2,})*)$/.test(v),
    'must be one user group id (S0123ABCD) or user ids separated by commas or spaces (U0123ABCD,U0456EFGH)',
  ).transform((v) => (v === undefined ? undefined : v.split(/[\s,]+/))),
  RETENTION_DAYS: optionalMatching(
    (v) => /^\d+$/.test(v) && Number(v) >= 1,
    'must be a whole number of days, at least 1',
  ).transform((v) => (v === undefined ? 90 : Number(v))),
  STALE_AFTER_DAYS: optionalMatching(
    (v) => /^\d+$/.test(v) && Number(v) >= 1,
    'must be a whole number of days, at least 1',
  ).transform((v) => (v === undefined ? DEFAULT_STALE_AFTER_DAYS : Number(v))),
  STORE_QUESTIONS: optionalMatching(
    (v) => /^(true|false|1|0|yes|no)$/i.test(v),
    'must be true or false',
  ).transform((v) => (v === undefined ? true : /^(true|1|yes)$/i.test(v))),
};

// One object schema per mode, discriminated by `mode` (which `modeOf` derives from the tokens set).
const socketEnv = z.object({
  mode: z.literal('socket'),
  SLACK_BOT_TOKEN: botToken,
  SLACK_APP_TOKEN: required(
    'Socket Mode needs an app-level token with connections:write (Basic Information → App-Level Tokens)',
    {
      test: (v) => v.startsWith('xapp-'),
      message: 'must be an app-level token starting with "xapp-" (Basic Information → App-Level Tokens)',
    },
  ),
  ...settings,
});
const httpEnv = z.object({
  mode: z.literal('http'),
  SLACK_BOT_TOKEN: botToken,
  SLACK_SIGNING_SECRET: required(
    'HTTP mode needs it (Basic Information → Signing Secret); or set SLACK_APP_TOKEN to use Socket Mode',
  ),
  ...settings,
});
const consoleEnv = z.object({ mode: z.literal('console'), ...settings });

type Settings = z.output<z.ZodObject<typeof settings>>;

/** What every mode shares: where knowledge and data live, logging, tips, admins and retention. */
function shared(e: Settings, ctx: z.RefinementCtx) {
  const tipTimeZone = e.TIP_TIMEZONE ?? 'UTC';
  let tipChannels: ReturnType<typeof parseTipChannels> = [];
  try {
    tipChannels = e.TIP_CHANNELS ? parseTipChannels(e.TIP_CHANNELS, tipTimeZone) : [];
  } catch (error) {
    // parseTipChannels names TIP_CHANNELS and the entry at fault itself.
    ctx.issues.push({
      code: 'custom',
      message: error instanceof Error ? error.message : String(error),
      input: e.TIP_CHANNELS,
    });
  }
  return {
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    knowledgeDir: e.KNOWLEDGE_DIR ?? DEFAULT_KNOWLEDGE_DIR,
    /** Time zone of tip schedules whose subscriber's zone is unknown (TIP_TIMEZONE, default UTC). */
    tipTimeZone,
    /** Tip subscriptions kept as configuration (TIP_CHANNELS). */
    tipChannels,
    /** Slack user ids allowed to run `/docker admin …` (ADMIN_USER_IDS). */
    adminUserIds: e.ADMIN_USER_IDS,
    /** Where "Ask the team" posts (HELP_CHANNEL); when unset, an admin may set one in Slack. */
    helpChannel: e.HELP_CHANNEL,
    /** Who those posts mention (EXPERTS): one user group id, or user ids; when unset, settable in Slack. */
    experts: e.EXPERTS,
    /** Stored question text and feedback are deleted after this many days (RETENTION_DAYS, default 90). */
    retentionDays: e.RETENTION_DAYS,
    /** The report lists topics not reviewed for this many days (STALE_AFTER_DAYS, default 180). */
    staleAfterDays: e.STALE_AFTER_DAYS,
    /** STORE_QUESTIONS=false keeps no question text (topics and counts are still kept). */
    storeQuestions: e.STORE_QUESTIONS,
  };
}

/**
 * The environment → the configuration of one mode: Socket Mode (an outgoing WebSocket: bot and app
 * tokens), HTTP (a public endpoint: bot token, signing secret and port) or the local console (no Slack).
 * `slackApiUrl` is a Web API base URL ending in `/` (a local stand-in in tests); undefined means Slack's.
 */
const configSchema = z.discriminatedUnion('mode', [
  socketEnv.transform((e, ctx) => ({
    mode: e.mode,
    botToken: e.SLACK_BOT_TOKEN,
    appToken: e.SLACK_APP_TOKEN,
    slackApiUrl: e.SLACK_API_URL,
    ...shared(e, ctx),
  })),
  httpEnv.transform((e, ctx) => ({
    mode: e.mode,
    botToken: e.SLACK_BOT_TOKEN,
    signingSecret: e.SLACK_SIGNING_SECRET,
    port: e.PORT ?? 3000,
    slackApiUrl: e.SLACK_API_URL,
    ...shared(e, ctx),
  })),
  consoleEnv.transform((e, ctx) => ({ mode: e.mode, ...shared(e, ctx) })),
]);

export type Config = z.output<typeof configSchema>;
/** How the bot talks to Slack: an outgoing WebSocket, a public HTTP endpoint, or not at all. */
export type Mode = Config['mode'];
export type ConfigFor<M extends Mode> = Extract<Config, { mode: M }>;
/** A configuration that connects to Slack. */
export type SlackConfig = ConfigFor<'socket' | 'http'>;

/** Every environment variable the bot reads; deployment files may set no other (test/deploy checks). */
export const CONFIG_VARIABLES: readonly string[] = [
  ...new Set([socketEnv, httpEnv, consoleEnv].flatMap((schema) => Object.keys(schema.shape))),
].filter((name) => name !== 'mode');

/** What HTTP mode cannot start without; a deployment must supply each (test/deploy checks). */
export const REQUIRED_IN_HTTP_MODE: readonly string[] = Object.entries(httpEnv.shape)
  .filter(([name, schema]) => name !== 'mode' && !schema.safeParse(undefined).success)
  .map(([name]) => name);

/**
 * Which variables are set decides the mode — even a malformed value, so that a missing variable is
 * reported in the same run as a malformed one. An app-level token means Socket Mode, whatever else is set.
 */
function modeOf(env: Env): Mode {
  const isSet = (name: string) => (env[name]?.trim() ?? '') !== '';
  if (isSet('SLACK_APP_TOKEN')) return 'socket';
  if (isSet('SLACK_BOT_TOKEN') || isSet('SLACK_SIGNING_SECRET')) return 'http';
  return 'console';
}

/** One line per problem, naming the variable; malformed values first, then missing variables. */
function problemsOf(error: z.ZodError): string[] {
  const lines = (issues: z.core.$ZodIssue[]) =>
    issues.map((issue) =>
      issue.path.length > 0 ? `${String(issue.path[0])} ${issue.message}` : issue.message,
    );
  const isMissing = (issue: z.core.$ZodIssue) => issue.code === 'custom' && issue.params === MISSING;
  return [
    ...lines(error.issues.filter((issue) => !isMissing(issue))),
    ...lines(error.issues.filter(isMissing)),
  ];
}

/**
 * The one place that reads the environment. Checks everything at once so a person fixes all problems
 * in one go; never echoes a secret's value. `mode` asks for one mode instead of the one the tokens select
 * (a tool that only works in HTTP mode, say), so that whatever that mode lacks is named.
 */
export function loadConfig(env?: Env): Config;
export function loadConfig<M extends Mode>(env: Env, mode: M): ConfigFor<M>;
export function loadConfig(env: Env = process.env, mode: Mode = modeOf(env)): Config {
  const parsed = configSchema.safeParse({ ...env, mode });
  if (!parsed.success) throw new ConfigError(problemsOf(parsed.error));
  return parsed.data;
}

const cliSchema = z
  .object({
    KNOWLEDGE_DIR: settings.KNOWLEDGE_DIR,
    DATABASE_URL: settings.DATABASE_URL,
    STALE_AFTER_DAYS: settings.STALE_AFTER_DAYS,
  })
  .transform((e) => ({
    knowledgeDir: e.KNOWLEDGE_DIR ?? DEFAULT_KNOWLEDGE_DIR,
    databaseUrl: e.DATABASE_URL,
    staleAfterDays: e.STALE_AFTER_DAYS,
  }));
/** What the command-line tools read: the knowledge folder, and the database and staleness for the report. */
export type CliConfig = z.output<typeof cliSchema>;

/** The configuration of the command-line tools, which need no Slack token whatever the environment holds. */
export function loadCliConfig(env: Env = process.env): CliConfig {
  const parsed = cliSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(problemsOf(parsed.error));
  return parsed.data;
}
