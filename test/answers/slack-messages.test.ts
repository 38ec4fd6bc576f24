import type { KnownBlock } from '@slack/types';
import { beforeAll, describe, expect, it } from 'vitest';
import { toAnswer, type Answer } from '../../src/answers/answer.js';
import { BLOCK_KIT_LIMITS } from '../../src/answers/block-kit-limits.js';
import {
  answerMessage,
  firstSentence,
  helpMessage,
  homeView,
  topicMessage,
  topicsMessage,
  type SlackMessage,
} from '../../src/answers/slack-messages.js';
import { answerButtons, parseTopicValue } from '../../src/answers/button-values.js';
import { asTyped, escapeMrkdwn, japaneseMrkdwn, quote } from '../../src/answers/mrkdwn.js';
import { loadKnowledge, type KnowledgeBase } from '../../src/knowledge/load.js';
import { LANGS, type Lang, type Topic } from '../../src/knowledge/types.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/paths.js';
import { createAnswerEngine } from '../../src/search/engine.js';
import { topic } from '../factories.js';
import { testButtons } from '../fakes/deps.js';

const ZWSP = '\u200B';

/** Buttons signed as the bot signs them, on an answer shown to one person. */
const SIGNED = { buttons: testButtons, forUser: 'U0ASKER' } as const;

interface Button {
  action_id: string;
  value: string;
  text: { text: string };
}

/** Every Block Kit limit this bot can run into, checked on any message or view. */
function expectWithinLimits(blocks: KnownBlock[], maxBlocks: number = BLOCK_KIT_LIMITS.messageBlocks): void {
  expect(blocks.length).toBeGreaterThan(0);
  expect(blocks.length).toBeLessThanOrEqual(maxBlocks);
  const actionIds: string[] = [];
  for (const block of blocks) {
    if (block.type === 'header') {
      expect(block.text.text.length).toBeLessThanOrEqual(BLOCK_KIT_LIMITS.headerText);
    } else if (block.type === 'section') {
      expect(block.text?.text.length).toBeLessThanOrEqual(BLOCK_KIT_LIMITS.sectionText);
    } else if (block.type === 'context') {
      expect(block.elements.length).toBeLessThanOrEqual(BLOCK_KIT_LIMITS.contextElements);
      for (const element of block.elements) {
        if ('text' in element) expect(element.text.length).toBeLessThanOrEqual(BLOCK_KIT_LIMITS.sectionText);
      }
    } else if (block.type === 'actions') {
      expect(block.elements.length).toBeGreaterThan(0);
      expect(block.elements.length).toBeLessThanOrEqual(BLOCK_KIT_LIMITS.actionsElements);
      for (const element of block.elements as Button[]) {
        expect(element.text.text.length).toBeLessThanOrEqual(BLOCK_KIT_LIMITS.buttonText);
        expect(element.value.length).toBeLessThanOrEqual(BLOCK_KIT_LIMITS.buttonValue);
        expect(element.action_id.length).toBeLessThanOrEqual(BLOCK_KIT_LIMITS.actionId);
        actionIds.push(element.action_id);
      }
    } else {
      expect(block.type).toBe('divider');
    }
  }
  expect(new Set(actionIds).size).toBe(actionIds.length);
}

function expectMessageWithinLimits(message: SlackMessage): void {
  expect(message.text.length).toBeGreaterThan(0);
  expect(message.text.length).toBeLessThanOrEqual(BLOCK_KIT_LIMITS.fallbackText);
  expectWithinLimits(message.blocks);
}

function buttons(blocks: KnownBlock[]): Button[] {
  return blocks.flatMap((block) => (block.type === 'actions' ? (block.elements as Button[]) : []));
}

function buttonById(blocks: KnownBlock[], actionId: string): Button | undefined {
  return buttons(blocks).find((button) => button.action_id === actionId);
}

function mrkdwnTexts(blocks: KnownBlock[]): string[] {
  return blocks.flatMap((block) => {
    if (block.type === 'section') return block.text ? [block.text.text] : [];
    if (block.type === 'context') return block.elements.flatMap((e) => ('text' in e ? [e.text] : []));
    return [];
  });
}

function knowledgeBase(topics: Topic[]): KnowledgeBase {
  return { topics, byId: new Map(topics.map((t) => [t.id, t])), tracks: [] };
}

function answerFor(overrides: Partial<Answer>): Answer {
  return {
    question: 'how do I run a container',
    answered: true,
    topic: 'docker-run',
    score: 0.9,
    lang: 'en',
    title: 'How do I start a container with docker run?',
    text: 'Use `docker run`.',
    links: [],
    related: [],
    suggestions: [],
    ...overrides,
  };
}

describe('Messages built from the shipped knowledge', () => {
  let kb: KnowledgeBase;
  beforeAll(() => {
    kb = loadKnowledge(DEFAULT_KNOWLEDGE_DIR);
  });

  it('keeps every topic, in both languages, within the Block Kit limits', () => {
    for (const { id } of kb.topics) {
      for (const lang of LANGS) {
        expectMessageWithinLimits(topicMessage(id, lang, kb, { shareable: true, ...SIGNED }));
        expectMessageWithinLimits(
          topicMessage(id, lang, kb, { shareable: false, ...SIGNED, sharedBy: 'U024BE7LH' }),
        );
      }
    }
  });

  it('lays out an answer: title, explanation, doc links, related topics and feedback', () => {
    const { blocks } = topicMessage('docker-run', 'en', kb, { shareable: false, ...SIGNED });
    expect(blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'How do I start a container with docker run?' },
    });
    const texts = mrkdwnTexts(blocks).join('\n');
    expect(texts).toContain('`docker run` creates and starts a new container');
    expect(texts).toContain('<https://docs.docker.com/reference/cli/docker/container/run/|');
    expect(buttonById(blocks, 'show_topic:docker-ps')).toMatchObject({ value: 'docker-ps|en' });
    expect(buttonById(blocks, 'show_topic:docker-ps')?.text.text).toBe(kb.byId.get('docker-ps')?.title.en);
    expect(buttonById(blocks, 'feedback_helpful')).toBeDefined();
    expect(buttonById(blocks, 'feedback_not_helpful')).toBeDefined();
    expect(buttonById(blocks, 'share_answer')).toBeUndefined();
  });

  it('offers the share button only when asked to, labelled in the answer language', () => {
    expect(
      buttonById(topicMessage('docker-run', 'en', kb, { shareable: true, ...SIGNED }).blocks, 'share_answer')
        ?.text.text,
    ).toBe('Share in channel');
    expect(
      buttonById(topicMessage('docker-run', 'ja', kb, { shareable: true, ...SIGNED }).blocks, 'share_answer')
        ?.text.text,
    ).toBe('チャンネルに共有');
  });

  it('answers in Japanese with related-topic buttons titled in Japanese', () => {
    const { blocks } = topicMessage('docker-run', 'ja', kb, { shareable: false, ...SIGNED });
    expect(buttonById(blocks, 'show_topic:docker-ps')).toMatchObject({
      value: 'docker-ps|ja',
      text: { text: kb.byId.get('docker-ps')?.title.ja },
    });
  });

  it('gives Japanese answers the zero-width spaces Slack needs around code', () => {
    const { blocks, text } = topicMessage('docker-run', 'ja', kb, { shareable: false, ...SIGNED });
    const texts = mrkdwnTexts(blocks).join('\n');
    expect(texts).toContain(`(デタッチ)、${ZWSP}\`-it\` で対話的`);
    expect(text).toBe(
      japaneseMrkdwn(
        `${kb.byId.get('docker-run')?.title.ja}\n\n${firstSentence(kb.byId.get('docker-run')?.answer.ja ?? '')}`,
      ),
    );
  });

  it('escapes the angle brackets of placeholders in the knowledge, which Slack would swallow', () => {
    const { blocks } = topicMessage('kubectl', 'en', kb, { shareable: false, ...SIGNED });
    expect(mrkdwnTexts(blocks).join('\n')).toContain('`kubectl describe pod &lt;name&gt;`');
  });

  it('tells the user it is not sure, quotes the question and suggests topics', () => {
    const engine = createAnswerEngine(kb.topics);
    const answer = toAnswer(engine.search('<!channel> how do I bake bread'));
    expect(answer.answered).toBe(false);
    const message = answerMessage(
      { ...answer, suggestions: ['docker-run', 'docker-run', 'image', 'no-such-topic'] },
      kb,
      { shareable: true, ...SIGNED },
    );
    expectMessageWithinLimits(message);
    const texts = mrkdwnTexts(message.blocks).join('\n');
    expect(texts).toContain("Sorry, I'm not sure about that one");
    expect(texts).toContain('/docker topics');
    expect(texts).toContain('>@channel how do I bake bread');
    expect(texts).toContain('Did you mean:');
    expect(buttons(message.blocks).map((b) => b.action_id)).toEqual([
      'show_topic:docker-run',
      'show_topic:image',
    ]);
    expect(buttonById(message.blocks, 'feedback_helpful')).toBeUndefined();
    expect(buttonById(message.blocks, 'share_answer')).toBeUndefined();
  });

  it('says it is not sure in Japanese, with the boundary before the command', () => {
    const message = answerMessage(
      answerFor({ answered: false, topic: null, lang: 'ja', question: 'パン' }),
      kb,
      {
        shareable: false,
        ...SIGNED,
      },
    );
    expect(mrkdwnTexts(message.blocks)[0]).toContain(`、${ZWSP}\`/docker topics\` で`);
  });

  it('offers low-confidence runners-up without repeating a related topic', () => {
    const answer = answerFor({
      related: ['docker-ps', 'container'],
      suggestions: ['container', 'docker-run', 'image', 'docker-ps'],
    });
    const { blocks } = answerMessage(answer, kb, { shareable: true, ...SIGNED });
    expectWithinLimits(blocks);
    expect(mrkdwnTexts(blocks)).toContain('Did you mean:');
    expect(buttons(blocks).map((b) => b.action_id)).toEqual([
      'show_topic:docker-ps',
      'show_topic:container',
      'show_topic:image',
      'feedback_helpful',
      'feedback_not_helpful',
      'share_answer',
    ]);
  });

  it('shows who asked a shared answer and what, escaped', () => {
    const message = topicMessage('docker-run', 'en', kb, {
      shareable: false,
      ...SIGNED,
      sharedBy: 'U024BE7LH',
      question: 'how to run <!here> & <@U999>?',
    });
    const texts = mrkdwnTexts(message.blocks);
    expect(texts).toContain('Asked by <@U024BE7LH>');
    expect(texts).toContain('>how to run @here &amp; @U999?');
    // Button values are never rendered, so only the text Slack displays must be escaped.
    expect([message.text, ...texts].join('\n')).not.toMatch(/<!here>|<@U999>/);

    const ja = topicMessage('docker-run', 'ja', kb, {
      shareable: false,
      ...SIGNED,
      sharedBy: 'U024BE7LH',
      question: 'q',
    });
    expect(mrkdwnTexts(ja.blocks)).toContain('<@U024BE7LH> さんの質問');
  });

  it('carries what feedback and sharing need in signed button values that read back', () => {
    const { blocks } = answerMessage(answerFor({ question: 'run "it" now?' }), kb, {
      shareable: true,
      ...SIGNED,
    });
    for (const actionId of ['feedback_helpful', 'feedback_not_helpful', 'share_answer']) {
      const value = buttonById(blocks, actionId)?.value ?? '';
      expect(JSON.parse(value)).toMatchObject({ t: 'docker-run', l: 'en', q: 'run "it" now?', u: 'U0ASKER' });
      expect(testButtons.read(value)).toEqual({
        topic: 'docker-run',
        lang: 'en',
        question: 'run "it" now?',
        forUser: 'U0ASKER',
      });
    }
    expect(parseTopicValue(buttonById(blocks, 'share_answer')?.value ?? '')).toBeNull();
  });

  it('makes the buttons of an answer everyone sees for no one in particular', () => {
    const { blocks } = answerMessage(answerFor({}), kb, {
      shareable: false,
      buttons: testButtons,
      forUser: null,
    });
    expect(testButtons.read(buttonById(blocks, 'feedback_helpful')?.value ?? '')?.forUser).toBeNull();
  });

  it('cuts a long question so the button value stays within 2000 characters', () => {
    const question = 'なぜ "quoted"\n\t\\ 😀 '.repeat(400);
    const { blocks } = answerMessage(answerFor({ question }), kb, { shareable: true, ...SIGNED });
    expectWithinLimits(blocks);
    const ref = testButtons.read(buttonById(blocks, 'share_answer')?.value ?? '');
    expect(ref?.topic).toBe('docker-run');
    expect(ref?.question.endsWith('…')).toBe(true);
    expect(question.startsWith(ref?.question.slice(0, -1) ?? 'x')).toBe(true);
    expect(ref?.question.length).toBeGreaterThan(1000);
  });

  it('explains how to use the bot in both languages', () => {
    for (const lang of LANGS) {
      const message = helpMessage(lang);
      expectMessageWithinLimits(message);
      const texts = mrkdwnTexts(message.blocks).join('\n');
      for (const command of ['/docker help', '/docker topics', '/docker tip', 'Ask the Docker bot']) {
        expect(texts).toContain(command);
      }
      expect(texts).toContain(lang === 'en' ? '`/docker &lt;question&gt;`' : '`/docker &lt;質問&gt;`');
    }
  });

  it('lists every topic title', () => {
    for (const lang of LANGS) {
      const message = topicsMessage(lang, kb);
      expectMessageWithinLimits(message);
      const texts = mrkdwnTexts(message.blocks).join('\n');
      for (const { title } of kb.topics) expect(texts).toContain(japaneseMrkdwn(escapeMrkdwn(title[lang])));
    }
  });

  it('offers every topic as a button in App Home', () => {
    for (const lang of LANGS) {
      const view = homeView(lang, kb);
      expect(view.type).toBe('home');
      expectWithinLimits(view.blocks, BLOCK_KIT_LIMITS.homeBlocks);
      const shown = buttons(view.blocks).map((b) => parseTopicValue(b.value));
      expect(shown).toEqual(kb.topics.map((t) => ({ topic: t.id, lang })));
      expect(mrkdwnTexts(view.blocks).join('\n')).toContain('/docker topics');
    }
  });
});

describe('Messages built from oversized knowledge', () => {
  const others = Array.from({ length: 3000 }, (_, i) =>
    topic({
      id: `topic-${i}`,
      title: { en: `A long title number ${i} `.repeat(12), ja: `長いタイトル${i}番`.repeat(20) },
    }),
  );
  const paragraph = (lang: Lang) =>
    lang === 'en'
      ? 'Run `docker run` with *care* <!channel> & friends. '
      : '起動は`docker run`です。*太字*と_斜体_と~取り消し~も<!channel>。';
  const huge = topic({
    id: 'huge',
    title: { en: 'T'.repeat(200), ja: 'タ'.repeat(200) },
    answer: {
      en: paragraph('en').repeat(200).slice(0, 10_000),
      ja: paragraph('ja').repeat(300).slice(0, 10_000),
    },
    links: [1, 2, 3, 4].map((n) => ({
      title: `Link ${n} `.repeat(100),
      url: `https://docs.docker.com/${n}/`,
      lang: 'en',
    })),
    related: [...others.slice(0, 60).map((t) => t.id), 'huge', 'missing'],
  });
  const unbroken = topic({ id: 'unbroken', answer: { en: 'x&'.repeat(5000), ja: 'あ'.repeat(10_000) } });
  const kb = knowledgeBase([huge, unbroken, ...others]);

  it('keeps a 10,000-character answer with a 200-character title within the limits', () => {
    for (const lang of LANGS) {
      const message = topicMessage('huge', lang, kb, {
        shareable: true,
        ...SIGNED,
        sharedBy: 'U1234',
        question: 'q'.repeat(5000),
      });
      expectMessageWithinLimits(message);
      expect(message.blocks[0]).toMatchObject({ type: 'header' });
      const header = message.blocks[0]?.type === 'header' ? message.blocks[0].text.text : '';
      expect(header.endsWith('…')).toBe(true);
      const sections = message.blocks.filter((b) => b.type === 'section').length;
      expect(sections).toBeGreaterThanOrEqual(4);
    }
  });

  it('splits a long answer at a break, never inside an escape or a code span', () => {
    const { blocks } = topicMessage('huge', 'en', kb, { shareable: false, ...SIGNED });
    const parts = mrkdwnTexts(blocks).filter((text) => text.includes('docker run'));
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) {
      expect(part.match(/`/g)?.length ?? 0).toSatisfy((n: number) => n % 2 === 0);
      expect(part).not.toMatch(/&[a-z]{0,3}$|^[a-z]*;/);
      expect(part).not.toContain('<!channel>');
    }
  });

  it('cuts an answer with no breaks at all without splitting an escape', () => {
    for (const lang of LANGS) {
      const message = topicMessage('unbroken', lang, kb, { shareable: false, ...SIGNED });
      expectMessageWithinLimits(message);
      for (const text of mrkdwnTexts(message.blocks)) expect(text).not.toMatch(/&[a-z]{0,3}$|^[a-z]*;/);
    }
  });

  it('keeps the fallback text to the title and first sentence, escaped, with the Japanese boundaries', () => {
    const en = topicMessage('huge', 'en', kb, { shareable: false, ...SIGNED });
    expect(en.text).toBe(
      `${'T'.repeat(200)}\n\nRun \`docker run\` with *care* &lt;!channel&gt; &amp; friends.`,
    );
    const ja = topicMessage('huge', 'ja', kb, { shareable: false, ...SIGNED });
    expect(ja.text).toBe(`${'タ'.repeat(200)}\n\n起動は${ZWSP}\`docker run\`${ZWSP}です。`);
    // A shared answer still says who asked what, first.
    const shared = topicMessage('huge', 'en', kb, {
      shareable: false,
      ...SIGNED,
      sharedBy: 'U024BE7LH',
      question: 'q?',
    });
    expect(shared.text).toBe(`Asked by <@U024BE7LH>: q?\n\n${en.text}`);
  });

  it('reuses the layout of a topic only within one knowledge snapshot, and never the per-request parts', () => {
    const first = topicMessage('huge', 'en', kb, { shareable: true, ...SIGNED });
    const again = topicMessage('huge', 'en', kb, {
      shareable: true,
      ...SIGNED,
      forUser: 'U0OTHER',
      question: 'other?',
    });
    // The explanation is laid out once and shared, frozen so that no message can change another's.
    expect(again.blocks[1]).toBe(first.blocks[1]);
    expect(Object.isFrozen(first.blocks[1])).toBe(true);
    const values = (message: SlackMessage) =>
      buttons(message.blocks)
        .filter((b) => b.action_id === 'share_answer')
        .map((b) => b.value);
    expect(values(again)).not.toEqual(values(first));
    // A reloaded knowledge base with a changed answer shows the new answer, not the cached one.
    const edited = topic({ ...huge, answer: { en: 'Edited answer. More.', ja: '編集済み。' } });
    const reloaded = knowledgeBase([edited, unbroken, ...others]);
    const after = topicMessage('huge', 'en', reloaded, { shareable: false, ...SIGNED });
    expect(mrkdwnTexts(after.blocks)).toContain('Edited answer. More.');
    expect(after.text).toBe(`${'T'.repeat(200)}\n\nEdited answer.`);
    // An answer whose text differs from the topic's is laid out as given, even after the topic's was cached.
    const odd = answerMessage(answerFor({ topic: 'huge', title: 'T'.repeat(200), text: 'Other text.' }), kb, {
      shareable: false,
      ...SIGNED,
    });
    expect(mrkdwnTexts(odd.blocks)).toContain('Other text.');
    expect(mrkdwnTexts(topicMessage('huge', 'en', kb, { shareable: false, ...SIGNED }).blocks)).not.toContain(
      'Other text.',
    );
  });

  it('shows at most one block of related buttons and no button for itself', () => {
    const { blocks } = topicMessage('huge', 'en', kb, { shareable: true, ...SIGNED });
    const related = buttons(blocks).filter((b) => b.action_id.startsWith('show_topic:'));
    expect(related).toHaveLength(BLOCK_KIT_LIMITS.actionsElements);
    expect(related.map((b) => b.action_id)).not.toContain('show_topic:huge');
    for (const button of related) expect(button.text.text.endsWith('…')).toBe(true);
  });

  it('never repeats an action id, even when suggestions overlap related topics', () => {
    const answer = answerFor({
      topic: 'huge',
      title: null,
      related: [...huge.related, ...huge.related],
      suggestions: [...others.slice(0, 40).map((t) => t.id), 'huge'],
    });
    const message = answerMessage(answer, kb, { shareable: true, ...SIGNED });
    expectMessageWithinLimits(message);
    expect(buttons(message.blocks).map((b) => b.action_id)).toContain('show_topic:topic-25');
  });

  it('keeps the topic list within 50 blocks and says how many it left out', () => {
    for (const lang of LANGS) {
      const message = topicsMessage(lang, kb);
      expectMessageWithinLimits(message);
      expect(mrkdwnTexts(message.blocks).at(-1)).toMatch(
        lang === 'en' ? /^…and \d+ more$/ : /^…ほか \d+ 件$/,
      );
    }
  });

  it('keeps App Home within 100 blocks of at most 25 buttons', () => {
    const view = homeView('en', kb);
    expectWithinLimits(view.blocks, BLOCK_KIT_LIMITS.homeBlocks);
    expect(mrkdwnTexts(view.blocks).at(-1)).toMatch(/^…and \d+ more$/);
  });

  it('falls back to "not sure" for a topic id that no longer exists', () => {
    const message = topicMessage('gone', 'en', kb, { shareable: true, ...SIGNED });
    expectMessageWithinLimits(message);
    expect(message.text).toContain("I'm not sure");
  });
});

describe('escapeMrkdwn', () => {
  it('makes mentions, broadcasts and relabelled links inert', () => {
    expect(
      escapeMrkdwn('<!channel> <!here> <@U123> <!subteam^S1> <https://evil.example|https://docs.docker.com>'),
    ).toBe(
      '&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;!subteam^S1&gt; &lt;https://evil.example|https://docs.docker.com&gt;',
    );
  });

  it('escapes an ampersand first, so an escape the user typed shows as typed', () => {
    expect(escapeMrkdwn('a &lt; b & c')).toBe('a &amp;lt; b &amp; c');
  });
});

describe('asTyped', () => {
  it("turns Slack's escaped form back into what the writer saw, without live mentions or links", () => {
    expect(asTyped('docker run -p 8080:80 nginx &amp;&amp; curl &lt;host&gt;')).toBe(
      'docker run -p 8080:80 nginx && curl <host>',
    );
    expect(
      asTyped('<@U123> <@U123|ann> <#C1|general> <#C2> <!here> <!subteam^S1|@ops> <https://x.example|docs>'),
    ).toBe('@U123 @ann #general #C2 @here @ops docs');
    expect(asTyped('see <https://docs.docker.com/>')).toBe('see https://docs.docker.com/');
  });

  it('is what a quoted question shows, escaped again so nothing in it pings', () => {
    expect(quote('<!channel> a &amp;&amp; b')).toBe('>@channel a &amp;&amp; b');
    expect(quote('&lt;!channel&gt;')).toBe('>&lt;!channel&gt;');
  });
});

describe('japaneseMrkdwn', () => {
  it('separates markers from the Japanese characters they touch', () => {
    expect(japaneseMrkdwn('起動は`docker run`です')).toBe(`起動は${ZWSP}\`docker run\`${ZWSP}です`);
    expect(japaneseMrkdwn('これは*重要*です')).toBe(`これは${ZWSP}*重要*${ZWSP}です`);
    expect(japaneseMrkdwn('これは_斜体_で~取消~。')).toBe(
      `これは${ZWSP}_斜体_${ZWSP}で${ZWSP}~取消~${ZWSP}。`,
    );
  });

  it('leaves markers alone where Slack already sees a boundary', () => {
    for (const text of ['use `docker run` now', '起動は `docker run` です', '`a`', '*bold*, then']) {
      expect(japaneseMrkdwn(text)).toBe(text);
    }
  });

  it('does not touch what is inside code', () => {
    expect(japaneseMrkdwn('コード`a*日本*b`です')).toBe(`コード${ZWSP}\`a*日本*b\`${ZWSP}です`);
    expect(japaneseMrkdwn('例は```\nx*日本*y\n```終わり')).toBe(
      `例は${ZWSP}\`\`\`\nx*日本*y\n\`\`\`${ZWSP}終わり`,
    );
  });

  it('handles markers nested in emphasis, and running twice changes nothing', () => {
    const once = japaneseMrkdwn('見て*太字の`code`です*ね');
    expect(once).toBe(`見て${ZWSP}*太字の${ZWSP}\`code\`${ZWSP}です*${ZWSP}ね`);
    expect(japaneseMrkdwn(once)).toBe(once);
  });
});

describe('Signed answer button values', () => {
  const ref = { topic: 'image', lang: 'ja' as const, question: 'イメージとは?', forUser: 'U0ASKER' };

  it('keep short questions whole', () => {
    expect(testButtons.read(testButtons.value(ref))).toEqual(ref);
    expect(testButtons.read(testButtons.value({ ...ref, forUser: null }))).toEqual({ ...ref, forUser: null });
  });

  it('read back the same on another replica, which derives the key from the same bot token', () => {
    expect(answerButtons('xoxb-test').read(testButtons.value(ref))).toEqual(ref);
  });

  it('are refused when any part was changed, or signed with another key', () => {
    const value = JSON.parse(testButtons.value(ref)) as Record<string, unknown>;
    for (const change of [
      { q: 'something else' },
      { t: 'volumes' },
      { l: 'en' },
      { u: 'U0OTHER' },
      { u: null },
    ]) {
      expect(testButtons.read(JSON.stringify({ ...value, ...change }))).toBeNull();
    }
    expect(answerButtons('xoxb-another-workspace').read(testButtons.value(ref))).toBeNull();
  });

  it('are refused when they are not values the bot wrote', () => {
    for (const value of [
      'not json',
      'null',
      '{"t":"image","l":"fr","q":"x","u":null,"s":"x"}',
      // The unsigned form older versions wrote.
      '{"t":"image","l":"en","q":"what is an image"}',
    ]) {
      expect(testButtons.read(value)).toBeNull();
    }
  });
});
