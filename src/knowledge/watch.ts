import { watch, type FSWatcher } from 'node:fs';
import { CONCEPTS_FILE } from './concepts.js';
import { KnowledgeError } from './errors.js';
import { loadKnowledge, type KnowledgeBase } from './load.js';

export interface KnowledgeWatcher {
  /** Reloads now (what a file change triggers); resolves true when the new knowledge was taken. */
  reload(): boolean;
  close(): void;
}

export interface WatchOptions {
  /** Editors write a file in several steps; changes closer together than this reload once. */
  debounceMs?: number;
  onReload: (kb: KnowledgeBase) => void;
  onError: (error: KnowledgeError | Error) => void;
}

/**
 * Watches the knowledge folder and hands each valid new knowledge base to `onReload`. An invalid edit
 * goes to `onError` (naming the file and the problem) and the last good knowledge keeps serving.
 */
export function watchKnowledge(dir: string, options: WatchOptions): KnowledgeWatcher {
  const { debounceMs = 200, onReload, onError } = options;
  let timer: NodeJS.Timeout | undefined;

  const reload = (): boolean => {
    try {
      onReload(loadKnowledge(dir));
      return true;
    } catch (error) {
      onError(error instanceof Error ? error : new Error(String(error)));
      return false;
    }
  };

  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dir, (_event, name) => {
      if (name !== null && !String(name).endsWith('.md') && String(name) !== CONCEPTS_FILE) return;
      clearTimeout(timer);
      timer = setTimeout(reload, debounceMs);
    });
    watcher.on('error', onError);
  } catch (error) {
    onError(error instanceof Error ? error : new Error(String(error)));
  }

  return {
    reload,
    close() {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
