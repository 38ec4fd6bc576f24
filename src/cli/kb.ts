import { parseArgs } from 'node:util';
import { argsOrExit, exitQuietlyWhenPipeCloses, loadKnowledgeOrExit } from './shared.js';

exitQuietlyWhenPipeCloses();

const { values } = argsOrExit('kb', () =>
  parseArgs({
    args: process.argv.slice(2),
    options: { json: { type: 'boolean', default: false } },
    strict: true,
  }),
);
const kb = loadKnowledgeOrExit();

if (values.json) {
  const entries = kb.topics.map(
    ({ id, title, aliases, examples, errors, answer, links, related, tip, quiz, reviewed }) => ({
      id,
      title,
      aliases,
      examples,
      errors,
      answer,
      links,
      related,
      tip,
      quiz,
      reviewed,
    }),
  );
  console.log(JSON.stringify(entries, null, 2));
} else {
  for (const topic of kb.topics) console.log(`${topic.id.padEnd(24)} ${topic.title.en} / ${topic.title.ja}`);
  console.log(`\n${kb.topics.length} topics. Use --json for the whole knowledge base.`);
}
