import { describe, expect, it } from 'vitest';
import { phrase } from '../../src/answers/messages.js';
import { textMessage } from '../../src/answers/slack-messages.js';
import { answerQuestion } from '../../src/conversation/ask.js';
import { parseDockerCommand, runDockerCommand } from '../../src/conversation/docker-command.js';
import type { Asker, DeliveryFailure, Reply } from '../../src/conversation/request.js';
import type { Lang } from '../../src/knowledge/types.js';
import { createTestDeps } from '../fakes/deps.js';

const ADMIN = 'U0ADMIN';

function asker(lang: Lang = 'en', userId = 'U0ASKER'): Asker {
  return {
    userId,
    channelId: 'C0CONV',
    surface: 'command',
    requestId: 'trigger-1',
    profile: async () => ({ lang }),
  };
}

/** A surface that records what it was asked to deliver, failing the first deliveries when told to. */
function surface(...failures: DeliveryFailure[]) {
  const delivered: Reply[] = [];
  return {
    delivered,
    deliver: async (reply: Reply) => {
      delivered.push(reply);
      return failures.shift() ?? null;
    },
  };
}

async function docker(text: string, who: Asker = asker(), t = createTestDeps()) {
  const s = surface();
  await runDockerCommand(t.deps, who, parseDockerCommand(text), s.deliver);
  return { ...t, delivered: s.delivered };
}

describe('When a step after the acknowledgement fails', () => {
  it('tells the asker in their language what went wrong and what to do, and logs it with the request id', async () => {
    const t = createTestDeps();
    t.store.failWith('saveTipSubscription', new Error('database is down'));
    const { delivered } = await docker('tip subscribe 09:00', asker('ja'), t);

    expect(delivered).toEqual([
      { message: textMessage(phrase('failedTryAgain', 'ja'), 'ja'), visibility: 'private' },
    ]);
    expect(t.logged('could not run /docker tip')).toMatchObject({ level: 'error', request_id: 'trigger-1' });
  });

  it('does the same for the admin report when the store cannot be read', async () => {
    const t = createTestDeps();
    t.deps.adminUserIds = [ADMIN];
    t.store.failWith('listQuestions', new Error('timeout'));
    const { delivered } = await docker('admin report', asker('en', ADMIN), t);

    expect(delivered[0]?.message.text).toBe(phrase('failedTryAgain', 'en'));
    expect(t.logged('could not run /docker admin')).toMatchObject({ level: 'error' });
  });
});

describe('/docker admin', () => {
  it('answers in Japanese to a Japanese admin, and never in English only', async () => {
    const t = createTestDeps();
    const { delivered } = await docker('admin report', asker('ja'), t);
    expect(delivered[0]?.message.text).toBe(textMessage(phrase('adminOnly', 'ja'), 'ja').text);
  });

  it.each(['100000000000000000000', '0', '366', '-1', '7 days'])(
    'gives the usage for "report %s"',
    async (days) => {
      const t = createTestDeps();
      t.deps.adminUserIds = [ADMIN];
      const { delivered } = await docker(`admin report ${days}`, asker('en', ADMIN), t);
      expect(delivered[0]?.message.text).toBe(textMessage(phrase('adminUsage', 'en'), 'en').text);
    },
  );

  it('reports up to a year back', async () => {
    const t = createTestDeps();
    t.deps.adminUserIds = [ADMIN];
    const { delivered } = await docker('admin report 365', asker('en', ADMIN), t);
    expect(delivered[0]?.message.text).toMatch(/^Knowledge report /);
  });
});

describe('A question from any surface', () => {
  it('is answered, delivered, then recorded', async () => {
    const t = createTestDeps();
    const order: string[] = [];
    const answer = await answerQuestion(
      t.deps,
      asker(),
      'what is a docker volume',
      async () => {
        order.push(`delivered with ${t.store.questions.length} recorded`);
        return null;
      },
      { visibility: 'public' },
    );
    expect(answer?.topic).toBe('volumes');
    expect(order).toEqual(['delivered with 0 recorded']);
    expect(t.store.questions).toHaveLength(1);
  });

  it('offers to share only a private answer', async () => {
    const t = createTestDeps();
    const privately = surface();
    const publicly = surface();
    await answerQuestion(t.deps, asker(), 'what is a docker volume', privately.deliver, {
      visibility: 'private',
    });
    await answerQuestion(t.deps, asker(), 'what is a docker volume', publicly.deliver, {
      visibility: 'public',
    });
    const share = (reply: Reply | undefined) =>
      JSON.stringify(reply?.message.blocks).includes('share_answer');
    expect(share(privately.delivered[0])).toBe(true);
    expect(share(publicly.delivered[0])).toBe(false);
  });

  it('is answered once for the same key, however often it arrives', async () => {
    const t = createTestDeps();
    const s = surface();
    for (let i = 0; i < 3; i++) {
      await answerQuestion(t.deps, asker(), 'what is an image', s.deliver, {
        visibility: 'public',
        onceKey: 'message:C1:1',
      });
    }
    expect(s.delivered).toHaveLength(1);
  });

  it('is followed by a private note saying why when the public answer cannot be posted', async () => {
    const t = createTestDeps();
    const s = surface('not_in_channel');
    await answerQuestion(t.deps, asker(), 'イメージとは', s.deliver, {
      visibility: 'public',
      threadTs: '1.2',
    });
    expect(s.delivered.map((r) => [r.visibility, r.threadTs])).toEqual([
      ['public', '1.2'],
      ['private', '1.2'],
    ]);
    expect(s.delivered[1]?.message.text).toBe(textMessage(phrase('notInChannel', 'ja'), 'ja').text);
  });

  it('is recorded with at most 2,000 characters of its text', async () => {
    const t = createTestDeps();
    const question = `how do I keep data with volumes ${'🐳'.repeat(20_000)}`;
    await answerQuestion(t.deps, asker(), question, surface().deliver, { visibility: 'public' });
    const stored = t.store.questions[0]?.question ?? '';
    expect(Array.from(stored).length).toBeLessThanOrEqual(2000);
    expect(stored.endsWith('…')).toBe(true);
    expect(question.startsWith(stored.slice(0, -1))).toBe(true);
  });

  it('keeps a question of 2,000 characters whole', async () => {
    const t = createTestDeps();
    const question = `volumes ${'ボ'.repeat(1992)}`;
    await answerQuestion(t.deps, asker(), question, surface().deliver, { visibility: 'public' });
    expect(t.store.questions[0]?.question).toBe(question);
  });

  it('that is empty gets a private hint, and nothing is recorded', async () => {
    const t = createTestDeps();
    const s = surface();
    expect(await answerQuestion(t.deps, asker(), '   ', s.deliver, { visibility: 'public' })).toBeNull();
    expect(s.delivered).toEqual([
      { message: textMessage(phrase('emptyMessage', 'en'), 'en'), visibility: 'private' },
    ]);
    expect(t.store.questions).toEqual([]);
  });
});
