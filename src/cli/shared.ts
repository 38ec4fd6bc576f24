import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { ConfigError, loadCliConfig, type CliConfig } from '../config.js';
import { KnowledgeError } from '../knowledge/errors.js';
import { loadKnowledge, type KnowledgeBase } from '../knowledge/load.js';
import { openStore, parseDatabaseUrl } from '../store/index.js';
import type { Store } from '../store/store.js';

/** The tools' configuration (`KNOWLEDGE_DIR`, `DATABASE_URL`), or the command ends naming what is wrong. */
export function cliConfigOrExit(): CliConfig {
  try {
    return loadCliConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/** Loads the knowledge base or ends the command with the problems listed, one per line. */
export function loadKnowledgeOrExit(dir = cliConfigOrExit().knowledgeDir): KnowledgeBase {
  try {
    return loadKnowledge(dir);
  } catch (error) {
    if (error instanceof KnowledgeError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/**
 * A reader that stops early (`npm run kb -- --json | head`) closes the pipe: that ends the command
 * quietly instead of with an EPIPE stack trace.
 */
export function exitQuietlyWhenPipeCloses(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

/**
 * Parses a command's arguments with `node:util` parseArgs, ending the command with one line that names the
 * problem (an unknown flag, a missing value) instead of a stack trace.
 */
export function argsOrExit<T>(command: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    console.error(`${command}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
}

/** Ends the command with one line naming a file it needs and what to do, when the file is not there. */
export function requireFile(command: string, path: string, remedy: string): string {
  if (!existsSync(path)) {
    console.error(`${command}: ${relative(process.cwd(), path) || path} not found; ${remedy}`);
    process.exit(2);
  }
  return path;
}

/** Ends the command with one line and exit code 2: what went wrong, said once, no stack trace. */
export function failWith(command: string, message: string): never {
  console.error(`${command}: ${message}`);
  process.exit(2);
}

/**
 * Opens the store DATABASE_URL names, as the bot does (default: the bot's SQLite file). With
 * `onlyIfPresent`, a SQLite file that does not exist yet is not created: null instead.
 */
export async function openStoreOrExit(
  command: string,
  databaseUrl: string | undefined,
  { onlyIfPresent = false } = {},
): Promise<Store | null> {
  try {
    const target = parseDatabaseUrl(databaseUrl);
    if (onlyIfPresent && target.kind === 'sqlite' && target.path !== ':memory:' && !existsSync(target.path)) {
      return null;
    }
    return await openStore(databaseUrl);
  } catch (error) {
    failWith(command, error instanceof Error ? error.message : String(error));
  }
}
