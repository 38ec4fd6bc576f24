import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { formatProblem } from '../knowledge/errors.js';
import { lintKnowledge, type KnownLinks } from '../knowledge/lint.js';
import { DEFAULT_LINKS_FILE } from '../paths.js';
import { knowledgeDir, loadKnowledgeOrExit, parseArgs, requireFile } from './shared.js';

const { options } = parseArgs(process.argv.slice(2), ['links']);
const dir = knowledgeDir();
const kb = loadKnowledgeOrExit(dir);

const linksFile = requireFile(
  'kb:check',
  options.get('links') ?? DEFAULT_LINKS_FILE,
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
