import { describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../../../src/answers/button-values.js';
import { topicMessage } from '../../../../src/answers/slack-messages.js';
import { showTopic } from '../../../../src/slack/listeners/actions/show-topic.js';
import { realKnowledge, testButtons } from '../../../fakes/deps.js';
import {
  APP_HOME_CONTAINER,
  PUBLIC_MESSAGE_CONTAINER,
  USER_ID,
  buttonArgs,
  createListenerHarness,
  type ButtonClick,
} from '../../../fakes/slack-args.js';
import { platformError } from '../../../fakes/slack-client.js';

const click = (value: string, more: Partial<ButtonClick> = {}): ButtonClick => ({
  action_id: `${ACTION_IDS.showTopicPrefix}${value.split('|')[0]}`,
  value,
  ...more,
});

describe('When a topic button is clicked in a private answer', () => {
  it('acknowledges, then replaces the private answer with the topic, shareable', async () => {
    const h = createListenerHarness();
    await showTopic(h.deps)(buttonArgs(h, click('volumes|en')));

    expect(h.timeline).toEqual(['ack', 'respond']);
    expect(h.responses).toEqual([
      {
        response_type: 'ephemeral',
        replace_original: true,
        ...topicMessage('volumes', 'en', realKnowledge(), {
          shareable: true,
          buttons: testButtons,
          forUser: USER_ID,
        }),
      },
    ]);
    expect(JSON.stringify(h.responses[0]?.blocks)).toContain(ACTION_IDS.shareAnswer);
  });

  it('shows the topic in the language the button carries', async () => {
    const h = createListenerHarness();
    await showTopic(h.deps)(buttonArgs(h, click('volumes|ja')));

    expect(h.responses[0]).toMatchObject(
      topicMessage('volumes', 'ja', realKnowledge(), {
        shareable: true,
        buttons: testButtons,
        forUser: USER_ID,
      }),
    );
    expect(h.responses[0]?.text).toMatch(/ボリューム/);
  });
});

describe('When a topic button is clicked under a message everyone sees', () => {
  it('sends the topic privately without replacing the public message', async () => {
    const h = createListenerHarness();
    await showTopic(h.deps)(buttonArgs(h, click('volumes|en', { container: PUBLIC_MESSAGE_CONTAINER })));

    expect(h.responses).toHaveLength(1);
    expect(h.responses[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
  });
});

describe('When a topic button is clicked in App Home', () => {
  it('sends the topic to the person in their DM with the bot, since there is no response_url', async () => {
    const h = createListenerHarness();
    await showTopic(h.deps)(
      buttonArgs(h, click('volumes|en', { container: APP_HOME_CONTAINER, response_url: undefined })),
    );

    expect(h.responses).toEqual([]);
    expect(h.slack.argsOf('chat.postMessage')).toEqual([
      {
        channel: USER_ID,
        ...topicMessage('volumes', 'en', realKnowledge(), {
          shareable: true,
          buttons: testButtons,
          forUser: USER_ID,
        }),
      },
    ]);
  });

  it('logs a failed DM instead of throwing', async () => {
    const h = createListenerHarness();
    h.slack.fail('chat.postMessage', platformError('cannot_dm_bot'));

    await expect(
      showTopic(h.deps)(
        buttonArgs(h, click('volumes|en', { container: APP_HOME_CONTAINER, response_url: undefined })),
      ),
    ).resolves.toBeUndefined();
    expect(h.logged('chat.postMessage failed')).toMatchObject({ code: 'cannot_dm_bot' });
  });
});

describe('When the button names no topic the bot knows', () => {
  it.each([
    ['a removed topic', 'no-such-topic|en'],
    ['a value without a language', 'volumes'],
    ['an unsupported language', 'volumes|fr'],
    ['an empty value', ''],
  ])('acknowledges, logs and shows nothing for %s', async (_label, value) => {
    const h = createListenerHarness();
    await showTopic(h.deps)(buttonArgs(h, { action_id: 'show_topic:x', value }));

    expect(h.timeline).toEqual(['ack']);
    expect(h.slack.calls).toEqual([]);
    expect(h.logged('button for an unknown topic')).toMatchObject({ level: 'warn', value });
  });

  it('treats a button without a value the same way', async () => {
    const h = createListenerHarness();
    await showTopic(h.deps)(buttonArgs(h, { action_id: 'show_topic:x' }));

    expect(h.timeline).toEqual(['ack']);
    expect(h.logged('button for an unknown topic')).toBeDefined();
  });
});
