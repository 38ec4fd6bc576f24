import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { KnowledgeError } from '../knowledge/errors.js';
import { loadKnowledge, type KnowledgeBase } from '../knowledge/load.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../paths.js';

/** The knowledge folder: `KNOWLEDGE_DIR` when set, else the repository's `knowledge/`. */
export function knowledgeDir(): string {
  return process.env.KNOWLEDGE_DIR || DEFAULT_KNOWLEDGE_DIR;
}

/** Loads the knowledge base or ends the command with the problems listed, one per line. */
export function loadKnowledgeOrExit(dir = knowledgeDir()): KnowledgeBase {
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

/** Splits argv into `--flag` switches, `--key=value` / `--key value` options and positional words. */
export function parseArgs(argv: string[], valued: string[] = []) {
  const flags = new Set<string>();
  const options = new Map<string, string>();
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      words.push(...argv.slice(i + 1));
      break;
    }
    const option = /^--([\w-]+)(?:=(.*))?$/.exec(arg);
    if (!option) {
      words.push(arg);
      continue;
    }
    const [, name = '', inline] = option;
    if (inline !== undefined) options.set(name, inline);
    else if (valued.includes(name) && i + 1 < argv.length) options.set(name, argv[++i] as string);
    else flags.add(name);
  }
  return { flags, options, words };
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
