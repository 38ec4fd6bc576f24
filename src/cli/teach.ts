import 'dotenv/config';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { teachPhrasing } from '../conversation/teach.js';
import { argsOrExit, cliConfigOrExit, failWith, loadKnowledgeOrExit, openStoreOrExit } from './shared.js';

const USAGE = `Usage: npm run teach -- "<question>" <topic-id>
  Stores the question as a learned phrasing of the topic, in the store DATABASE_URL names (default: the
  bot's SQLite file). Every bot using that store answers it within seconds.`;

const { values, positionals } = argsOrExit('teach', () =>
  parseArgs({
    args: process.argv.slice(2),
    options: { help: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  }),
);
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals.length !== 2) failWith('teach', `give a question and a topic id.\n${USAGE}`);
const [question = '', topic = ''] = positionals;

const config = cliConfigOrExit();
const kb = loadKnowledgeOrExit(config.knowledgeDir);
const store = (await openStoreOrExit('teach', config.databaseUrl)) as NonNullable<
  Awaited<ReturnType<typeof openStoreOrExit>>
>;
const taughtBy = `cli:${userInfo().username}`;
try {
  const result = await teachPhrasing(store, kb, { phrasing: question, topic, taughtBy, at: new Date() });
  if (!result.ok) failWith('teach', result.problem);
  const { phrasing, created } = result;
  console.log(
    created
      ? `Learned #${phrasing.id}: "${phrasing.phrasing}" means ${phrasing.topic}.`
      : `Already learned (#${phrasing.id}): "${phrasing.phrasing}" means ${phrasing.topic}.`,
  );
} finally {
  await store.close();
}
