import type { Bilingual, Lang } from '../knowledge/types.js';

/**
 * Every user-facing sentence, in both languages, in one place. Strings may use mrkdwn (`code`, *bold*)
 * but never `&`, `<` or `>` as markup: renderers escape those, so `<question>` shows as typed.
 * `{name}` marks a value filled in by `sayWith`.
 */
export const MESSAGES = {
  noAnswer: {
    en: "Sorry, I'm not sure about that one, and I'd rather not guess.",
    ja: 'すみません、その質問には自信を持って答えられません。推測で答えるのはやめておきます。',
  },
  didYouMean: { en: 'Did you mean:', ja: 'もしかして:' },
  seeTopics: {
    en: 'Try rephrasing, or see every topic with `/docker topics`.',
    ja: '言い換えてみるか、`/docker topics` で話題の一覧を見てください。',
  },
  links: { en: 'Docs', ja: 'ドキュメント' },
  related: { en: 'Related', ja: '関連' },

  helpful: { en: '👍 Helpful', ja: '👍 役に立った' },
  notHelpful: { en: '👎 Not helpful', ja: '👎 役に立たなかった' },
  shareInChannel: { en: 'Share in channel', ja: 'チャンネルに共有' },
  askedBy: { en: 'Asked by {user}', ja: '{user} さんの質問' },
  youAsked: { en: 'You asked:', ja: 'あなたの質問:' },

  helpTitle: { en: 'How to use the Docker bot', ja: 'Docker ボットの使い方' },
  helpIntro: {
    en: 'I answer questions about Docker, containers and Kubernetes, in English or Japanese.',
    ja: 'Docker・コンテナ・Kubernetes についての質問に、日本語か英語で答えます。',
  },
  helpAsk: { en: '`/docker <question>`: ask a question', ja: '`/docker <質問>`: 質問する' },
  helpHelp: { en: '`/docker help`: show this help', ja: '`/docker help`: この使い方を表示' },
  helpTopics: {
    en: '`/docker topics`: list every topic I can explain',
    ja: '`/docker topics`: 説明できる話題の一覧',
  },
  helpTip: { en: '`/docker tip`: the Docker tip of the day', ja: '`/docker tip`: 今日の Docker ヒント' },
  helpMention: {
    en: 'Mention me in a channel or thread (`@Docker bot <question>`) and I reply in the thread',
    ja: 'チャンネルやスレッドでメンションすると (`@Docker bot <質問>`)、スレッドで返信します',
  },
  helpDm: { en: 'Send me a direct message with your question', ja: 'ダイレクトメッセージで質問もできます' },
  helpShortcut: {
    en: 'On any message, open the *⋮ More actions* menu and choose *Ask the Docker bot* to ask about it',
    ja: 'メッセージの *⋮ その他* メニューから *Ask the Docker bot* を選ぶと、そのメッセージについて質問できます',
  },
  bothLanguages: {
    en: 'Ask in English or Japanese: I answer in the language you write in.',
    ja: '日本語でも英語でも質問できます。質問と同じ言語で答えます。',
  },

  topicsTitle: { en: 'Topics I can explain', ja: '説明できる話題' },
  topicsCount: { en: '{count} topics', ja: '{count} 件の話題' },
  topicsHint: {
    en: 'Ask about any of them with `/docker <question>`, or browse them with buttons in my App Home.',
    ja: '`/docker <質問>` で質問するか、アプリのホームタブでボタンから選んでください。',
  },
  moreTopics: { en: '…and {count} more', ja: '…ほか {count} 件' },

  homeTitle: { en: 'Docker tutor', ja: 'Docker チューター' },

  sorry: {
    en: 'Sorry, something went wrong on my side and I could not post the answer. Please try again in a moment.',
    ja: 'すみません、こちらの問題で回答を投稿できませんでした。少し待ってからもう一度お試しください。',
  },
  notInChannel: {
    en: 'I am not in this channel, so I cannot reply in its thread. Invite me with `/invite @docker-tutor`, or ask me with `/docker <question>`.',
    ja: 'このチャンネルに参加していないため、スレッドに返信できません。`/invite @docker-tutor` で招待するか、`/docker <質問>` で質問してください。',
  },
  feedbackThanks: {
    en: 'Thanks for the feedback! It helps the maintainers improve the answers.',
    ja: 'フィードバックありがとうございます。回答の改善に役立てます。',
  },
  emptyMessage: {
    en: 'That message has no text I can read. Try `/docker <question>`.',
    ja: 'そのメッセージには読み取れる文章がありません。`/docker <質問>` で質問してください。',
  },
  tipTitle: { en: 'Docker tip', ja: 'Docker ヒント' },
  browseTopics: { en: 'Browse topics', ja: '話題から選ぶ' },
} satisfies Record<string, Bilingual<string>>;

export type MessageKey = keyof typeof MESSAGES;

export function say(key: MessageKey, lang: Lang): string {
  return MESSAGES[key][lang];
}

/** `say` with its `{name}` placeholders filled in; values are inserted as given, so escape them first. */
export function sayWith(key: MessageKey, lang: Lang, values: Record<string, string | number>): string {
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in values ? String(values[name]) : placeholder,
  );
}
