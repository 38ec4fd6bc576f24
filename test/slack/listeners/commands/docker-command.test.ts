import { describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../../../src/answers/button-values.js';
import {
  answerMessage,
  helpMessage,
  tipMessage,
  topicsMessage,
} from '../../../../src/answers/slack-messages.js';
import type { Lang } from '../../../../src/knowledge/types.js';
import { parseDockerCommand } from '../../../../src/conversation/docker-command.js';
import { dockerCommand } from '../../../../src/slack/listeners/commands/docker-command.js';
import { FIXED_NOW, realAnswers, realKnowledge, testButtons } from '../../../fakes/deps.js';
import { CHANNEL_ID, USER_ID, commandArgs, createListenerHarness } from '../../../fakes/slack-args.js';
import { platformError } from '../../../fakes/slack-client.js';

/** Runs `/docker <text>` for a person whose Slack locale is `locale`. */
async function runDocker(text: string, locale = 'en-US') {
  const h = createListenerHarness();
  h.slack.locale = locale;
  await dockerCommand(h.deps)(commandArgs(h, { text }));
  return h;
}

describe('/docker', () => {
  describe('When it is run', () => {
    it('answers a question in the acknowledgement itself, with no other call', async () => {
      const h = await runDocker('How do I list running containers?');
      expect(h.timeline).toEqual(['ack with reply']);
    });

    it('acknowledges before it looks anything up in Slack', async () => {
      const h = await runDocker('');
      expect(h.timeline).toEqual(['ack', 'users.info', 'respond']);
    });

    it('answers privately, and posts nothing in the channel', async () => {
      const h = await runDocker('How do I list running containers?');
      expect(h.responses).toHaveLength(1);
      expect(h.responses[0]?.response_type).toBe('ephemeral');
      expect(h.slack.argsOf('chat.postMessage')).toEqual([]);
    });
  });

  describe('When asked for help', () => {
    it.each<[string, Lang]>([
      ['help', 'en'],
      ['HELP', 'en'],
      ['  help  ', 'en'],
      ['?', 'en'],
      ['ヘルプ', 'ja'],
      ['使い方', 'ja'],
    ])('"%s" shows the usage in %s, without looking up the locale', async (text, lang) => {
      const h = await runDocker(text, lang === 'en' ? 'ja-JP' : 'en-US');
      expect(h.responses).toEqual([{ response_type: 'ephemeral', ...helpMessage(lang) }]);
      expect(h.slack.argsOf('users.info')).toEqual([]);
      expect(h.store.questions).toEqual([]);
    });
  });

  describe('When run with no text', () => {
    it.each<[string, string | undefined, Lang]>([
      ['a Japanese locale', 'ja-JP', 'ja'],
      ['an English locale', 'en-US', 'en'],
      ['a locale in another language', 'fr-FR', 'en'],
      ['no locale', undefined, 'en'],
    ])("shows the usage in the person's Slack language for %s", async (_label, locale, lang) => {
      const h = createListenerHarness();
      h.slack.locale = locale;
      await dockerCommand(h.deps)(commandArgs(h, { text: '' }));

      expect(h.slack.argsOf('users.info')).toEqual([{ user: USER_ID, include_locale: true }]);
      expect(h.responses).toEqual([{ response_type: 'ephemeral', ...helpMessage(lang) }]);
    });

    it('treats whitespace as no text', async () => {
      const h = await runDocker('   ', 'ja-JP');
      expect(h.responses[0]).toMatchObject(helpMessage('ja'));
    });

    it('shows English usage when users.info fails', async () => {
      const h = createListenerHarness();
      h.slack.fail('users.info', platformError('missing_scope'));
      await dockerCommand(h.deps)(commandArgs(h, { text: '' }));

      expect(h.responses).toEqual([{ response_type: 'ephemeral', ...helpMessage('en') }]);
    });
  });

  describe('When asked for the topics', () => {
    it.each<[string, Lang]>([
      ['topics', 'en'],
      ['topic', 'en'],
      ['List', 'en'],
      ['トピック', 'ja'],
      ['一覧', 'ja'],
      ['話題', 'ja'],
    ])('"%s" lists every topic in %s', async (text, lang) => {
      const h = await runDocker(text);
      expect(h.responses).toEqual([{ response_type: 'ephemeral', ...topicsMessage(lang, realKnowledge()) }]);
      expect(h.store.questions).toEqual([]);
    });
  });

  describe('When asked for a tip', () => {
    it.each<[string, string, Lang]>([
      ['tip', 'en-US', 'en'],
      ['tips', 'en-US', 'en'],
      ['tip', 'ja-JP', 'ja'],
      ['ヒント', 'ja-JP', 'ja'],
    ])('"%s" for a %s user shows the tip of one topic in %s', async (text, locale, lang) => {
      const h = await runDocker(text, locale);

      const reply = h.responses[0];
      const button = JSON.stringify(reply?.blocks).match(
        new RegExp(`"action_id":"${ACTION_IDS.showTopicPrefix}[^"]+","value":"([^"|]+)\\|(en|ja)"`),
      );
      const topic = realKnowledge().byId.get(button?.[1] ?? '');
      if (!topic) throw new Error(`no show_topic button naming a known topic in ${JSON.stringify(reply)}`);
      expect(reply).toEqual({ response_type: 'ephemeral', ...tipMessage(topic, lang) });
      expect(h.store.questions).toEqual([]);
    });
  });

  describe('When asked a question', () => {
    it('answers it with a button to share the answer, and records it', async () => {
      const question = 'How do I list running containers?';
      const h = await runDocker(`  ${question} `);

      const answer = realAnswers().answer(question);
      expect(answer.topic).toBe('docker-ps');
      expect(h.responses).toEqual([
        {
          response_type: 'ephemeral',
          ...answerMessage(answer, realKnowledge(), {
            shareable: true,
            buttons: testButtons,
            forUser: USER_ID,
          }),
        },
      ]);
      expect(JSON.stringify(h.responses[0]?.blocks)).toContain(ACTION_IDS.shareAnswer);
      expect(h.store.questions).toEqual([
        {
          question,
          topic: 'docker-ps',
          answered: true,
          score: answer.score,
          lang: 'en',
          userId: USER_ID,
          surface: 'command',
          at: FIXED_NOW,
        },
      ]);
    });

    it('answers a Japanese question in Japanese, whatever the locale', async () => {
      const h = await runDocker('コンテナの一覧を見るには？', 'en-US');
      expect(h.responses[0]?.text).toContain('コンテナ一覧を表示する');
      expect(h.store.questions[0]).toMatchObject({ lang: 'ja', topic: 'docker-ps' });
    });

    it('says it is not sure, offers no share button, and records the question as unanswered', async () => {
      const h = await runDocker('qwxyz blorp');
      expect(JSON.stringify(h.responses[0]?.blocks)).not.toContain(ACTION_IDS.shareAnswer);
      expect(h.store.questions[0]).toMatchObject({ question: 'qwxyz blorp', answered: false, topic: null });
    });

    it.each(['help me run a container', 'topics about volumes'])(
      'treats a subcommand word followed by more words as a question: "%s"',
      async (text) => {
        const h = await runDocker(text);
        const answer = realAnswers().answer(text);
        expect(h.responses).toEqual([
          {
            response_type: 'ephemeral',
            ...answerMessage(answer, realKnowledge(), {
              shareable: answer.answered,
              buttons: testButtons,
              forUser: USER_ID,
            }),
          },
        ]);
        expect(h.store.questions).toEqual([expect.objectContaining({ question: text, surface: 'command' })]);
      },
    );
  });

  describe('When the reply cannot be delivered', () => {
    it('logs a failed response_url delivery with the channel, and does not throw', async () => {
      const h = createListenerHarness();
      h.failRespond(
        Object.assign(new Error('Request failed with status code 404'), { code: 'ERR_BAD_REQUEST' }),
      );

      // `/docker` alone needs the asker's locale first, so its reply goes through response_url.
      await expect(dockerCommand(h.deps)(commandArgs(h, { text: '' }))).resolves.toBeUndefined();
      expect(h.timeline).toEqual(['ack', 'users.info', 'respond']);
      expect(h.logged('could not reply through response_url')).toMatchObject({
        level: 'error',
        channel: CHANNEL_ID,
      });
    });

    it('still answers when the question cannot be stored, and logs that', async () => {
      const h = createListenerHarness();
      h.store.failWith('recordQuestion', new Error('database is locked'));

      await dockerCommand(h.deps)(commandArgs(h, { text: 'How do I list running containers?' }));
      expect(h.responses).toHaveLength(1);
      expect(h.logged('could not store the question')).toMatchObject({ level: 'error', surface: 'command' });
    });
  });
});

describe('parseDockerCommand', () => {
  it.each([
    ['', 'help'],
    ['ヘルプ', 'help'],
    ['一覧', 'topics'],
    ['ヒント', 'tip'],
    ['tip subscribe 09:00', 'tip'],
    ['what is an image', 'question'],
    ['list containers', 'question'],
  ])('reads "%s" as %s', (text, kind) => {
    expect(parseDockerCommand(text)).toMatchObject({ kind });
  });
});
