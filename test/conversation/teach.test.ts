import { describe, expect, it } from 'vitest';
import { checkDraft, teachPhrasing, type DraftInput } from '../../src/conversation/teach.js';
import { FIXED_NOW, realKnowledge } from '../fakes/deps.js';
import { createMemoryStore } from '../fakes/memory-store.js';

const kb = realKnowledge();
const teach = (store: ReturnType<typeof createMemoryStore>, phrasing: string, topic: string) =>
  teachPhrasing(store, kb, { phrasing, topic, taughtBy: 'UADMIN', at: FIXED_NOW });

describe('Teaching a phrasing', () => {
  it('stores it trimmed, with who taught it and when', async () => {
    const store = createMemoryStore();
    const result = await teach(store, '  my files vanish between runs  ', 'volumes');
    expect(result).toMatchObject({ ok: true, created: true });
    expect(await store.listLearnedPhrasings()).toEqual([
      {
        id: 1,
        phrasing: 'my files vanish between runs',
        normalized: 'my files vanish between runs',
        topic: 'volumes',
        taughtBy: 'UADMIN',
        taughtAt: FIXED_NOW,
      },
    ]);
  });

  it('refuses fewer than 3 or more than 300 characters after trimming', async () => {
    const store = createMemoryStore();
    expect(await teach(store, '  ab  ', 'volumes')).toEqual({
      ok: false,
      problem: expect.stringMatching(/3 to 300.*2/) as unknown,
      field: 'question',
    });
    expect(await teach(store, 'a'.repeat(301), 'volumes')).toMatchObject({ ok: false });
    expect(await teach(store, 'abc', 'volumes')).toMatchObject({ ok: true });
    expect(await teach(store, 'a'.repeat(300), 'volumes')).toMatchObject({ ok: true });
  });

  it('refuses an unknown topic, naming it', async () => {
    expect(await teach(createMemoryStore(), 'my files vanish', 'no-such-topic')).toEqual({
      ok: false,
      problem: 'There is no topic "no-such-topic".',
      field: 'topic',
    });
  });

  it("refuses another topic's alias, naming that topic", async () => {
    // "docker volume" is an alias of volumes; "Docker  Volume?" is the same once normalised.
    const result = await teach(createMemoryStore(), 'Docker  Volume?', 'image');
    expect(result).toMatchObject({ ok: false, problem: expect.stringContaining('"volumes"') });
  });

  it("accepts its own topic's alias", async () => {
    expect(await teach(createMemoryStore(), 'docker volume', 'volumes')).toMatchObject({ ok: true });
  });

  it('stores the same phrasing for the same topic once', async () => {
    const store = createMemoryStore();
    await teach(store, 'my files vanish between runs', 'volumes');
    expect(await teach(store, 'My files vanish between runs?', 'volumes')).toMatchObject({
      ok: true,
      created: false,
    });
    expect(await store.listLearnedPhrasings()).toHaveLength(1);
  });

  it('refuses a phrasing learned for another topic, naming it', async () => {
    const store = createMemoryStore();
    await teach(store, 'my files vanish between runs', 'volumes');
    const result = await teach(store, 'my files vanish between runs', 'image');
    expect(result).toMatchObject({ ok: false, problem: expect.stringContaining('"volumes"') });
  });
});

describe('Checking a draft topic', () => {
  const input = (overrides: Partial<DraftInput> = {}): DraftInput => ({
    topicId: 'docker-scout',
    titleEn: 'What is Docker Scout?',
    titleJa: 'Docker Scout とは',
    answerEn: 'Docker Scout scans images for vulnerabilities.',
    answerJa: 'Docker Scout はイメージの脆弱性を調べます。',
    links: 'https://docs.docker.com/scout/',
    related: 'image, security',
    sourceQuestion: 'how do I scan an image?',
    expertReply: 'Try docker scout.',
    ...overrides,
  });

  it('accepts a complete draft', () => {
    expect(checkDraft(kb, input())).toMatchObject({
      ok: true,
      draft: {
        topicId: 'docker-scout',
        links: ['https://docs.docker.com/scout/'],
        related: ['image', 'security'],
      },
    });
  });

  it('names each problem under its field', () => {
    const result = checkDraft(
      kb,
      input({ topicId: 'volumes', titleJa: ' ', links: 'http://x', related: 'nope' }),
    );
    expect(result).toEqual({
      ok: false,
      problems: {
        topicId: 'The topic "volumes" exists already.',
        titleJa: 'Required.',
        links: '"http://x" is not an https:// address.',
        related: 'Unknown topic ids: nope.',
      },
    });
    expect(checkDraft(kb, input({ topicId: 'Docker Scout' }))).toMatchObject({
      ok: false,
      problems: { topicId: expect.any(String) },
    });
  });
});

describe('A draft whose answers say different things', () => {
  it('is refused under the answer, as kb:check would refuse its file', () => {
    const result = checkDraft(kb, {
      topicId: 'docker-scout',
      titleEn: 'What is Docker Scout?',
      titleJa: 'Docker Scout とは',
      answerEn: 'Run `docker scout cves` on an image.',
      answerJa: 'イメージを検査します。',
      links: 'https://docs.docker.com/scout/',
      related: '',
      sourceQuestion: 'how do I scan an image?',
      expertReply: '',
    });
    expect(result).toMatchObject({
      ok: false,
      problems: { answerEn: expect.stringContaining('docker scout cves') },
    });
  });
});
