import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAnswerService } from '../../src/answers/answer-service.js';
import { KnowledgeError } from '../../src/knowledge/errors.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { watchKnowledge, type KnowledgeWatcher } from '../../src/knowledge/watch.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/paths.js';

let watcher: KnowledgeWatcher | undefined;
afterEach(() => watcher?.close());

function knowledgeCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'knowledge-'));
  cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
  return dir;
}

async function until(what: string, condition: () => boolean, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('Hot reload of knowledge/', () => {
  it('serves an edited answer without a restart', async () => {
    const dir = knowledgeCopy();
    const answers = createAnswerService(loadKnowledge(dir));
    watcher = watchKnowledge(dir, { debounceMs: 50, onReload: (kb) => answers.replace(kb), onError: () => {} });
    const file = join(dir, 'volumes.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/## English\n\n/, '## English\n\nEDITED. '));
    await until('the edit to be served', () => answers.answer('what is a docker volume').text.startsWith('EDITED.'));
  });

  it('adds a new topic file to the answers', async () => {
    const dir = knowledgeCopy();
    const answers = createAnswerService(loadKnowledge(dir));
    watcher = watchKnowledge(dir, { debounceMs: 50, onReload: (kb) => answers.replace(kb), onError: () => {} });
    const text = readFileSync(join(dir, 'kubectl.md'), 'utf8')
      .replace('id: kubectl', 'id: helm-charts')
      .replace('aliases:\n  en:\n', 'aliases:\n  en:\n    - helmfile zebra charts\n');
    writeFileSync(join(dir, 'helm-charts.md'), text);
    await until('the new topic', () => answers.answer('helmfile zebra charts').topic === 'helm-charts');
  });

  it('reloads when concepts.yaml changes', async () => {
    const dir = knowledgeCopy();
    const answers = createAnswerService(loadKnowledge(dir));
    watcher = watchKnowledge(dir, { debounceMs: 50, onReload: (kb) => answers.replace(kb), onError: () => {} });
    expect(answers.answer('zorbify').topic).toBeNull();
    const file = join(dir, 'concepts.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}- [kubectl, zorbify]\n`);
    await until('the new concept', () => answers.answer('zorbify').topic === 'kubectl');
  });

  it('rejects an invalid edit, naming the file, and keeps the last good knowledge', async () => {
    const dir = knowledgeCopy();
    const answers = createAnswerService(loadKnowledge(dir));
    const errors: string[] = [];
    watcher = watchKnowledge(dir, {
      debounceMs: 50,
      onReload: (kb) => answers.replace(kb),
      onError: (error) => errors.push(error instanceof KnowledgeError ? error.message : String(error)),
    });
    writeFileSync(join(dir, 'volumes.md'), '---\nid: volumes\ntitle: [broken\n---\n');
    await until('the rejection', () => errors.length > 0);
    expect(errors[0]).toContain('volumes.md: front matter is not valid YAML');
    expect(answers.answer('what is a docker volume').topic).toBe('volumes');
  });

  it('never fails an answer while knowledge is being swapped', async () => {
    const dir = knowledgeCopy();
    const answers = createAnswerService(loadKnowledge(dir));
    watcher = watchKnowledge(dir, { debounceMs: 0, onReload: (kb) => answers.replace(kb), onError: () => {} });
    let answered = 0;
    // Each round rebuilds the whole index: a few rounds are enough, and stay quick on a busy machine.
    for (let round = 0; round < 6; round++) {
      watcher.reload();
      for (let i = 0; i < 50; i++) {
        expect(answers.answer('how do I publish a port').topic).toBe('port-publishing');
        answered++;
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(answered).toBe(300);
  }, 60_000);
});
