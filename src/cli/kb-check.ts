import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { formatProblem } from '../knowledge/errors.js';
import { lintKnowledge, type KnownLinks } from '../knowledge/lint.js';
import { DEFAULT_LINKS_FILE } from '../paths.js';
import { argsOrExit, cliConfigOrExit, loadKnowledgeOrExit, requireFile } from './shared.js';

const { values } = argsOrExit('kb:check', () =>
  parseArgs({
    args: process.argv.slice(2),
    options: { links: { type: 'string', default: DEFAULT_LINKS_FILE } },
    strict: true,
  }),
);
const dir = cliConfigOrExit().knowledgeDir;
const kb = loadKnowledgeOrExit(dir);

const linksFile = requireFile(
  'kb:check',
  values.links,
  'it lists the documentation links per topic; restore it from git, or run `npm run sync:shared`.',
);
const knownLinks = (parseYaml(readFileSync(linksFile, 'utf8')) ?? {}) as KnownLinks;

const problems = lintKnowledge(kb, knownLinks);
if (problems.length > 0) {
  console.error(`kb:check: ${problems.length} authoring problem${problems.length === 1 ? '' : 's'}:`);
  for (const problem of problems) console.error(`  ${formatProblem(problem)}`);
  process.exit(1);
}
console.log(`kb:check: ${kb.topics.length} topics in ${dir} are valid.`);
