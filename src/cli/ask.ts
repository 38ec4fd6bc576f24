import { createInterface } from 'node:readline';
import { renderPlainText, toAnswer } from '../answers/answer.js';
import { createAnswerEngine } from '../search/engine.js';
import { exitQuietlyWhenPipeCloses, loadKnowledgeOrExit, parseArgs } from './shared.js';

exitQuietlyWhenPipeCloses();

const USAGE = `Usage:
  npm run ask -- "what is an image"           the answer as a person reads it
  npm run ask -- --json "what is an image"    one JSON object
  npm run ask -- --json < questions.txt       one JSON object per input line, in order
  npm run ask -- --explain "what is an image" how the words matched and how topics ranked`;

const { flags, words } = parseArgs(process.argv.slice(2));
if (flags.has('help')) {
  console.log(USAGE);
  process.exit(0);
}
const unknown = [...flags].filter((flag) => flag !== 'json' && flag !== 'explain');
if (unknown.length > 0) {
  console.error(`Unknown option --${unknown[0]}.\n${USAGE}`);
  process.exit(2);
}

const kb = loadKnowledgeOrExit();
const engine = createAnswerEngine(kb.topics);
const question = words.join(' ');

if (flags.has('json') && question === '') {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    process.stdout.write(`${JSON.stringify(toAnswer(engine.search(line)))}\n`);
  }
} else if (question.trim() === '') {
  console.error(`Ask a question.\n${USAGE}`);
  process.exit(2);
} else if (flags.has('explain')) {
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
} else if (flags.has('json')) {
  console.log(JSON.stringify(toAnswer(engine.search(question))));
} else {
  console.log(renderPlainText(toAnswer(engine.search(question)), kb));
}
