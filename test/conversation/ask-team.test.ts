import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { ACTION_IDS, type AskTeamRef } from '../../src/answers/button-values.js';
import { phrase } from '../../src/answers/messages.js';
import type { SlackMessage } from '../../src/answers/slack-messages.js';
import { answerQuestion, type AskOptions } from '../../src/conversation/ask.js';
import { askTheTeam, tellAskerOfReply, type TeamDesk } from '../../src/conversation/ask-team.js';
import { giveFeedback } from '../../src/conversation/buttons.js';
import { parseDockerCommand, runDockerCommand } from '../../src/conversation/docker-command.js';
import { homeFor } from '../../src/conversation/home.js';
import type { Asker, DeliveryFailure, Reply } from '../../src/conversation/request.js';
import { readTeachButtonValue } from '../../src/conversation/teach.js';
import type { Lang } from '../../src/knowledge/types.js';
import type { Surface } from '../../src/store/store.js';
import { createTestDeps, type TestDeps } from '../fakes/deps.js';

const ADMIN = 'U0ADMIN';
const ASKER = 'U0ASKER';
const HELP = 'C0HELP';
/** A question the bot is not sure about, with runners-up (layers-cache, prune-cleanup, docker-build). */
const NOT_SURE = 'odd build cache';

function asker(userId = ASKER, surface: Surface = 'command', lang: Lang = 'en'): Asker {
  return {
    userId,
    channelId: 'C0CONV',
    surface,
    requestId: 'trigger-1',
    profile: async () => ({ lang }),
  };
}

function testDeps(setup: { helpChannel?: string; experts?: string[] } = {}): TestDeps {
  const t = createTestDeps();
  t.deps.adminUserIds = [ADMIN];
  if (setup.helpChannel) t.deps.helpChannel = setup.helpChannel;
  if (setup.experts) t.deps.experts = setup.experts;
  return t;
}

/** The replies a question gets. */
async function ask(
  t: TestDeps,
  who: Asker,
  question: string,
  options: AskOptions = { visibility: 'private' },
) {
  const delivered: Reply[] = [];
  await answerQuestion(
    t.deps,
    who,
    question,
    async (reply) => {
      delivered.push(reply);
      return null;
    },
    options,
  );
  return delivered;
}

async function docker(t: TestDeps, text: string, who: Asker = asker(ADMIN)) {
  const delivered: Reply[] = [];
  await runDockerCommand(t.deps, who, parseDockerCommand(text), async (reply) => {
    delivered.push(reply);
    return null;
  });
  return delivered;
}

const buttonsOf = (message: Pick<SlackMessage, 'blocks'> | undefined) =>
  (message?.blocks ?? []).flatMap((block: KnownBlock) =>
    block.type === 'actions'
      ? block.elements.flatMap((e) =>
          e.type === 'button' && e.action_id ? [{ ...e, action_id: e.action_id }] : [],
        )
      : [],
  );
const askButtons = (message: Pick<SlackMessage, 'blocks'> | undefined) =>
  buttonsOf(message).filter((b) => b.action_id.startsWith('ask_team'));
const allText = (message: Pick<SlackMessage, 'blocks'> | undefined) => JSON.stringify(message?.blocks ?? []);

/** A desk that records posts and direct messages, gives permalinks, and fails when told. */
function fakeDesk(failPost?: DeliveryFailure) {
  const posts: { channel: string; message: SlackMessage; threadTs?: string }[] = [];
  const dms: { user: string; message: SlackMessage }[] = [];
  let next = 1;
  const desk: TeamDesk = {
    async post(channel, message, threadTs) {
      if (failPost) return failPost;
      posts.push({ channel, message, threadTs });
      return { ts: `1700000100.00000${next++}` };
    },
    async permalink(channel, ts) {
      return `https://example.slack.com/archives/${channel}/p${ts.replace('.', '')}`;
    },
    async directMessage(user, message) {
      dms.push({ user, message });
      return null;
    },
  };
  return { desk, posts, dms };
}

function ref(overrides: Partial<AskTeamRef> = {}): AskTeamRef {
  return {
    question: NOT_SURE,
    lang: 'en',
    forUser: ASKER,
    guesses: ['layers-cache', 'docker-build'],
    where: { channel: 'C0CONV', ts: '1700000000.000100', threadTs: '1700000000.000100' },
    ...overrides,
  };
}

describe('A "not sure" reply', () => {
  it('offers Ask the team and Ask anonymously, bound to the asker, when a help channel is set', async () => {
    const t = testDeps({ helpChannel: HELP });
    const [reply] = await ask(t, asker(), NOT_SURE);

    const buttons = askButtons(reply?.message);
    expect(buttons.map((b) => b.action_id)).toEqual([ACTION_IDS.askTeam, ACTION_IDS.askTeamAnonymously]);
    expect(buttons.map((b) => b.text.text)).toEqual([
      phrase('askTeam', 'en'),
      phrase('askAnonymously', 'en'),
    ]);
    expect(t.deps.buttons.readAskTeam(buttons[0]?.value ?? '')).toEqual({
      question: NOT_SURE,
      lang: 'en',
      forUser: ASKER,
      guesses: ['layers-cache', 'prune-cleanup', 'docker-build'],
      where: null,
    });
  });

  it('carries the message a mention was asked in, for the help post to link to', async () => {
    const t = testDeps({ helpChannel: HELP });
    const [reply] = await ask(t, asker(ASKER, 'mention'), NOT_SURE, {
      visibility: 'public',
      threadTs: '1700000000.000001',
      messageTs: '1700000000.000100',
    });
    const value = askButtons(reply?.message)[0]?.value ?? '';
    expect(t.deps.buttons.readAskTeam(value)?.where).toEqual({
      channel: 'C0CONV',
      ts: '1700000000.000100',
      threadTs: '1700000000.000001',
    });
  });

  it('offers them in Japanese to a question asked in Japanese', async () => {
    const t = testDeps({ helpChannel: HELP });
    const [reply] = await ask(t, asker(), 'おいしいパンの焼き方');
    expect(askButtons(reply?.message).map((b) => b.text.text)).toEqual([
      phrase('askTeam', 'ja'),
      phrase('askAnonymously', 'ja'),
    ]);
  });

  it('offers them once an admin has set the help channel in Slack', async () => {
    const t = testDeps();
    await docker(t, 'admin help-channel <#C0SLACKHELP|help-docker>');
    const [reply] = await ask(t, asker(), NOT_SURE);
    expect(askButtons(reply?.message)).toHaveLength(2);
  });

  it('tells an admin how to set up a help channel when none is set, with no buttons', async () => {
    const t = testDeps();
    const [reply] = await ask(t, asker(ADMIN), NOT_SURE);
    expect(askButtons(reply?.message)).toEqual([]);
    expect(allText(reply?.message)).toContain('/docker admin help-channel #channel');
  });

  it('shows nothing of it to anyone else when none is set', async () => {
    const t = testDeps();
    const [reply] = await ask(t, asker(), NOT_SURE);
    expect(askButtons(reply?.message)).toEqual([]);
    expect(allText(reply?.message)).not.toContain('help-channel');
  });

  it('is not offered under a confident answer', async () => {
    const t = testDeps({ helpChannel: HELP });
    const [reply] = await ask(t, asker(), 'what is a docker volume');
    expect(askButtons(reply?.message)).toEqual([]);
  });

  it('is still delivered, without the buttons, when the settings cannot be read', async () => {
    const t = testDeps();
    t.store.failWith('getSetting', new Error('database is down'));
    const [reply] = await ask(t, asker(), NOT_SURE);
    expect(reply?.message.text).toContain("I'm not sure");
    expect(askButtons(reply?.message)).toEqual([]);
    expect(t.logged('could not read a setting; taking it as unset')).toMatchObject({ level: 'error' });
  });
});

describe('The thanks for a 👎', () => {
  const vote = (t: TestDeps) =>
    t.deps.buttons.value({ topic: 'volumes', lang: 'en', question: 'keep my db data', forUser: ASKER });

  it('offers to ask the team, with the answered topic as the guess', async () => {
    const t = testDeps({ helpChannel: HELP });
    const reply = await giveFeedback(t.deps, asker(ASKER, 'button'), vote(t), false);
    const buttons = askButtons(reply?.message);
    expect(buttons).toHaveLength(2);
    expect(t.deps.buttons.readAskTeam(buttons[0]?.value ?? '')).toMatchObject({
      question: 'keep my db data',
      forUser: ASKER,
      guesses: ['volumes'],
    });
  });

  it('does not for a 👍', async () => {
    const t = testDeps({ helpChannel: HELP });
    const reply = await giveFeedback(t.deps, asker(ASKER, 'button'), vote(t), true);
    expect(askButtons(reply?.message)).toEqual([]);
  });
});

describe('App Home', () => {
  it('has the two buttons that open the question modal when a help channel is set', async () => {
    const t = testDeps({ helpChannel: HELP });
    const home = await homeFor(t.deps, asker(ASKER, 'home'));
    expect(askButtons(home).map((b) => [b.action_id, b.value])).toEqual([
      [ACTION_IDS.askTeamOpen, 'en'],
      [ACTION_IDS.askTeamOpenAnonymously, 'en'],
    ]);
  });

  it('has the setup hint for an admin, and nothing for others, when none is set', async () => {
    const t = testDeps();
    expect(JSON.stringify((await homeFor(t.deps, asker(ADMIN, 'home'))).blocks)).toContain('help-channel');
    const home = await homeFor(t.deps, asker(ASKER, 'home'));
    expect(askButtons(home)).toEqual([]);
    expect(JSON.stringify(home.blocks)).not.toContain('help-channel');
  });
});

describe('/docker admin help-channel and experts', () => {
  it('sets the help channel from a picked channel, and shows where it comes from', async () => {
    const t = testDeps();
    const [set] = await docker(t, 'admin help-channel <#C0SLACKHELP|help-docker>');
    expect(set?.message.text).toContain('<#C0SLACKHELP>');
    expect(await t.store.getSetting('help_channel')).toBe('C0SLACKHELP');

    const [status] = await docker(t, 'admin');
    expect(status?.message.text).toContain('Help channel: <#C0SLACKHELP> (set in Slack)');
    expect(status?.message.text).toContain('Experts: not set');
  });

  it('takes a bare channel id, and `off` clears it', async () => {
    const t = testDeps();
    await docker(t, 'admin help-channel C0BARE');
    expect(await t.store.getSetting('help_channel')).toBe('C0BARE');
    const [off] = await docker(t, 'admin help-channel off');
    expect(off?.message.text).toBe(phrase('adminHelpChannelCleared', 'en'));
    expect(await t.store.getSetting('help_channel')).toBeNull();
  });

  it('says the environment wins when HELP_CHANNEL is set, and shows it as the one in use', async () => {
    const t = testDeps({ helpChannel: 'C0ENVHELP' });
    const [set] = await docker(t, 'admin help-channel <#C0SLACKHELP|help>');
    expect(set?.message.text).toContain('HELP_CHANNEL is set in the environment and wins');
    expect(set?.message.text).toContain('<#C0ENVHELP> stays in use');

    const [status] = await docker(t, 'admin');
    expect(status?.message.text).toContain('Help channel: <#C0ENVHELP> (from HELP_CHANNEL');
  });

  it('sets one user group, or people, as the experts', async () => {
    const t = testDeps();
    const [group] = await docker(t, 'admin experts <!subteam^S0DOCKER|@docker-experts>');
    expect(group?.message.text).toContain('<!subteam^S0DOCKER>');
    expect(await t.store.getSetting('experts')).toBe('S0DOCKER');

    await docker(t, 'admin experts <@U0ONE|one> <@U0TWO> <@U0ONE>');
    expect(await t.store.getSetting('experts')).toBe('U0ONE U0TWO');
    const [status] = await docker(t, 'admin');
    expect(status?.message.text).toContain('Experts: <@U0ONE> <@U0TWO> (set in Slack)');

    await docker(t, 'admin experts off');
    expect(await t.store.getSetting('experts')).toBeNull();
  });

  it.each([
    ['help-channel', 'help-channel #general'],
    ['help-channel', 'help-channel'],
    ['help-channel', 'help-channel <@U0ONE>'],
    ['experts', 'experts @docker-experts'],
    ['experts', 'experts'],
    ['experts', 'experts <!subteam^S0A|@a> <@U0ONE>'],
  ])('explains how to name the %s for "%s", and saves nothing', async (_what, words) => {
    const t = testDeps();
    const [reply] = await docker(t, `admin ${words}`);
    expect(reply?.message.text).toMatch(/^(Name one channel|Mention one user group)/);
    expect(await t.store.getSetting('help_channel')).toBeNull();
    expect(await t.store.getSetting('experts')).toBeNull();
  });

  it('is for admins only', async () => {
    const t = testDeps();
    const [reply] = await docker(t, 'admin help-channel C0HELP', asker(ASKER));
    expect(reply?.message.text).toBe(phrase('adminOnly', 'en'));
    expect(await t.store.getSetting('help_channel')).toBeNull();
    expect(await t.store.getSetting('experts')).toBeNull();
  });
});

describe('Asking the team', () => {
  it('posts the question as written, who asked, the guesses, a link and the experts; the asker gets the thread', async () => {
    const t = testDeps({ helpChannel: HELP, experts: ['S0DOCKER'] });
    const { desk, posts } = fakeDesk();
    const reply = await askTheTeam(
      t.deps,
      asker(ASKER, 'button'),
      ref({ question: 'why <!channel> & <b>cache</b>?' }),
      false,
      desk,
      'ask-team:1',
    );

    expect(posts).toHaveLength(1);
    const post = posts[0]!;
    expect(post.channel).toBe(HELP);
    const text = allText(post.message);
    expect(text).toContain('<@U0ASKER> asked:');
    expect(text).toContain('why @channel &amp; &lt;b&gt;cache&lt;/b&gt;?');
    expect(text).not.toContain('<!channel>');
    const titles = ['layers-cache', 'docker-build'].map(
      (id) => t.deps.answers.current().kb.byId.get(id)?.title.en,
    );
    expect(text).toContain(`The bot's best guesses: ${titles.join(' · ')}`);
    expect(text).toContain(
      '<https://example.slack.com/archives/C0CONV/p1700000000000100|the original message>',
    );
    expect(text).toContain('<!subteam^S0DOCKER>');
    // Maintainers teach the bot from the post itself (src/slack/listeners/actions/teach.ts).
    const teach = post.message.blocks
      .flatMap((block) => (block.type === 'actions' ? block.elements : []))
      .find((element) => element.type === 'button' && element.action_id === ACTION_IDS.teachQuestion);
    expect(teach && 'value' in teach ? readTeachButtonValue(teach.value ?? '') : null).toEqual({
      q: 'why <!channel> & <b>cache</b>?',
    });

    expect(reply?.visibility).toBe('private');
    expect(reply?.message.text).toContain(
      'I asked the team in <#C0HELP>: <https://example.slack.com/archives/C0HELP/p1700000100000001|the thread>',
    );
    expect(await t.store.findHelpRequest(HELP, '1700000100.000001')).toMatchObject({
      asker: ASKER,
      anonymous: false,
      askedIn: { channel: 'C0CONV', threadTs: '1700000000.000100' },
    });
  });

  it('says "asked privately" for a question nobody else saw', async () => {
    const t = testDeps({ helpChannel: HELP });
    const { desk, posts } = fakeDesk();
    await askTheTeam(t.deps, asker(ASKER, 'button'), ref({ where: null }), false, desk);
    expect(allText(posts[0]?.message)).toContain('Asked privately.');
    expect(allText(posts[0]?.message)).not.toContain('archives/C0CONV');
  });

  it('asked anonymously: "someone", and the asker id in no post and no log line', async () => {
    const t = testDeps({ helpChannel: HELP, experts: ['U0EXPERT'] });
    const { desk, posts } = fakeDesk();
    const reply = await askTheTeam(t.deps, asker(ASKER, 'button'), ref(), true, desk, 'ask-team:2');

    const text = allText(posts[0]?.message) + posts[0]?.message.text;
    expect(text).toContain('Someone asked (anonymously):');
    expect(text).not.toContain(ASKER);
    // A link to the message asked in would show who wrote it.
    expect(text).not.toContain('archives/C0CONV');
    expect(reply?.message.text).toContain('without your name');
    expect(t.lines.join('\n')).not.toContain(ASKER);
    expect((await t.store.findHelpRequest(HELP, '1700000100.000001'))?.askedIn).toBeNull();
  });

  it('writes the post in the asker’s language', async () => {
    const t = testDeps({ helpChannel: HELP });
    const { desk, posts } = fakeDesk();
    await askTheTeam(
      t.deps,
      asker(ASKER, 'button', 'ja'),
      ref({ lang: 'ja', question: 'キャッシュ' }),
      true,
      desk,
    );
    expect(allText(posts[0]?.message)).toContain('匿名の質問');
  });

  it('posts once per click, however often the click arrives', async () => {
    const t = testDeps({ helpChannel: HELP });
    const { desk, posts } = fakeDesk();
    for (let i = 0; i < 3; i++)
      await askTheTeam(t.deps, asker(ASKER, 'button'), ref(), false, desk, 'ask-team:3');
    expect(posts).toHaveLength(1);
  });

  it('refuses a button made for someone else, and logs no id', async () => {
    const t = testDeps({ helpChannel: HELP });
    const { desk, posts } = fakeDesk();
    const reply = await askTheTeam(t.deps, asker('U0OTHER', 'button'), ref(), true, desk);
    expect(reply).toBeNull();
    expect(posts).toEqual([]);
    expect(t.logged('ask-the-team button made for someone else')).toBeDefined();
    expect(t.lines.join('\n')).not.toContain(ASKER);
  });

  it('tells the asker to get the bot invited when it is not in the help channel', async () => {
    const t = testDeps({ helpChannel: HELP });
    const { desk } = fakeDesk('not_in_channel');
    const reply = await askTheTeam(t.deps, asker(ASKER, 'button'), ref(), false, desk);
    expect(reply?.message.text).toContain('I could not post in <#C0HELP>: I am not a member');
  });

  it('explains, instead of posting, when the help channel was unset after the button was shown', async () => {
    const t = testDeps();
    const { desk, posts } = fakeDesk();
    const reply = await askTheTeam(t.deps, asker(ASKER, 'button'), ref(), false, desk);
    expect(posts).toEqual([]);
    expect(reply?.message.text).toBe(phrase('askTeamNotSetUp', 'en'));
  });
});

describe('A reply in the help thread', () => {
  async function asked(anonymous: boolean, where: AskTeamRef['where'] = ref().where) {
    const t = testDeps({ helpChannel: HELP });
    const desk = fakeDesk();
    await askTheTeam(t.deps, asker(ASKER, 'button'), ref({ where }), anonymous, desk.desk);
    desk.posts.length = 0;
    const reply = (user: string, ts: string) =>
      tellAskerOfReply(t.deps, { channel: HELP, threadTs: '1700000100.000001', ts, user }, desk.desk);
    return { t, ...desk, reply };
  }

  it('tells the asker once, in the thread they asked in, who answered with a link', async () => {
    const { posts, dms, reply } = await asked(false);
    await reply('U0EXPERT', '1700000200.000001');
    await reply('U0SECOND', '1700000300.000001');

    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ channel: 'C0CONV', threadTs: '1700000000.000100' });
    expect(posts[0]?.message.text).toContain(
      '<@U0ASKER> <@U0EXPERT> replied to your question in <#C0HELP>: <https://example.slack.com/archives/C0HELP/p1700000200000001|read the reply>',
    );
    expect(dms).toEqual([]);
  });

  it('tells by direct message an asker who asked privately', async () => {
    const { posts, dms, reply } = await asked(false, null);
    await reply('U0EXPERT', '1700000200.000001');
    expect(posts).toEqual([]);
    expect(dms.map((dm) => dm.user)).toEqual([ASKER]);
  });

  it('tells an anonymous asker by direct message only, and logs no id', async () => {
    const { t, posts, dms, reply } = await asked(true);
    await reply('U0EXPERT', '1700000200.000001');
    expect(posts).toEqual([]);
    expect(dms.map((dm) => dm.user)).toEqual([ASKER]);
    expect(dms[0]?.message.text).toContain('asked anonymously');
    expect(t.lines.join('\n')).not.toContain(ASKER);
  });

  it('does not tell the asker of their own follow-up', async () => {
    const { posts, dms, reply } = await asked(false);
    await reply(ASKER, '1700000200.000001');
    expect([...posts, ...dms]).toEqual([]);
  });

  it('ignores a thread that is no help post', async () => {
    const { t, desk, posts, dms } = await asked(false);
    await tellAskerOfReply(t.deps, { channel: HELP, threadTs: '1.1', ts: '1.2', user: 'U0EXPERT' }, desk);
    expect([...posts, ...dms]).toEqual([]);
  });
});
