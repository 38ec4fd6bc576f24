import 'dotenv/config';
import { ConfigError, loadConfig } from '../config.js';
import { renderReport, reportFromStore } from '../report/report.js';
import { openStore } from '../store/index.js';
import { exitQuietlyWhenPipeCloses, loadKnowledgeOrExit, parseArgs } from './shared.js';

exitQuietlyWhenPipeCloses();

const USAGE = 'Usage: npm run report -- [--days 30] [--json]   (reads DATABASE_URL like the bot)';

const { flags, options } = parseArgs(process.argv.slice(2), ['days']);
const days = Number(options.get('days') ?? 30);
if (flags.has('help') || !Number.isInteger(days) || days < 1) {
  console.error(USAGE);
  process.exit(flags.has('help') ? 0 : 2);
}

let config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const kb = loadKnowledgeOrExit(config.knowledgeDir);
const store = await openStore(config.databaseUrl);
try {
  const report = await reportFromStore(store, { days, until: new Date(), kb });
  console.log(flags.has('json') ? JSON.stringify(report, null, 2) : renderReport(report, kb));
} finally {
  await store.close();
}
