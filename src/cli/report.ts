import 'dotenv/config';
import { parseArgs } from 'node:util';
import { renderReport, reportFromStore } from '../report/report.js';
import { openStore } from '../store/index.js';
import { argsOrExit, cliConfigOrExit, exitQuietlyWhenPipeCloses, loadKnowledgeOrExit } from './shared.js';

exitQuietlyWhenPipeCloses();

const USAGE = 'Usage: npm run report -- [--days 30] [--json]   (reads DATABASE_URL like the bot)';

const { values } = argsOrExit('report', () =>
  parseArgs({
    args: process.argv.slice(2),
    options: {
      days: { type: 'string', default: '30' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  }),
);
const days = Number(values.days);
if (values.help || !Number.isInteger(days) || days < 1) {
  console.error(USAGE);
  process.exit(values.help ? 0 : 2);
}

const config = cliConfigOrExit();

const kb = loadKnowledgeOrExit(config.knowledgeDir);
const store = await openStore(config.databaseUrl);
try {
  const report = await reportFromStore(store, {
    days,
    until: new Date(),
    kb,
    staleAfterDays: config.staleAfterDays,
  });
  console.log(values.json ? JSON.stringify(report, null, 2) : renderReport(report, kb));
} finally {
  await store.close();
}
