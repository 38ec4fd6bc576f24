import { describe, expect, it } from 'vitest';
import { studyBlocks } from '../../../../src/answers/quiz-messages.js';
import { homeView, type HomeTab } from '../../../../src/answers/slack-messages.js';
import type { Lang } from '../../../../src/knowledge/types.js';
import { appHomeOpened } from '../../../../src/slack/listeners/events/app-home-opened.js';
import { FIXED_NOW, realKnowledge } from '../../../fakes/deps.js';
import { USER_ID, createListenerHarness, homeOpenedArgs } from '../../../fakes/slack-args.js';
import { platformError } from '../../../fakes/slack-client.js';

/** The home of someone who has not studied yet: every track at 0, no streak, Continue on the first. */
function freshHome(lang: Lang) {
  const kb = realKnowledge();
  const tracks = kb.tracks.map((track) => ({
    id: track.id,
    title: track.title,
    done: 0,
    total: track.topics.length,
  }));
  return homeView(lang, kb, studyBlocks(lang, { tracks, streak: 0, current: kb.tracks[0]?.id ?? null }));
}

describe('When someone opens the App Home tab', () => {
  it('publishes the home view for that person, in English for an English locale', async () => {
    const h = createListenerHarness();
    h.slack.locale = 'en-GB';
    await appHomeOpened(h.deps)(homeOpenedArgs(h));

    expect(h.slack.argsOf('users.info')).toEqual([{ user: USER_ID, include_locale: true }]);
    expect(h.slack.argsOf('views.publish')).toEqual([{ user_id: USER_ID, view: freshHome('en') }]);
  });

  it('publishes it in Japanese for a Japanese Slack locale', async () => {
    const h = createListenerHarness();
    h.slack.locale = 'ja-JP';
    await appHomeOpened(h.deps)(homeOpenedArgs(h));

    expect(h.slack.argsOf('views.publish')[0]?.view).toEqual(freshHome('ja'));
  });

  it('offers every topic as a button', async () => {
    const h = createListenerHarness();
    await appHomeOpened(h.deps)(homeOpenedArgs(h));

    const view = JSON.stringify(h.slack.argsOf('views.publish')[0]?.view);
    for (const topic of realKnowledge().topics) expect(view).toContain(`show_topic:${topic.id}`);
  });

  it('falls back to English when the locale cannot be read', async () => {
    const h = createListenerHarness();
    h.slack.fail('users.info', platformError('missing_scope'));
    await appHomeOpened(h.deps)(homeOpenedArgs(h));

    expect(h.slack.argsOf('views.publish')[0]?.view).toEqual(freshHome('en'));
  });

  it('logs a views.publish failure with its code instead of throwing', async () => {
    const h = createListenerHarness();
    h.slack.fail('views.publish', platformError('not_enabled'));

    await expect(appHomeOpened(h.deps)(homeOpenedArgs(h))).resolves.toBeUndefined();
    expect(h.logged('views.publish failed')).toMatchObject({ level: 'warn', code: 'not_enabled' });
  });
});

describe("The App Home's study section", () => {
  it('shows progress per track, the streak and Continue on the track last studied', async () => {
    const h = createListenerHarness();
    const yesterday = new Date(FIXED_NOW.getTime() - 24 * 60 * 60 * 1000);
    for (const [id, item, at] of [
      ['q1', 0, yesterday],
      ['q2', 1, FIXED_NOW],
    ] as const) {
      await h.store.saveQuizQuestion({ id, userId: USER_ID, topic: 'kubernetes', item, shownAt: at });
      await h.store.answerQuizQuestion(id, true, at);
    }
    await h.store.markLessonDone(USER_ID, 'kubernetes', FIXED_NOW);
    await appHomeOpened(h.deps)(homeOpenedArgs(h));

    const view = JSON.stringify(h.slack.argsOf('views.publish')[0]?.view);
    expect(view).toContain('1 / 20 lessons done');
    expect(view).toContain('2-day streak');
    const published = h.slack.argsOf('views.publish')[0] as { view: HomeTab } | undefined;
    const buttons = (published?.view.blocks ?? []).flatMap((block) =>
      block.type === 'actions' ? block.elements : [],
    );
    expect(buttons[0]).toMatchObject({ action_id: 'learn_continue:basics', style: 'primary' });
    expect(JSON.stringify(buttons[0])).toContain('Continue');
  });

  it('leaves the section out, and logs, when progress cannot be read', async () => {
    const h = createListenerHarness();
    h.store.failWith('listLessonsDone', new Error('database is down'));
    await appHomeOpened(h.deps)(homeOpenedArgs(h));

    expect(h.slack.argsOf('views.publish')[0]?.view).toEqual(homeView('en', realKnowledge()));
    expect(h.logged('could not read study progress for App Home')).toMatchObject({ level: 'error' });
  });
});

describe('When another tab of the app is opened', () => {
  it.each(['messages', 'about'])('does nothing for the %s tab', async (tab) => {
    const h = createListenerHarness();
    await appHomeOpened(h.deps)(homeOpenedArgs(h, { tab }));

    expect(h.slack.calls).toEqual([]);
  });
});
