import type { Bilingual, Lang } from '../knowledge/types.js';

/** Every user-facing sentence, in both languages, in one place. */
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
} satisfies Record<string, Bilingual<string>>;

export function say(key: keyof typeof MESSAGES, lang: Lang): string {
  return MESSAGES[key][lang];
}
