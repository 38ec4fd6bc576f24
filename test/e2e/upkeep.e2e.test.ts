import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from './harness.js';
import { sendSigned, slashCommandBody } from '../support/signed.js';
import { StandInSlack } from '../support/stand-in-slack.js';

let slack: StandInSlack;
let bot: RunningBot;

beforeAll(async () => {
  slack = await new StandInSlack().start();
  bot = await startBot(slack.url, undefined, { ADMIN_USER_IDS: 'UADMIN1', STORE_QUESTIONS: 'false' });
});

afterAll(async () => {
  await bot.stop();
  await slack.stop();
});

/** Sends `/docker <text>`; the reply is in the acknowledgement (questions) or a response_url post. */
async function command(text: string, user_id: string) {
  const id = `c-${Math.random()}`;
  const ack = await sendSigned(
    `${bot.url}/slack/events`,
    slashCommandBody({ text, user_id, response_url: slack.responseUrl(id) }),
    'application/x-www-form-urlencoded',
  );
  const body =
    ack.text !== ''
      ? (JSON.parse(ack.text) as Record<string, unknown>)
      : (
          await slack.waitFor(`the reply to "${text}"`, () =>
            slack.responses().find((r) => r.method === `/response/${id}`),
          )
        ).body;
  return { text: String(body.text), blocks: JSON.stringify(body.blocks) };
}

describe('Knowledge upkeep from Slack', () => {
  it('keeps no question text when STORE_QUESTIONS=false, but still counts topics', async () => {
    await command('what is a docker volume', 'U0001');
    await command('how is the weather', 'U0001');
    const rows = await slack.waitFor('both questions stored', () => {
      const db = new Database(bot.dbPath, { readonly: true });
      const found = db.prepare('SELECT question, topic FROM questions ORDER BY id').all();
      db.close();
      return found.length === 2 && found;
    });
    expect(rows).toEqual([
      { question: '', topic: 'volumes' },
      { question: '', topic: null },
    ]);
  });

  it('shows the report to admins only', async () => {
    expect((await command('admin report', 'U0002')).text).toContain('Only the bot admins');
    const report = await command('admin report 7', 'UADMIN1');
    expect(report.text).toContain('Most frequent unanswered questions');
    expect(report.text).toContain('1× (question text not stored)');
    expect(report.text).toContain('1× volumes');
  });
});
