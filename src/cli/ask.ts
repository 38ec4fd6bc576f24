import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { renderPlainText, toAnswer } from '../answers/answer.js';
import { createAnswerEngine } from '../search/engine.js';
import { argsOrExit, exitQuietlyWhenPipeCloses, loadKnowledgeOrExit } from './shared.js';

exitQuietlyWhenPipeCloses();

const USAGE = `Usage:
  npm run ask -- "what is an image"           the answer as a person reads it
  npm run ask -- --json "what is an image"    one JSON object
  npm run ask -- --json < questions.txt       one JSON object per input line, in order
  npm run ask -- --explain "what is an image" how the words matched and how topics ranked`;

const { values: flags, positionals: words } = argsOrExit('ask', () =>
  parseArgs({
    args: process.argv.slice(2),
    options: {
      json: { type: 'boolean', default: false },
      explain: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  }),
);
if (flags.help) {
  console.log(USAGE);
  process.exit(0);
}

const kb = loadKnowledgeOrExit();
const engine = createAnswerEngine(kb.topics, undefined, kb.concepts);
const question = words.join(' ');

if (flags.json && question === '') {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    process.stdout.write(`${JSON.stringify(toAnswer(engine.search(line)))}\n`);
  }
} else if (question.trim() === '') {
  console.error(`Ask a question.\n${USAGE}`);
  process.exit(2);
} else if (flags.explain) {
  for (const { token, matches } of engine.explain(question)) {
    console.log(`${token}:`);
    if (matches.length === 0) console.log('  (unknown word)');
    for (const m of matches)
      console.log(`  ${m.term} sim=${m.similarity} idf=${m.idf} → ${m.topics.join(' ')}`);
  }
  console.log('\nranking:');
  for (const hit of engine.rank(question).slice(0, 8))
    console.log(`  ${hit.score.toFixed(3)}  ${hit.topic.id}`);
  const result = engine.search(question);
  console.log(
    `\nanswer: ${result.topic?.id ?? '(none)'}; suggestions: ${result.suggestions.map((t) => t.id).join(', ')}`,
  );
} else if (flags.json) {
  console.log(JSON.stringify(toAnswer(engine.search(question))));
} else {
  console.log(renderPlainText(toAnswer(engine.search(question)), kb));
}
