import 'dotenv/config';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createAnswerService } from '../answers/answer-service.js';
import { renderPlainText } from '../answers/answer.js';
import type { LearnedAlias } from '../search/learned.js';
import {
  argsOrExit,
  cliConfigOrExit,
  exitQuietlyWhenPipeCloses,
  loadKnowledgeOrExit,
  openStoreOrExit,
} from './shared.js';

exitQuietlyWhenPipeCloses();

const USAGE = `Usage:
  npm run ask -- "what is an image"           the answer as a person reads it
  npm run ask -- --json "what is an image"    one JSON object
  npm run ask -- --json < questions.txt       one JSON object per input line, in order
  npm run ask -- --explain "what is an image" how the words matched and how topics ranked
  npm run ask -- --no-learned "…"             without the phrasings maintainers taught (npm run teach)`;

const { values: flags, positionals: words } = argsOrExit('ask', () =>
  parseArgs({
    args: process.argv.slice(2),
    options: {
      json: { type: 'boolean', default: false },
      explain: { type: 'boolean', default: false },
      'no-learned': { type: 'boolean', default: false },
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

const config = cliConfigOrExit();
const kb = loadKnowledgeOrExit(config.knowledgeDir);
const answers = createAnswerService(kb, flags['no-learned'] ? [] : await learnedPhrasings());
const { engine } = answers.current();
const question = words.join(' ');

if (flags.json && question === '') {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    process.stdout.write(`${JSON.stringify(answers.answer(line))}\n`);
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
  console.log(JSON.stringify(answers.answer(question)));
} else {
  console.log(renderPlainText(answers.answer(question), kb));
}

/** The phrasings taught in the store DATABASE_URL names (as the bot reads it), when that store exists. */
async function learnedPhrasings(): Promise<LearnedAlias[]> {
  const store = await openStoreOrExit('ask', config.databaseUrl, { onlyIfPresent: true });
  if (!store) return [];
  try {
    return await store.listLearnedPhrasings();
  } finally {
    await store.close();
  }
}
