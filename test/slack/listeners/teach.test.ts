import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { createAnswerService } from '../../../src/answers/answer-service.js';
import { ACTION_IDS } from '../../../src/answers/button-values.js';
import { phrase } from '../../../src/answers/messages.js';
import { answerMessage } from '../../../src/answers/slack-messages.js';
import { adminCommandReply } from '../../../src/conversation/admin-command.js';
import type { Asker } from '../../../src/conversation/request.js';
import { readTeachButtonValue, teachButtonValue } from '../../../src/conversation/teach.js';
import { showTopic } from '../../../src/slack/listeners/actions/show-topic.js';
import { teachButton } from '../../../src/slack/listeners/actions/teach.js';
import { teachShortcut } from '../../../src/slack/listeners/shortcuts/teach-shortcut.js';
import { teachSubmission } from '../../../src/slack/listeners/views/teach-submission.js';
import { TEACH_VIEW_CALLBACK_ID } from '../../../src/slack/teach-modal.js';
import { FIXED_NOW, realKnowledge, testButtons } from '../../fakes/deps.js';
import {
  buttonArgs,
  createListenerHarness,
  messageShortcutArgs,
  type ListenerHarness,
} from '../../fakes/slack-args.js';

const MAINTAINER = 'U0MAINT';
const SOMEONE = 'U0SOMEONE';

/** A harness whose maintainer is MAINTAINER, with answers of its own (teaching changes them). */
function harness(): ListenerHarness {
  const h = createListenerHarness();
  h.deps.adminUserIds = [MAINTAINER];
  h.deps.answers = createAnswerService(realKnowledge());
  return h;
}

interface Fields {
  question?: string;
  topic?: string | null;
  topicId?: string;
  titleEn?: string;
  titleJa?: string;
  answerEn?: string;
  answerJa?: string;
  links?: string;
  related?: string;
  expertReply?: string;
}

/** A submitted teach modal, as Bolt hands it to the view listener. */
function submission(h: ListenerHarness, user: string, fields: Fields) {
  const values: Record<string, Record<string, unknown>> = {};
  for (const [block, value] of Object.entries(fields)) {
    values[block] =
      block === 'topic'
        ? { value: { type: 'static_select', selected_option: value === null ? null : { value } } }
        : { value: { type: 'plain_text_input', value } };
  }
  const acks: unknown[] = [];
  const view = { id: 'V0TEACH', callback_id: TEACH_VIEW_CALLBACK_ID, state: { values } };
  const args = {
    ack: async (response?: unknown) => void acks.push(response ?? null),
    body: { type: 'view_submission', user: { id: user }, view },
    view,
    payload: view,
    client: h.slack.client,
    logger: h.deps.logger,
    next: async () => {},
    context: {},
  };
  return { args: args as unknown as Parameters<ReturnType<typeof teachSubmission>>[0], acks };
}

describe('When a maintainer uses "Teach the Docker bot" on a message', () => {
  it('opens the teach modal with the message as the question and every topic to pick from', async () => {
    const h = harness();
    await teachShortcut(h.deps)(
      messageShortcutArgs(h, { user: MAINTAINER, message: { text: 'my files vanish' } }),
    );

    expect(h.timeline).toEqual(['ack', 'views.open']);
    const { trigger_id, view } = h.slack.argsOf('views.open')[0] as {
      trigger_id: string;
      view: {
        callback_id: string;
        blocks: (KnownBlock & { block_id?: string; element?: Record<string, unknown> })[];
      };
    };
    expect(trigger_id).toBe('1.2.3');
    expect(view.callback_id).toBe('teach_docker_bot');
    const byId = Object.fromEntries(view.blocks.map((block) => [block.block_id, block.element]));
    expect(byId.question).toMatchObject({ initial_value: 'my files vanish' });
    const options = (byId.topic as { type: string; options: { value: string }[] }).options;
    expect((byId.topic as { type: string }).type).toBe('static_select');
    expect(options.map((o) => o.value).sort()).toEqual(
      realKnowledge()
        .topics.map((t) => t.id)
        .sort(),
    );
    for (const field of ['topicId', 'titleEn', 'titleJa', 'answerEn', 'answerJa', 'links', 'related']) {
      expect(byId[field], field).toBeDefined();
    }
  });
});

describe('Teaching from a help thread ("Ask the team")', () => {
  const HELP = 'C0HELP';
  const POST_TS = '1750000000.000300';

  /** A harness whose store knows the help post POST_TS in HELP, asked by U0ASKER. */
  async function withHelpRequest() {
    const h = harness();
    await h.deps.store.saveHelpRequest({
      id: 'help-1',
      asker: 'U0ASKER',
      anonymous: false,
      question: 'my db is empty after compose down',
      lang: 'en',
      askedIn: null,
      helpChannel: HELP,
      helpTs: POST_TS,
      createdAt: FIXED_NOW,
      notifiedAt: null,
    });
    return h;
  }

  /** The initial values of the modal views.open was called with, by block id. */
  function prefilled(h: ListenerHarness): Record<string, unknown> {
    const { view } = h.slack.argsOf('views.open')[0] as {
      view: { blocks: { block_id?: string; element?: { initial_value?: string } }[] };
    };
    return Object.fromEntries(view.blocks.map((block) => [block.block_id, block.element?.initial_value]));
  }

  it("opens the modal from the help post's Teach the bot with the question and the first expert's reply", async () => {
    const h = await withHelpRequest();
    h.slack.replies = [
      { ts: POST_TS, bot_id: 'B0BOT', text: 'A question for the team' },
      { ts: '1750000000.000301', user: 'U0ASKER', text: 'it was there yesterday' },
      {
        ts: '1750000000.000302',
        user: 'U0EXPERT',
        text: '`compose down -v` deletes named volumes; drop -v.',
      },
    ];
    const args = buttonArgs(h, {
      action_id: ACTION_IDS.teachQuestion,
      value: teachButtonValue('my db is empty after compose down'),
      user: MAINTAINER,
      container: { type: 'message', message_ts: POST_TS, channel_id: HELP, is_ephemeral: false },
    });
    Object.assign(args.body, { channel: { id: HELP }, message: { ts: POST_TS } });

    await teachButton(h.deps)(args);

    expect(h.slack.argsOf('conversations.replies')).toEqual([{ channel: HELP, ts: POST_TS, limit: 20 }]);
    expect(prefilled(h)).toMatchObject({
      question: 'my db is empty after compose down',
      answerEn: '`compose down -v` deletes named volumes; drop -v.',
      expertReply: '`compose down -v` deletes named volumes; drop -v.',
    });
  });

  it('opens it with the question alone when Slack cannot give the thread', async () => {
    const h = await withHelpRequest();
    h.slack.fail('conversations.replies', new Error('socket hang up'));
    const args = buttonArgs(h, {
      action_id: ACTION_IDS.teachQuestion,
      value: teachButtonValue('my db is empty after compose down'),
      user: MAINTAINER,
    });
    Object.assign(args.body, { channel: { id: HELP }, message: { ts: POST_TS } });

    await teachButton(h.deps)(args);

    expect(prefilled(h)).toMatchObject({ question: 'my db is empty after compose down' });
    expect(h.logged('could not read the help thread to teach from')).toMatchObject({ level: 'warn' });
  });

  it("takes the shortcut on an expert's reply as that reply to the thread's question", async () => {
    const h = await withHelpRequest();
    await teachShortcut(h.deps)(
      messageShortcutArgs(h, {
        user: MAINTAINER,
        channel: HELP,
        message: {
          text: 'Named volumes survive unless you pass -v.',
          ts: '1750000000.000302',
          thread_ts: POST_TS,
        },
      }),
    );

    expect(prefilled(h)).toMatchObject({
      question: 'my db is empty after compose down',
      expertReply: 'Named volumes survive unless you pass -v.',
    });
    expect(h.slack.argsOf('conversations.replies')).toEqual([]);
  });
});

describe('When someone who is not a maintainer tries to teach', () => {
  it('refuses the shortcut politely and privately, opens nothing, and logs it', async () => {
    const h = harness();
    await teachShortcut(h.deps)(messageShortcutArgs(h, { user: SOMEONE }));

    expect(h.slack.argsOf('views.open')).toEqual([]);
    expect(h.responses).toEqual([{ response_type: 'ephemeral', text: phrase('teachOnlyMaintainers', 'en') }]);
    expect(h.logged('teaching refused: not a maintainer')).toMatchObject({ level: 'warn', user: SOMEONE });
  });

  it('refuses a forged submission in the modal, stores nothing, and logs it', async () => {
    const h = harness();
    const { args, acks } = submission(h, SOMEONE, {
      question: 'my files vanish between runs',
      topic: 'volumes',
    });
    await teachSubmission(h.deps)(args);

    expect(acks).toEqual([
      { response_action: 'errors', errors: { question: phrase('teachOnlyMaintainers', 'en') } },
    ]);
    expect(await h.store.listLearnedPhrasings()).toEqual([]);
    expect(h.logged('teaching refused: not a maintainer')).toMatchObject({ user: SOMEONE });
  });

  it('refuses a forged report button: no modal, nothing taught', async () => {
    const h = harness();
    await teachButton(h.deps)(
      buttonArgs(h, { action_id: ACTION_IDS.teachQuestion, value: 'q?', user: SOMEONE }),
    );
    await teachButton(h.deps)(
      buttonArgs(h, {
        action_id: ACTION_IDS.teachSuggested,
        value: teachButtonValue('my files vanish', 'volumes'),
        user: SOMEONE,
      }),
    );
    expect(h.slack.argsOf('views.open')).toEqual([]);
    expect(await h.store.listLearnedPhrasings()).toEqual([]);
    expect(h.responses.map((r) => r.text)).toEqual([
      phrase('teachOnlyMaintainers', 'en'),
      phrase('teachOnlyMaintainers', 'en'),
    ]);
  });
});

describe('When a maintainer submits the teach modal', () => {
  it('with a topic: stores the phrasing, answers it at once, and tells the maintainer by DM', async () => {
    const h = harness();
    expect(h.deps.answers.answer('my files vanish between runs').topic).not.toBe('volumes');
    const { args, acks } = submission(h, MAINTAINER, {
      question: 'my files vanish between runs',
      topic: 'volumes',
    });
    await teachSubmission(h.deps)(args);

    expect(acks).toEqual([null]);
    expect(await h.store.listLearnedPhrasings()).toEqual([
      expect.objectContaining({
        phrasing: 'my files vanish between runs',
        topic: 'volumes',
        taughtBy: MAINTAINER,
        taughtAt: FIXED_NOW,
      }),
    ]);
    expect(h.deps.answers.answer('my files vanish between runs').topic).toBe('volumes');
    expect(h.slack.argsOf('chat.postMessage')).toEqual([
      expect.objectContaining({ channel: MAINTAINER, text: expect.stringContaining('Learned') as unknown }),
    ]);
  });

  it('shows each problem beside its field and keeps the modal open', async () => {
    const h = harness();
    const cases: [Fields, Record<string, unknown>][] = [
      [{ question: ' ab ', topic: 'volumes' }, { question: expect.stringContaining('3 to 300') }],
      [{ question: 'docker volume', topic: 'image' }, { topic: expect.stringContaining('"volumes"') }],
      [{ question: 'my files vanish', topic: null }, { topic: expect.stringContaining('Pick') }],
      [
        {
          question: 'how do I scan an image',
          topic: null,
          topicId: 'volumes',
          titleEn: 'x',
          titleJa: '',
          answerEn: 'x',
          answerJa: 'x',
          links: 'ftp://x',
        },
        {
          topicId: expect.stringContaining('exists'),
          titleJa: 'Required.',
          links: expect.stringContaining('https'),
        },
      ],
    ];
    for (const [fields, errors] of cases) {
      const { args, acks } = submission(h, MAINTAINER, fields);
      await teachSubmission(h.deps)(args);
      expect(acks).toEqual([{ response_action: 'errors', errors }]);
    }
    expect(await h.store.listLearnedPhrasings()).toEqual([]);
    expect(await h.store.listDraftTopics()).toEqual([]);
  });

  it('as a new topic: saves a draft with who and when, which is never served', async () => {
    const h = harness();
    const { args, acks } = submission(h, MAINTAINER, {
      question: 'how do I scan my image for vulnerabilities',
      topic: null,
      topicId: 'docker-scout',
      titleEn: 'What is Docker Scout?',
      titleJa: 'Docker Scout とは',
      answerEn: 'Docker Scout lists the known vulnerabilities of an image.',
      answerJa: 'Docker Scout はイメージの既知の脆弱性を一覧にします。',
      links: 'https://docs.docker.com/scout/',
      related: 'image',
      expertReply: 'Try Docker Scout.',
    });
    await teachSubmission(h.deps)(args);

    expect(acks).toEqual([null]);
    expect(await h.store.listDraftTopics()).toEqual([
      expect.objectContaining({
        topicId: 'docker-scout',
        sourceQuestion: 'how do I scan my image for vulnerabilities',
        expertReply: 'Try Docker Scout.',
        taughtBy: MAINTAINER,
        createdAt: FIXED_NOW,
      }),
    ]);
    expect(h.deps.answers.answer('how do I scan my image for vulnerabilities').topic).not.toBe(
      'docker-scout',
    );
  });
});

describe('The report for maintainers', () => {
  const maintainer: Asker = {
    userId: MAINTAINER,
    channelId: 'D0MAINT',
    surface: 'command',
    profile: async () => ({ lang: 'en' }),
  };
  const buttonsOf = (blocks: KnownBlock[]) =>
    blocks.flatMap((block) =>
      'accessory' in block && block.accessory
        ? [block.accessory as { action_id: string; value: string }]
        : [],
    );

  it('offers Teach beside each unanswered question, lists what was taught, and the phrasings two people resolved', async () => {
    const h = harness();
    for (const question of ['kb keeps forgetting stuff', 'kb keeps forgetting stuff', 'lunch?']) {
      await h.store.recordQuestion({
        question,
        topic: null,
        answered: false,
        score: 0,
        lang: 'en',
        userId: 'U1',
        surface: 'command',
        at: FIXED_NOW,
      });
    }
    await h.store.saveLearnedPhrasing({
      phrasing: 'my files vanish',
      normalized: 'my files vanish',
      topic: 'volumes',
      taughtBy: MAINTAINER,
      taughtAt: FIXED_NOW,
    });
    for (const userId of ['U1', 'U2']) {
      await h.store.recordSuggestionClick({
        question: 'where do logs go',
        normalized: 'where do logs go',
        topic: 'docker-logs',
        userId,
        at: FIXED_NOW,
      });
    }
    await h.store.recordSuggestionClick({
      question: 'only one person',
      normalized: 'only one person',
      topic: 'image',
      userId: 'U1',
      at: FIXED_NOW,
    });

    const reply = await adminCommandReply(h.deps, maintainer, ['report'], 'en');
    const buttons = buttonsOf(reply.message.blocks);
    expect(
      buttons
        .filter((b) => b.action_id === ACTION_IDS.teachQuestion)
        .map((b) => readTeachButtonValue(b.value)?.q),
    ).toEqual(['kb keeps forgetting stuff', 'lunch?']);
    expect(buttons.filter((b) => b.action_id === ACTION_IDS.teachSuggested).map((b) => b.value)).toEqual([
      teachButtonValue('where do logs go', 'docker-logs'),
    ]);
    const text = JSON.stringify(reply.message.blocks);
    expect(text).toContain(`#1 \\"my files vanish\\" → volumes, taught by ${MAINTAINER} on 2025-06-01`);
  });

  it('Teach beside an unanswered question opens the modal for it', async () => {
    const h = harness();
    await teachButton(h.deps)(
      buttonArgs(h, {
        action_id: ACTION_IDS.teachQuestion,
        value: teachButtonValue('kb keeps forgetting stuff'),
        user: MAINTAINER,
      }),
    );
    expect(JSON.stringify(h.slack.argsOf('views.open'))).toContain(
      '"initial_value":"kb keeps forgetting stuff"',
    );
  });

  it('one-click Teach stores the phrasing and answers it at once', async () => {
    const h = harness();
    await teachButton(h.deps)(
      buttonArgs(h, {
        action_id: ACTION_IDS.teachSuggested,
        value: teachButtonValue('where do logs go', 'docker-logs'),
        user: MAINTAINER,
      }),
    );
    expect(h.responses.map((r) => r.text)).toEqual([expect.stringContaining('Learned')]);
    expect(h.deps.answers.answer('where do logs go').topic).toBe('docker-logs');
  });
});

describe('When the asker of a "not sure" reply clicks one of its suggestions', () => {
  it('records the question, topic and user for the report', async () => {
    const h = harness();
    const answer = h.deps.answers.answer('kb keeps forgetting stuff please help with the thing');
    const notSure = { ...answer, answered: false, topic: null, suggestions: ['volumes', 'image'] };
    const message = answerMessage(notSure, realKnowledge(), {
      shareable: true,
      buttons: testButtons,
      forUser: 'U0ASKER',
    });
    const value = JSON.stringify(message.blocks).match(
      /"action_id":"show_topic:volumes","value":("(?:[^"\\]|\\.)*")/,
    )?.[1];
    expect(value).toBeDefined();

    await showTopic(h.deps)(
      buttonArgs(h, { action_id: 'show_topic:volumes', value: JSON.parse(value ?? '""') as string }),
    );
    await new Promise((resolve) => setImmediate(resolve));

    expect(h.responses[0]?.text).toContain('volume');
    expect(await h.store.listSuggestionClicks(new Date(0))).toEqual([
      {
        question: notSure.question,
        normalized: 'kb keeps forgetting stuff please help with the thing',
        topic: 'volumes',
        userId: 'U0ASKER',
        at: FIXED_NOW,
      },
    ]);
  });

  it("does not record someone else's click on the asker's private reply", async () => {
    const h = harness();
    const notSure = {
      ...h.deps.answers.answer('xyz'),
      answered: false,
      topic: null,
      suggestions: ['volumes'],
    };
    const message = answerMessage(notSure, realKnowledge(), {
      shareable: true,
      buttons: testButtons,
      forUser: 'U0OTHER',
    });
    const value = JSON.stringify(message.blocks).match(
      /"action_id":"show_topic:volumes","value":("(?:[^"\\]|\\.)*")/,
    )?.[1];
    await showTopic(h.deps)(
      buttonArgs(h, { action_id: 'show_topic:volumes', value: JSON.parse(value ?? '""') as string }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(await h.store.listSuggestionClicks(new Date(0))).toEqual([]);
  });
});
