import { parseArgs } from 'node:util';
import { PRODUCTION_NODE_FLAGS } from '../../src/runtime.js';
import { parseDatabaseUrl, StoreError } from '../../src/store/index.js';

export const USAGE = `Usage: npm run bench:http -- [options]

The bot's Slack path under load beside a bare Bolt app, answering signed /docker commands sent over
loopback. Both are compiled with tsc first (the production build's settings, into dist/) and started
as child processes the way the Dockerfile starts the bot: node ${PRODUCTION_NODE_FLAGS.join(' ')}
dist/src/index.js (the floor: dist/bench/http/bare-bolt.js, with the same flags).

  --requests N             measured commands per round (default 500)
  --warm-up N              commands sent before each round's measured ones (default 100)
  --concurrency N          commands in flight at once (default 20)
  --replicas N             bot processes on one database, requests round-robin over them (default 1)
  --database-url URL       the bots' DATABASE_URL (default: a SQLite file in a temporary folder)
  --postgres-admin-url URL create a fresh PostgreSQL database bench_<random> through this URL,
                           run the bots on it and drop it at the end
  --rss-after N            before reading memory, keep sending commands until every bot replica has
                           answered N questions; from 10000 on, the memory target is checked (default 0)
  --cpu-prof DIR           start each app with node --cpu-prof, writing its .cpuprofile into DIR when
                           the bench stops it (summarise one with npm run bench:profile -- FILE)
  --help                   print this and exit`;

export interface BenchOptions {
  requests: number;
  warmUp: number;
  concurrency: number;
  replicaCount: number;
  rssAfter: number;
  /** --database-url as given. */
  databaseUrl: string | undefined;
  /** --postgres-admin-url as given. */
  adminUrl: string | undefined;
  /** --cpu-prof as given: where the apps write their CPU profiles. */
  cpuProfileDir: string | undefined;
  databaseKind: 'SQLite' | 'PostgreSQL';
  /** The default run prints the table it always has; any database or replica option names both in it. */
  labelled: boolean;
}

/** The bench's options from its arguments; a missing or malformed value ends the bench with one line. */
export function readOptions(argv: string[]): BenchOptions {
  const valued = [
    'requests',
    'warm-up',
    'concurrency',
    'replicas',
    'database-url',
    'postgres-admin-url',
    'rss-after',
    'cpu-prof',
  ];
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        help: { type: 'boolean' },
        ...Object.fromEntries(valued.map((name) => [name, { type: 'string' as const }])),
      },
      strict: true,
    }));
  } catch (error) {
    return exitWith(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const option = (name: string) => values[name] as string | undefined;

  /** A whole-number option of at least `minimum`. */
  const wholeNumber = (name: string, fallback: number, minimum: 0 | 1): number => {
    const raw = option(name);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < minimum) {
      return exitWith(`--${name} takes a ${minimum === 1 ? 'positive ' : ''}whole number, not "${raw}"`);
    }
    return Number(raw);
  };

  const requests = wholeNumber('requests', 500, 1);
  const warmUp = wholeNumber('warm-up', 100, 0);
  const concurrency = wholeNumber('concurrency', 20, 1);
  const replicaCount = wholeNumber('replicas', 1, 1);
  const rssAfter = wholeNumber('rss-after', 0, 0);
  const databaseUrl = option('database-url');
  const adminUrl = option('postgres-admin-url');
  return {
    requests,
    warmUp,
    concurrency,
    replicaCount,
    rssAfter,
    databaseUrl,
    adminUrl,
    cpuProfileDir: option('cpu-prof'),
    databaseKind: chosenDatabaseKind(databaseUrl, adminUrl, replicaCount),
    labelled: replicaCount > 1 || databaseUrl !== undefined || adminUrl !== undefined,
  };
}

/** Checks the database options before anything starts, and names the kind for the table. */
function chosenDatabaseKind(
  databaseUrl: string | undefined,
  adminUrl: string | undefined,
  replicaCount: number,
): 'SQLite' | 'PostgreSQL' {
  if (databaseUrl !== undefined && adminUrl !== undefined) {
    return exitWith('Give --database-url or --postgres-admin-url, not both.');
  }
  let kind: 'sqlite' | 'postgres' = 'sqlite';
  try {
    kind = parseDatabaseUrl(adminUrl ?? databaseUrl).kind;
  } catch (error) {
    if (error instanceof StoreError) return exitWith(error.message);
    throw error;
  }
  if (adminUrl !== undefined && kind !== 'postgres') {
    return exitWith('--postgres-admin-url takes a postgres:// URL (the one .ci/postgres.sh prints).');
  }
  if (kind === 'sqlite' && replicaCount > 1) {
    console.warn(
      `Note: ${replicaCount} replicas on one SQLite file; replicas are deployed on PostgreSQL ` +
        '(--postgres-admin-url).',
    );
  }
  return kind === 'postgres' ? 'PostgreSQL' : 'SQLite';
}

function exitWith(message: string): never {
  console.error(message);
  process.exit(1);
}
