import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding package.json, found from this file so commands work from any directory. */
export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

export const DEFAULT_KNOWLEDGE_DIR = join(PROJECT_ROOT, 'knowledge');
/** The evaluation questions `npm run eval` scores against its floor: the repository's own copy. */
export const DEFAULT_EVAL_FILE = join(PROJECT_ROOT, 'eval', 'questions.tsv');
/** Official documentation links per topic id, for the Japanese-link check: the repository's own copy. */
export const DEFAULT_LINKS_FILE = join(PROJECT_ROOT, 'knowledge', 'links.yaml');
/**
 * The team's shared folder beside a checkout, where the evaluation questions and links are kept up to date.
 * Only `npm run sync:shared` reads it: tests and checks read the copies in the repository.
 */
export const SHARED_DIR = resolve(PROJECT_ROOT, '..', 'shared');
/** Files kept in the repository as copies of the shared folder's: [path under shared/, path in the repository]. */
export const SHARED_COPIES: readonly (readonly [string, string])[] = [
  ['eval/questions.tsv', 'eval/questions.tsv'],
  ['links.yaml', 'knowledge/links.yaml'],
];

function findProjectRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}
