import { knowledgeDir, loadKnowledgeOrExit } from './shared.js';

const dir = knowledgeDir();
const kb = loadKnowledgeOrExit(dir);
console.log(`kb:check: ${kb.topics.length} topics in ${dir} are valid.`);
