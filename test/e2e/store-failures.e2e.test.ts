import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPrivatePostgres,
  postgresBinaries,
  type PrivatePostgres,
} from '../support/private-postgres.js';
import { startBotProcess, type BotProcess } from '../support/processes.js';
import { eventBody, sendSigned, slashCommandBody } from '../support/signed.js';
import { StandInSlack } from '../support/stand-in-slack.js';

/**
 * The bot as production runs it (`src/index.ts`) on a PostgreSQL of the test's own, which the test keeps
 * down at start, then starts, then pauses: answers need no database, so none of this may stop them.
 */
const binaries = postgresBinaries();

if ('missing' in binaries && process.env.CI === 'true') {
  describe('The bot on a PostgreSQL that misbehaves', () => {
    it('runs in CI, which installs PostgreSQL (.ci/postgres.sh) and runs the tests as root', () => {
      throw new Error(`cannot make a private PostgreSQL cluster: ${binaries.missing}`);
    });
  });
} else if ('missing' in binaries) {
  console.warn(`Skipping the PostgreSQL failure tests: ${binaries.missing} (.ci/postgres.sh installs it).`);
  describe.skip(`The bot on a PostgreSQL that misbehaves (skipped: ${binaries.missing})`, () => {
    it('needs PostgreSQL', () => {});
  });
} else {
  let database: PrivatePostgres;
  let slack: StandInSlack;
  let bot: BotProcess;
  const logs = () => bot.logs.join('');
  const health = async () => (await fetch(`${bot.url}/healthz`)).json() as Promise<Record<string, unknown>>;
  const storedQuestions = async (): Promise<string[]> => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (
        await client.query<{ question: string }>('SELECT question FROM questions ORDER BY id')
      ).rows.map((row) => row.question);
    } finally {
      await client.end();
    }
  };
  const ask = async (text: string, id: string) => {
    const sent = await sendSigned(
      `${bot.url}/slack/events`,
      slashCommandBody({ text, response_url: slack.responseUrl(id) }),
      'application/x-www-form-urlencoded',
    );
    expect(sent.status).toBe(200);
    // A question is answered in the acknowledgement's body; anything else through response_url.
    if (sent.text !== '') return { body: JSON.parse(sent.text) as Record<string, unknown> };
    return slack.waitFor(
      `the answer to ${id}`,
      () => slack.responses().find((c) => c.method === `/response/${id}`),
      10_000,
    );
  };

  beforeAll(async () => {
    slack = await new StandInSlack().start();
    database = await createPrivatePostgres(binaries.bin);
    // The database is down when the bot starts.
    bot = await startBotProcess(slack.url, { DATABASE_URL: database.url });
  }, 120_000);

  afterAll(async () => {
    database?.resume();
    if (bot) {
      bot.child.kill('SIGTERM');
      await bot.exited;
    }
    await slack?.stop();
    await database?.destroy();
  }, 30_000);

  describe('The bot on a PostgreSQL that misbehaves', () => {
    it('starts while the database is down, answers, and reports the store unavailable on /healthz', async () => {
      expect(logs()).toContain('could not open the store: answering without it');
      expect(await health()).toMatchObject({ ok: true, store: 'unavailable' });

      const answer = await ask('what is a volume', 'while-down');
      expect(JSON.stringify(answer.body)).toContain('volume');
      expect(bot.child.exitCode).toBeNull();
    });

    it('stores questions again once the database is up, without a restart', async () => {
      await database.start();
      await slack.waitFor('the store to open', () => logs().includes('store opened'), 45_000);
      expect(await health()).toMatchObject({ ok: true, store: 'ok' });

      await ask('what is an image', 'after-start');
      // The question asked while the database was down is not stored: that is what is lost.
      // Recorded after the answer: poll until it is there.
      const deadline = Date.now() + 10_000;
      while ((await storedQuestions()).length === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await storedQuestions()).toEqual(['what is an image']);
    }, 60_000);

    it('answers every mention while the database is paused, giving up the claims and logging it', async () => {
      database.pause();
      try {
        const channel = 'CPAUSED';
        for (let i = 0; i < 5; i++) {
          const ts = `1750000000.00010${i}`;
          const body = eventBody({
            type: 'app_mention',
            user: 'U0001',
            text: '<@UBOT> how do I list containers',
            ts,
            event_ts: ts,
            channel,
          });
          expect((await sendSigned(`${bot.url}/slack/events`, body, 'application/json')).status).toBe(200);
        }
        // Still paused: the answers did not wait for the database.
        await slack.waitFor(
          'five answers',
          () => slack.api('chat.postMessage').filter((call) => call.body.channel === channel).length === 5,
          15_000,
        );
        expect(logs()).toContain('could not claim a delivery; answering anyway');
      } finally {
        database.resume();
      }
    }, 30_000);
  });
}
