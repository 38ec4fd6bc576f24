import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding package.json, found from this file so commands work from any directory. */
export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

export const DEFAULT_KNOWLEDGE_DIR = join(PROJECT_ROOT, 'knowledge');
/** The shared evaluation material sits beside the repository. */
export const DEFAULT_EVAL_FILE = resolve(PROJECT_ROOT, '..', 'shared', 'eval', 'questions.tsv');
export const DEFAULT_LINKS_FILE = resolve(PROJECT_ROOT, '..', 'shared', 'links.yaml');

function findProjectRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}
