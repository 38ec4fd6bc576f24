import { describe, expect, it } from 'vitest';
import { homeView } from '../../../../src/answers/slack-messages.js';
import { appHomeOpened } from '../../../../src/slack/listeners/events/app-home-opened.js';
import { realKnowledge } from '../../../fakes/deps.js';
import { USER_ID, createListenerHarness, homeOpenedArgs } from '../../../fakes/slack-args.js';
import { platformError } from '../../../fakes/slack-client.js';

describe('When someone opens the App Home tab', () => {
  it('publishes the home view for that person, in English for an English locale', async () => {
    const h = createListenerHarness();
    h.slack.locale = 'en-GB';
    await appHomeOpened(h.deps)(homeOpenedArgs(h));

    expect(h.slack.argsOf('users.info')).toEqual([{ user: USER_ID, include_locale: true }]);
    expect(h.slack.argsOf('views.publish')).toEqual([
      { user_id: USER_ID, view: homeView('en', realKnowledge()) },
    ]);
  });

  it('publishes it in Japanese for a Japanese Slack locale', async () => {
    const h = createListenerHarness();
    h.slack.locale = 'ja-JP';
    await appHomeOpened(h.deps)(homeOpenedArgs(h));

    expect(h.slack.argsOf('views.publish')[0]?.view).toEqual(homeView('ja', realKnowledge()));
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

    expect(h.slack.argsOf('views.publish')[0]?.view).toEqual(homeView('en', realKnowledge()));
  });

  it('logs a views.publish failure with its code instead of throwing', async () => {
    const h = createListenerHarness();
    h.slack.fail('views.publish', platformError('not_enabled'));

    await expect(appHomeOpened(h.deps)(homeOpenedArgs(h))).resolves.toBeUndefined();
    expect(h.logged('views.publish failed')).toMatchObject({ level: 'warn', code: 'not_enabled' });
  });
});

describe('When another tab of the app is opened', () => {
  it.each(['messages', 'about'])('does nothing for the %s tab', async (tab) => {
    const h = createListenerHarness();
    await appHomeOpened(h.deps)(homeOpenedArgs(h, { tab }));

    expect(h.slack.calls).toEqual([]);
  });
});
