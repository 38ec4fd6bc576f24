import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT, SHARED_COPIES, SHARED_DIR } from '../paths.js';
import { argsOrExit } from './shared.js';

/**
 * The repository keeps its own copies of the team's evaluation questions and documentation links, so that
 * tests and checks need nothing outside it. This brings the copies up to date from `../shared` (or `--from DIR`)
 * when that folder is there; `--check` only reports copies that differ (what CI prints as a warning).
 */
const { values } = argsOrExit('sync:shared', () =>
  parseArgs({
    args: process.argv.slice(2),
    options: { check: { type: 'boolean', default: false }, from: { type: 'string', default: SHARED_DIR } },
    strict: true,
  }),
);
const sharedDir = resolve(values.from);

/** A path as the user would type it from here: relative when near, absolute when far. */
const shown = (path: string) => {
  const near = relative(process.cwd(), path) || '.';
  return near.startsWith(`..${sep}..`) ? path : near;
};

if (!existsSync(sharedDir)) {
  console.log(
    `sync:shared: no shared folder at ${shown(sharedDir)}; the repository's copies stay as they are.`,
  );
  process.exit(0);
}

for (const [sharedPath, repoPath] of SHARED_COPIES) {
  const from = join(sharedDir, sharedPath);
  const to = join(PROJECT_ROOT, repoPath);
  if (!existsSync(from)) {
    console.log(`sync:shared: ${shown(from)} does not exist; ${repoPath} left as it is.`);
    continue;
  }
  const same = existsSync(to) && readFileSync(from).equals(readFileSync(to));
  if (values.check) {
    if (!same)
      console.log(
        `warning: ${repoPath} differs from ${shown(from)}; run \`npm run sync:shared\` and commit it.`,
      );
  } else if (same) {
    console.log(`sync:shared: ${repoPath} is already the same as ${shown(from)}.`);
  } else {
    copyFileSync(from, to);
    console.log(`sync:shared: copied ${shown(from)} to ${repoPath}; review the diff and commit it.`);
  }
}
