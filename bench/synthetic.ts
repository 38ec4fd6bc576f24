import type { Topic } from '../src/knowledge/types.js';

const VOCABULARY_VARIANTS = 1000;
const KATAKANA = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモラリルレロ';

/**
 * Entries shaped like the real ones: the real topics, then variants in which a third of the English
 * words and every Japanese alias, title and clause get a made-up word, and answers keep their real
 * length. The made-up words come from a pool of VOCABULARY_VARIANTS, so the vocabulary grows with the
 * entry count (new entries mostly reuse words, and bring some new ones). At 10,000 entries that is
 * about 240,000 distinct words, several times a real knowledge base's, and most of them near-duplicates
 * ("containerv1", "containerv2"…): a hard case for both index building and typo matching. A variant's
 * id ends in "-v<n>", not a bare number: small numbers are not words, and "container-5" would name
 * the same as "container".
 */
export function synthesize(real: Topic[], size: number): Topic[] {
  const result: Topic[] = [...real];
  for (let n = 0; result.length < size; n++) {
    const base = real[n % real.length] as Topic;
    const tag = `v${n % VOCABULARY_VARIANTS}`;
    const word = katakanaWord(n % VOCABULARY_VARIANTS);
    const vary = (text: string) =>
      text.replace(/[A-Za-z]{4,}/g, (match, offset: number) => (offset % 3 === 0 ? `${match}${tag}` : match));
    result.push({
      ...base,
      id: `${base.id}-v${n}`,
      title: { en: vary(base.title.en), ja: `${word} ${base.title.ja}` },
      aliases: { en: base.aliases.en.map(vary), ja: base.aliases.ja.map((alias) => `${word} ${alias}`) },
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
