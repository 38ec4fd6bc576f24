import type { Topic } from '../knowledge/types.js';

const KATAKANA = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモラリルレロ';

/**
 * Entries shaped like the real ones: the real topics, then variants in which a third of the English
 * words and every Japanese alias, title and clause get a numbered made-up word, so the vocabulary grows
 * with the entry count as in a real knowledge base, no two entries share their text, and answers keep
 * their real length.
 */
export function synthesize(real: Topic[], size: number): Topic[] {
  const result: Topic[] = [...real];
  for (let n = 0; result.length < size; n++) {
    const base = real[n % real.length] as Topic;
    const tag = `v${n}`;
    const word = katakanaWord(n);
    const vary = (text: string) =>
      text.replace(/[A-Za-z]{4,}/g, (match, offset: number) => (offset % 3 === 0 ? `${match}${tag}` : match));
    result.push({
      ...base,
      id: `${base.id}-${tag}`,
      title: { en: vary(base.title.en), ja: `${word}${base.title.ja}` },
      aliases: { en: base.aliases.en.map(vary), ja: base.aliases.ja.map((alias) => `${word}${alias}`) },
      answer: { en: vary(base.answer.en), ja: base.answer.ja.replace(/[、。]/g, (mark) => `${word}${mark}`) },
      related: [],
    });
  }
  return result;
}

function katakanaWord(n: number): string {
  let word = '';
  for (let rest = n + KATAKANA.length; rest > 0; rest = Math.floor(rest / KATAKANA.length)) {
    word += KATAKANA[rest % KATAKANA.length];
  }
  return word;
}
