import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  CONFIG_VARIABLES,
  ConfigError,
  loadCliConfig,
  loadConfig,
  REQUIRED_IN_HTTP_MODE,
} from '../src/config.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../src/paths.js';

const BOT_TOKEN = 'xoxb-1111-2222-secretbottoken';
const APP_TOKEN = 'xapp-1-A0APP-3333-secretapptoken';
const SIGNING_SECRET = 'a1b2c3-signing-secret-d4e5f6';

/** The ConfigError loadConfig throws for `env`; fails the test if it does not throw one. */
function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`expected a ConfigError for ${Object.keys(env).join(', ')}`);
}

describe('Choosing how to talk to Slack', () => {
  it('runs as the local console when no Slack variable is set', () => {
    expect(loadConfig({})).toMatchObject({ mode: 'console', logLevel: 'info' });
  });

  it('uses Socket Mode when an app-level token is set, without needing a signing secret', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN });
    expect(config).toMatchObject({ mode: 'socket', botToken: BOT_TOKEN, appToken: APP_TOKEN });
  });

  it('prefers Socket Mode when the signing secret is set as well', () => {
    const env = {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
    };
    expect(loadConfig(env).mode).toBe('socket');
  });

  it('uses HTTP mode with a bot token and a signing secret', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET });
    expect(config).toMatchObject({
      mode: 'http',
      botToken: BOT_TOKEN,
      signingSecret: SIGNING_SECRET,
      port: 3000,
    });
  });

  it('treats blank and whitespace-only variables as unset', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: '  ', SLACK_APP_TOKEN: '', SLACK_SIGNING_SECRET: '\t' }).mode).toBe(
      'console',
    );
  });

  it('trims values pasted with surrounding spaces', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: ` ${BOT_TOKEN}\n`,
      SLACK_SIGNING_SECRET: ` ${SIGNING_SECRET} `,
    });
    expect(config).toMatchObject({ botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET });
  });
});

describe('Reading the other settings', () => {
  const http = { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET };

  it('reads the port, log level, API URL, database and knowledge folder', () => {
    const config = loadConfig({
      ...http,
      PORT: '8080',
      LOG_LEVEL: 'DEBUG',
      SLACK_API_URL: 'http://127.0.0.1:9999/api',
      DATABASE_URL: 'sqlite:data/test.sqlite',
      KNOWLEDGE_DIR: './kb',
    });
    expect(config).toMatchObject({
      port: 8080,
      logLevel: 'debug',
      slackApiUrl: 'http://127.0.0.1:9999/api/',
      databaseUrl: 'sqlite:data/test.sqlite',
      knowledgeDir: './kb',
    });
  });

  it('keeps an API URL that already ends in a slash as it is', () => {
    expect(loadConfig({ ...http, SLACK_API_URL: 'https://slack.com/api/' })).toMatchObject({
      slackApiUrl: 'https://slack.com/api/',
    });
  });
});

describe('When a required variable is missing', () => {
  it('names SLACK_SIGNING_SECRET for a bot token alone (HTTP mode), and suggests Socket Mode', () => {
    const error = configError({ SLACK_BOT_TOKEN: BOT_TOKEN });
    expect(error.problems).toHaveLength(1);
    expect(error.message).toMatch(/SLACK_SIGNING_SECRET is missing/);
    expect(error.message).toContain('SLACK_APP_TOKEN');
  });

  it('names SLACK_BOT_TOKEN for a signing secret alone', () => {
    const error = configError({ SLACK_SIGNING_SECRET: SIGNING_SECRET });
    expect(error.problems).toHaveLength(1);
    expect(error.message).toMatch(/SLACK_BOT_TOKEN is missing/);
  });

  it('names SLACK_BOT_TOKEN, and not the signing secret, for an app token alone', () => {
    const error = configError({ SLACK_APP_TOKEN: APP_TOKEN });
    expect(error.problems).toEqual([expect.stringMatching(/^SLACK_BOT_TOKEN is missing/)]);
  });

  it('is a ConfigError with its code', () => {
    expect(configError({ SLACK_BOT_TOKEN: BOT_TOKEN })).toMatchObject({
      name: 'ConfigError',
      code: 'CONFIG_INVALID',
    });
  });
});

describe('When a variable is malformed', () => {
  it.each([
    ['SLACK_BOT_TOKEN', 'xoxp-1111-user-token', /SLACK_BOT_TOKEN must be a bot token starting with "xoxb-"/],
    [
      'SLACK_APP_TOKEN',
      'xoxb-not-an-app-token',
      /SLACK_APP_TOKEN must be an app-level token starting with "xapp-"/,
    ],
    ['PORT', 'eighty', /PORT must be a port number/],
    ['PORT', '0', /PORT must be a port number/],
    ['PORT', '65536', /PORT must be a port number/],
    ['PORT', '80.5', /PORT must be a port number/],
    ['SLACK_API_URL', 'slack.com/api', /SLACK_API_URL must be an http\(s\) URL/],
    ['LOG_LEVEL', 'verbose', /LOG_LEVEL must be one of debug, info, warn, error/],
    ['HELP_CHANNEL', '#help', /HELP_CHANNEL must be a channel id such as C0123ABCD/],
    ['HELP_CHANNEL', 'U0123ABCD', /HELP_CHANNEL must be a channel id/],
    ['EXPERTS', '@docker-experts', /EXPERTS must be one user group id \(S0123ABCD\) or user ids/],
    ['EXPERTS', 'S0123ABCD,U0456EFGH', /EXPERTS must be one user group id/],
  ])('names %s (%s)', (name, value, expected) => {
    const env = { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, [name]: value };
    const error = configError(env);
    expect(error.problems).toEqual([expect.stringMatching(expected)]);
  });

  it('names every malformed variable in one message', () => {
    const error = configError({ PORT: 'x', LOG_LEVEL: 'loud', SLACK_API_URL: 'nope' });
    expect(error.problems).toHaveLength(3);
    expect(error.message).toMatch(/^Configuration problems:/);
    for (const name of ['PORT', 'LOG_LEVEL', 'SLACK_API_URL'])
      expect(error.message).toContain(`  - ${name} `);
  });

  it('reports a missing variable in the same run as a malformed one', () => {
    const error = configError({ SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: 'x' });
    expect(error.problems).toEqual([
      expect.stringMatching(/^PORT /),
      expect.stringMatching(/^SLACK_BOT_TOKEN is missing/),
    ]);
  });
});

describe('Keeping secrets out of error messages', () => {
  it('never echoes a malformed token, nor the other secrets set beside it', () => {
    const wrongBotToken = 'xoxp-9999-8888-a-user-token-pasted-by-mistake';
    const wrongAppToken = 'xoxb-7777-app-token-slot-holds-a-bot-token';
    const error = configError({
      SLACK_BOT_TOKEN: wrongBotToken,
      SLACK_APP_TOKEN: wrongAppToken,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
    });
    expect(error.problems).toHaveLength(2);
    for (const secret of [wrongBotToken, wrongAppToken, SIGNING_SECRET, '9999-8888', '7777']) {
      expect(error.message).not.toContain(secret);
      expect(JSON.stringify(error.problems)).not.toContain(secret);
    }
  });

  it('never echoes the token given when the signing secret is missing', () => {
    const error = configError({ SLACK_BOT_TOKEN: BOT_TOKEN });
    expect(error.message).not.toContain(BOT_TOKEN);
  });
});

describe('A configuration is one of three modes, each with exactly its own settings', () => {
  const shared = [
    'adminUserIds',
    'databaseUrl',
    'experts',
    'helpChannel',
    'knowledgeDir',
    'logLevel',
    'retentionDays',
    'staleAfterDays',
    'storeQuestions',
    'tipChannels',
    'tipTimeZone',
  ];

  it('Socket Mode: bot and app tokens, no signing secret or port', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      PORT: '8080',
    });
    expect(Object.keys(config).sort()).toEqual(
      [...shared, 'mode', 'botToken', 'appToken', 'slackApiUrl'].sort(),
    );
  });

  it('HTTP: bot token, signing secret and port, no app token', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET });
    expect(Object.keys(config).sort()).toEqual(
      [...shared, 'mode', 'botToken', 'signingSecret', 'port', 'slackApiUrl'].sort(),
    );
  });

  it('the local console: nothing of Slack', () => {
    expect(Object.keys(loadConfig({ PORT: '8080' })).sort()).toEqual([...shared, 'mode'].sort());
  });

  it('narrows by mode, so a Slack setting is there without a cast once the mode is known', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN });
    if (config.mode === 'socket') {
      expectTypeOf(config.botToken).toEqualTypeOf<string>();
      expectTypeOf(config.appToken).toEqualTypeOf<string>();
    }
    const http = loadConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET }, 'http');
    expectTypeOf(http.signingSecret).toEqualTypeOf<string>();
    expectTypeOf(http.port).toEqualTypeOf<number>();
    expect(http.port).toBe(3000);
  });

  it('requires exactly the bot token and signing secret in HTTP mode', () => {
    expect(REQUIRED_IN_HTTP_MODE).toEqual(['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET']);
    expect(CONFIG_VARIABLES).toEqual(expect.arrayContaining(['SLACK_APP_TOKEN', 'PORT', 'KNOWLEDGE_DIR']));
    expect(CONFIG_VARIABLES).not.toContain('mode');
  });
});

describe('When a mode is asked for', () => {
  it('names SLACK_APP_TOKEN for a Socket Mode configuration without it', () => {
    let error: unknown;
    try {
      loadConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET }, 'socket');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      expect.stringMatching(/^SLACK_APP_TOKEN is missing: Socket Mode needs an app-level token/),
    ]);
  });

  it('names both Slack variables for an HTTP configuration of an empty environment', () => {
    expect(() => loadConfig({}, 'http')).toThrow(
      /SLACK_BOT_TOKEN is missing[\s\S]*SLACK_SIGNING_SECRET is missing/,
    );
  });

  it('ignores the app token when HTTP mode is asked for', () => {
    const env = {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
    };
    expect(loadConfig(env, 'http')).toMatchObject({ mode: 'http', signingSecret: SIGNING_SECRET });
  });
});

describe('Tips kept as configuration', () => {
  it('reads TIP_CHANNELS in the default time zone', () => {
    const config = loadConfig({ TIP_CHANNELS: 'C0123@09:00', TIP_TIMEZONE: 'Asia/Tokyo' });
    expect(config.tipChannels).toEqual([
      expect.objectContaining({ channel: 'C0123', time: '09:00', timeZone: 'Asia/Tokyo', source: 'config' }),
    ]);
  });

  it('names TIP_CHANNELS and the entry at fault', () => {
    expect(() => loadConfig({ TIP_CHANNELS: 'general@09:00' })).toThrow(
      /TIP_CHANNELS: "general@09:00" must start with a channel id/,
    );
  });
});

describe('Where "Ask the team" posts', () => {
  it('is unset unless HELP_CHANNEL and EXPERTS are set', () => {
    const config = loadConfig({});
    expect(config.helpChannel).toBeUndefined();
    expect(config.experts).toBeUndefined();
  });

  it('reads a channel id and one user group', () => {
    const config = loadConfig({ HELP_CHANNEL: ' C0HELP123 ', EXPERTS: 'S0EXPERTS' });
    expect(config.helpChannel).toBe('C0HELP123');
    expect(config.experts).toEqual(['S0EXPERTS']);
  });

  it('reads user ids separated by commas or spaces', () => {
    expect(loadConfig({ EXPERTS: 'U0AAA111, U0BBB222 W0CCC333' }).experts).toEqual([
      'U0AAA111',
      'U0BBB222',
      'W0CCC333',
    ]);
  });
});

describe('The command-line tools’ configuration', () => {
  it('is the repository’s knowledge folder and the default database when nothing is set', () => {
    expect(loadCliConfig({})).toEqual({
      knowledgeDir: DEFAULT_KNOWLEDGE_DIR,
      databaseUrl: undefined,
      staleAfterDays: 180,
    });
  });

  it('reads KNOWLEDGE_DIR and DATABASE_URL, trimmed', () => {
    expect(loadCliConfig({ KNOWLEDGE_DIR: ' ./kb ', DATABASE_URL: 'sqlite:x.sqlite' })).toEqual({
      knowledgeDir: './kb',
      databaseUrl: 'sqlite:x.sqlite',
      staleAfterDays: 180,
    });
  });

  it('reads STALE_AFTER_DAYS, and names it when it is not a number of days', () => {
    expect(loadCliConfig({ STALE_AFTER_DAYS: '30' }).staleAfterDays).toBe(30);
    expect(() => loadCliConfig({ STALE_AFTER_DAYS: 'soon' })).toThrow(/STALE_AFTER_DAYS/);
  });

  it('needs no Slack settings, even half-made ones', () => {
    expect(loadCliConfig({ SLACK_BOT_TOKEN: 'xoxp-user-token', PORT: 'x' }).knowledgeDir).toBe(
      DEFAULT_KNOWLEDGE_DIR,
    );
  });
});
