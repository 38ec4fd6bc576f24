/**
 * Nothing a user typed reaches Slack as live markup: not in the blocks, and not in the top-level `text`,
 * which Slack renders in notifications and where blocks cannot be shown. Every message builder and every
 * reply of the conversation layer is fed the same hostile strings.
 */
import { describe, expect, it } from 'vitest';
import {
  answerMessage,
  helpMessage,
  homeView,
  textMessage,
  tipMessage,
  topicMessage,
  topicsMessage,
  type SlackMessage,
} from '../../src/answers/slack-messages.js';
import { giveFeedback, shareAnswer, showTopic } from '../../src/conversation/buttons.js';
import { answerQuestion } from '../../src/conversation/ask.js';
import { parseDockerCommand, runDockerCommand } from '../../src/conversation/docker-command.js';
import { homeFor } from '../../src/conversation/home.js';
import type { Asker, Reply } from '../../src/conversation/request.js';
import type { KnowledgeBase } from '../../src/knowledge/load.js';
import { LANGS, type Lang } from '../../src/knowledge/types.js';
import { topic } from '../factories.js';
import { createTestDeps, FIXED_NOW, testButtons, type TestDeps } from '../fakes/deps.js';

/** What must never reach Slack unescaped: a broadcast, a mention, a group mention, a relabelled link. */
const HOSTILE = ['<!channel>', '<@U123>', '<!subteam^S1>', '<https://evil.example|docs.docker.com>'];
const ALL_OF_THEM = HOSTILE.join(' ');
const ADMIN = 'U0ADMIN';

/**
 * Every string Slack reads as mrkdwn in a message or view: its `text`, and every string in its blocks
 * except button values and ids (sent back to the app, never displayed) and plain_text objects (headers,
 * button labels), which Slack shows as written, parsing no markup
 * (https://docs.slack.dev/reference/block-kit/composition-objects/text-object).
 */
function rendered(message: SlackMessage | { blocks: unknown[] }): string[] {
  const out: string[] = 'text' in message ? [message.text] : [];
  const walk = (node: unknown): void => {
    if (typeof node === 'string') out.push(node);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      if ((node as { type?: unknown }).type === 'plain_text') return;
      for (const [key, value] of Object.entries(node)) {
        if (key !== 'value' && key !== 'action_id' && key !== 'url') walk(value);
      }
    }
  };
  walk(message.blocks);
  return out;
}

function expectInert(message: SlackMessage | { blocks: unknown[] }, label: string): void {
  for (const text of rendered(message)) {
    for (const raw of HOSTILE) expect(text, `${label}: ${text}`).not.toContain(raw);
  }
}

function asker(userId = 'U0ASKER', lang: Lang = 'en'): Asker {
  return {
    userId,
    channelId: 'C0CONV',
    surface: 'command',
    requestId: 'trigger-1',
    profile: async () => ({ lang, timeZone: 'Asia/Tokyo' }),
  };
}

/** Runs a conversation-layer call and returns every reply it delivered. */
async function repliesOf(work: (deliver: (reply: Reply) => Promise<null>) => Promise<unknown>) {
  const delivered: Reply[] = [];
  await work(async (reply) => {
    delivered.push(reply);
    return null;
  });
  expect(delivered.length).toBeGreaterThan(0);
  return delivered;
}

async function docker(t: TestDeps, text: string, who = asker()) {
  return repliesOf((deliver) => runDockerCommand(t.deps, who, parseDockerCommand(text), deliver));
}

describe('Every message builder', () => {
  const hostileTopic = topic({
    id: 'hostile',
    title: { en: `Title ${ALL_OF_THEM}`, ja: `タイトル ${ALL_OF_THEM}` },
    answer: { en: `Answer ${ALL_OF_THEM}`, ja: `答え ${ALL_OF_THEM}` },
    tip: { en: `Tip ${ALL_OF_THEM}`, ja: `ヒント ${ALL_OF_THEM}` },
    links: [{ title: `Docs ${ALL_OF_THEM}`, url: 'https://docs.docker.com/', lang: 'en' }],
    related: ['other'],
  });
  const other = topic({ id: 'other', title: { en: `Other ${ALL_OF_THEM}`, ja: `他 ${ALL_OF_THEM}` } });
  const kb: KnowledgeBase = {
    topics: [hostileTopic, other],
    byId: new Map([hostileTopic, other].map((t) => [t.id, t])),
    tracks: [],
  };
  const signed = { buttons: testButtons, forUser: 'U0ASKER' };

  it.each(LANGS)('escapes what users and knowledge authors wrote, in %s', (lang) => {
    const answered = {
      question: `what is it ${ALL_OF_THEM}`,
      answered: true,
      topic: 'hostile',
      score: 0.9,
      lang,
      title: hostileTopic.title[lang],
      text: hostileTopic.answer[lang],
      links: hostileTopic.links,
      related: ['other'],
      suggestions: ['other'],
    };
    expectInert(answerMessage(answered, kb, { shareable: true, ...signed }), 'answer');
    expectInert(
      answerMessage({ ...answered, answered: false, topic: null, title: null }, kb, {
        shareable: false,
        ...signed,
      }),
      'no answer',
    );
    expectInert(
      topicMessage('hostile', lang, kb, {
        shareable: false,
        sharedBy: 'U0SHARER',
        question: `shared ${ALL_OF_THEM}`,
        buttons: testButtons,
        forUser: null,
      }),
      'shared answer',
    );
    expectInert(
      topicMessage('gone', lang, kb, { shareable: false, question: ALL_OF_THEM, ...signed }),
      'gone',
    );
    expectInert(tipMessage(hostileTopic, lang), 'tip');
    expectInert(tipMessage(hostileTopic, 'both'), 'tip in both');
    expectInert(topicsMessage(lang, kb), 'topics');
    expectInert(helpMessage(lang), 'help');
    expectInert(homeView(lang, kb), 'home');
    expectInert(textMessage(`text ${ALL_OF_THEM}`, lang), 'text');
  });
});

describe('Every reply of the conversation layer', () => {
  it('answers a hostile question, answered or not, privately or publicly, without live markup', async () => {
    const t = createTestDeps();
    for (const question of [`what is an image ${ALL_OF_THEM}`, `bake bread ${ALL_OF_THEM}`]) {
      for (const visibility of ['private', 'public'] as const) {
        const replies = await repliesOf((deliver) =>
          answerQuestion(t.deps, asker(), question, deliver, { visibility }),
        );
        for (const reply of replies) expectInert(reply.message, `${visibility} answer to "${question}"`);
      }
    }
  });

  it.each([
    ...HOSTILE.map((word) => `tip subscribe ${word}`),
    `tip subscribe tz=${HOSTILE[0]}`,
    `tip subscribe 09:00 ${HOSTILE[3]}`,
    `tip ${ALL_OF_THEM}`,
    `admin ${ALL_OF_THEM}`,
    `admin report ${HOSTILE[1]}`,
    `topics ${ALL_OF_THEM}`,
    ALL_OF_THEM,
  ])('replies to "/docker %s" without live markup', async (text) => {
    const t = createTestDeps();
    t.deps.adminUserIds = [ADMIN];
    for (const who of [asker(), asker(ADMIN), asker(ADMIN, 'ja')]) {
      for (const reply of await docker(t, text, who)) expectInert(reply.message, text);
    }
  });

  it('shows a paused subscription’s reason without live markup', async () => {
    const t = createTestDeps();
    await t.store.saveTipSubscription({
      channel: 'C0CONV',
      time: '09:00',
      days: 'weekdays',
      lang: 'en',
      timeZone: 'UTC',
      subscriber: 'U0ASKER',
      source: 'slack',
      pausedReason: null,
    });
    await t.store.pauseTipSubscription('C0CONV', ALL_OF_THEM);
    for (const reply of await docker(t, 'tip status')) expectInert(reply.message, 'tip status');
  });

  it.each(LANGS)(
    'writes the admin report (%s) without live markup, whatever was asked and rated',
    async (lang) => {
      const t = createTestDeps();
      t.deps.adminUserIds = [ADMIN];
      for (const question of [`what is an image ${ALL_OF_THEM}`, `bake bread ${ALL_OF_THEM}`]) {
        await answerQuestion(t.deps, asker(), question, async () => null, { visibility: 'private' });
      }
      const value = testButtons.value({
        topic: 'image',
        lang,
        question: `why ${ALL_OF_THEM}`,
        forUser: null,
      });
      await giveFeedback(t.deps, asker(), value, false);
      expect(t.store.feedback).toHaveLength(1);

      const replies = await docker(t, 'admin report', asker(ADMIN, lang));
      expect(replies[0]?.message.text).toContain('&lt;!channel&gt;');
      for (const reply of replies) expectInert(reply.message, 'admin report');
    },
  );

  it('shares, rates and shows topics without live markup', async () => {
    const t = createTestDeps();
    const question = `what is an image ${ALL_OF_THEM}`;
    const value = testButtons.value({ topic: 'image', lang: 'en', question, forUser: 'U0ASKER' });
    const shared = shareAnswer(t.deps, asker(), value);
    expect(shared?.visibility).toBe('public');
    expectInert(shared!.message, 'shared');
    expectInert((await giveFeedback(t.deps, asker(), value, true))!.message, 'thanks');
    expectInert(showTopic(t.deps, asker(), 'image|ja')!.message, 'topic');
    expectInert(await homeFor(t.deps, asker()), 'home');
    expect(t.store.feedback[0]).toMatchObject({ question, at: FIXED_NOW });
  });
});
