import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotProcess, type BotProcess } from '../support/processes.js';
import {
  blockActionPayload,
  eventBody,
  payloadBody,
  sendSigned,
  slashCommandBody,
} from '../support/signed.js';
import { StandInSlack } from '../support/stand-in-slack.js';
import { readTeachButtonValue } from '../../src/conversation/teach.js';
import { dropTestDatabase } from '../support/drop-database.js';

/**
 * Two replicas of the bot, as on Kubernetes or ECS: two processes, one PostgreSQL database, and a load
 * balancer that may hand the same event to either or both.
 */
const adminUrl = process.env.TEST_DATABASE_URL?.trim();
const MAINTAINER = 'U0MAINT';
const FORM = 'application/x-www-form-urlencoded';

/** Resolves once `check` holds, trying every 200 ms; fails after `ms`. */
async function eventually(what: string, check: () => Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A submitted teach modal, as Slack posts it: the question and the topic it means. */
function teachSubmissionPayload(user: string, question: string, topic: string) {
  return {
    type: 'view_submission',
    team: { id: 'T0001', domain: 'example' },
    user: { id: user, username: 'maintainer', team_id: 'T0001' },
    api_app_id: 'A0001',
    token: 'deprecated-verification-token',
    trigger_id: '1.2.4',
    view: {
      id: 'V0TEACH',
      type: 'modal',
      callback_id: 'teach_docker_bot',
      private_metadata: '',
      hash: '1.abc',
      state: {
        values: {
          question: { value: { type: 'plain_text_input', value: question } },
          topic: {
            value: {
              type: 'static_select',
              selected_option: { value: topic, text: { type: 'plain_text', text: topic } },
            },
          },
        },
      },
    },
  };
}

if (!adminUrl && process.env.CI === 'true') {
  describe('Two replicas on one PostgreSQL', () => {
    it('runs in CI, which must set TEST_DATABASE_URL', () => {
      throw new Error('TEST_DATABASE_URL is unset; CI runs eval "$(bash .ci/postgres.sh)" before the tests.');
    });
  });
} else if (!adminUrl) {
  console.warn(
    'Skipping the two-replica test: TEST_DATABASE_URL is unset (eval "$(bash .ci/postgres.sh)" sets it).',
  );
  describe.skip('Two replicas on one PostgreSQL (skipped: TEST_DATABASE_URL is unset)', () => {
    it('needs PostgreSQL', () => {});
  });
} else {
  const database = `bot_replicas_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Pool({ connectionString: adminUrl, max: 1 });
  let slack: StandInSlack;
  let replicas: BotProcess[] = [];

  beforeAll(async () => {
    await admin.query(`CREATE DATABASE ${database}`);
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    slack = await new StandInSlack().start();
    // A tip due a minute ago: each replica's first tick on start would post it. The zone is chosen
    // so that a minute ago is the same local day (UTC-12 while it is just past midnight in UTC).
    const zone =
      new Date().getUTCHours() < 1 ? { name: 'Etc/GMT+12', hours: -12 } : { name: 'UTC', hours: 0 };
    const due = new Date(Date.now() - 60_000 + zone.hours * 3_600_000);
    const time = `${String(due.getUTCHours()).padStart(2, '0')}:${String(due.getUTCMinutes()).padStart(2, '0')}`;
    const env = {
      DATABASE_URL: url.href,
      TIP_CHANNELS: `CREPLICA1@${time}@daily`,
      TIP_TIMEZONE: zone.name,
      ADMIN_USER_IDS: MAINTAINER,
    };
    replicas = await Promise.all([startBotProcess(slack.url, env), startBotProcess(slack.url, env)]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(
      replicas.map(async ({ child, exited }) => {
        child.kill('SIGTERM');
        await exited;
      }),
    );
    await slack.stop();
    await dropTestDatabase(admin, database);
    await admin.end();
  });

  describe('Two replicas on one PostgreSQL', () => {
    it('posts one tip per channel per day between them', async () => {
      await slack.waitFor(
        'the tip',
        () => slack.api('chat.postMessage').find((c) => c.body.channel === 'CREPLICA1'),
        10_000,
      );
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(slack.api('chat.postMessage').filter((c) => c.body.channel === 'CREPLICA1')).toHaveLength(1);
    });

    it('both answer questions', async () => {
      const acks = await Promise.all(
        replicas.map((replica, i) =>
          sendSigned(
            `${replica.url}/slack/events`,
            slashCommandBody({
              text: i === 0 ? 'what is an image' : 'ボリュームとは',
              response_url: slack.responseUrl(`r${i}`),
            }),
            'application/x-www-form-urlencoded',
          ),
        ),
      );
      expect(acks.map((ack) => (JSON.parse(ack.text) as { text: string }).text)).toEqual([
        expect.stringContaining('What is a Docker image?'),
        expect.stringContaining('ボリューム'),
      ]);
    });

    it('accepts a Share button one replica made when the other receives the click', async () => {
      const form = 'application/x-www-form-urlencoded';
      const [first, second] = replicas as [BotProcess, BotProcess];
      const ack = await sendSigned(
        `${first.url}/slack/events`,
        slashCommandBody({
          text: 'what is a docker volume',
          user_id: 'U0SHARE',
          response_url: slack.responseUrl('q'),
        }),
        form,
      );
      const blocks = JSON.stringify((JSON.parse(ack.text) as { blocks: unknown }).blocks);
      const value = /"action_id":"share_answer","value":("(?:[^"\\]|\\.)*")/.exec(blocks)?.[1];
      expect(value).toBeDefined();
      await sendSigned(
        `${second.url}/slack/events`,
        payloadBody(
          blockActionPayload({
            actionId: 'share_answer',
            value: JSON.parse(value ?? '""') as string,
            user: 'U0SHARE',
            responseUrl: slack.responseUrl('shared'),
          }),
        ),
        form,
      );
      const shared = await slack.waitFor('the shared answer', () =>
        slack
          .responses()
          .find((r) => r.method === '/response/shared' && r.body.response_type === 'in_channel'),
      );
      expect(String(shared.body.text)).toContain('what is a docker volume');
    });

    it('replies once to an event that both receive', async () => {
      for (let n = 0; n < 5; n++) {
        const ts = `17000050${n}0.000100`;
        const body = eventBody({
          type: 'app_mention',
          user: 'U0001',
          text: '<@UBOT> what is kubectl',
          ts,
          channel: 'CREPLICA2',
          event_ts: ts,
        });
        await Promise.all(
          replicas.map((replica) => sendSigned(`${replica.url}/slack/events`, body, 'application/json')),
        );
      }
      await slack.waitFor(
        'five replies',
        () => slack.api('chat.postMessage').filter((c) => c.body.channel === 'CREPLICA2').length >= 5,
      );
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const replies = slack.api('chat.postMessage').filter((c) => c.body.channel === 'CREPLICA2');
      expect(replies).toHaveLength(5);
      expect(new Set(replies.map((c) => c.body.thread_ts)).size).toBe(5);
    });

    it('answers on the other replica, within 10 seconds, what a maintainer taught from the report', async () => {
      const [first, second] = replicas as [BotProcess, BotProcess];
      const question = 'my kb keeps forgetting stuff';
      const ask = async (replica: BotProcess, text: string, user = 'U0ASKER') => {
        const ack = await sendSigned(
          `${replica.url}/slack/events`,
          slashCommandBody({ text, user_id: user, response_url: slack.responseUrl('teach') }),
          FORM,
        );
        return JSON.parse(ack.text) as { text: string; blocks: unknown[] };
      };
      expect((await ask(second, question)).text).toContain("I'm not sure");

      // The report on replica A lists the unanswered question with a Teach button (once it is recorded).
      let value: string | undefined;
      let attempt = 0;
      await eventually(
        'the Teach button in the report',
        async () => {
          const key = `report-${++attempt}`;
          await sendSigned(
            `${first.url}/slack/events`,
            slashCommandBody({
              text: 'admin report',
              user_id: MAINTAINER,
              response_url: slack.responseUrl(key),
            }),
            FORM,
          );
          const report = await slack.waitFor('the report', () =>
            slack.responses().find((r) => r.method === `/response/${key}`),
          );
          const match = /"action_id":"teach_question","value":("(?:[^"\\]|\\.)*")/.exec(
            JSON.stringify(report.body),
          );
          value = match ? (JSON.parse(match[1] ?? '""') as string) : undefined;
          return value !== undefined && readTeachButtonValue(value)?.q === question;
        },
        10_000,
      );

      await sendSigned(
        `${first.url}/slack/events`,
        payloadBody(
          blockActionPayload({
            actionId: 'teach_question',
            value: value ?? '',
            user: MAINTAINER,
            responseUrl: slack.responseUrl('teach-click'),
          }),
        ),
        FORM,
      );
      const opened = await slack.waitFor('the teach modal', () => slack.api('views.open')[0]);
      expect(JSON.stringify(opened.body)).toContain(question);

      const submitted = await sendSigned(
        `${first.url}/slack/events`,
        payloadBody(teachSubmissionPayload(MAINTAINER, question, 'volumes')),
        FORM,
      );
      expect(submitted.status).toBe(200);
      expect(submitted.text).not.toContain('errors');
      const taughtAt = Date.now();

      await eventually(
        'the answer on replica B',
        async () => (await ask(second, question)).text.includes('volume'),
        10_000,
      );
      expect(Date.now() - taughtAt).toBeLessThan(10_000);
      const answer = await ask(second, question);
      expect(JSON.stringify(answer.blocks)).toContain('feedback_helpful');
    }, 60_000);

    it("refuses a non-maintainer's forged submission", async () => {
      const [first, second] = replicas as [BotProcess, BotProcess];
      const question = 'teach me nothing forged please';
      const submitted = await sendSigned(
        `${first.url}/slack/events`,
        payloadBody(teachSubmissionPayload('U0INTRUDER', question, 'volumes')),
        FORM,
      );
      expect(JSON.parse(submitted.text)).toMatchObject({
        response_action: 'errors',
        errors: { question: expect.stringContaining('only the bot maintainers') as unknown },
      });
      // Longer than a poll: had it been stored, replica B would answer it by now.
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      const ack = await sendSigned(
        `${second.url}/slack/events`,
        slashCommandBody({ text: question, user_id: 'U0ASKER', response_url: slack.responseUrl('forged') }),
        FORM,
      );
      expect((JSON.parse(ack.text) as { text: string }).text).toContain("I'm not sure");
    }, 30_000);
  });
}
