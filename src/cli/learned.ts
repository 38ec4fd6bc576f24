import 'dotenv/config';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { AliasEditError, appendAliases, draftTopicFile } from '../knowledge/learned-files.js';
import type { Lang } from '../knowledge/types.js';
import { detectLang } from '../search/normalize.js';
import type { DraftTopic, LearnedPhrasing, Store } from '../store/store.js';
import {
  argsOrExit,
  cliConfigOrExit,
  exitQuietlyWhenPipeCloses,
  failWith,
  loadKnowledgeOrExit,
  openStoreOrExit,
} from './shared.js';

exitQuietlyWhenPipeCloses();

const USAGE = `Usage (reads DATABASE_URL like the bot):
  npm run learned                     learned phrasings and draft topics, as a table
  npm run learned -- --json           the same as JSON, with who taught each and when
  npm run learned -- --remove <id>    removes a learned phrasing (12) or a draft (draft-3)
  npm run learned -- --export         writes them into knowledge/ for review, then removes them`;

const { values } = argsOrExit('learned', () =>
  parseArgs({
    args: process.argv.slice(2),
    options: {
      json: { type: 'boolean', default: false },
      remove: { type: 'string' },
      export: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  }),
);
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const config = cliConfigOrExit();
const store = (await openStoreOrExit('learned', config.databaseUrl)) as Store;
try {
  if (values.remove !== undefined) await remove(store, values.remove);
  else if (values.export) await exportToKnowledge(store);
  else await list(store, values.json);
} finally {
  await store.close();
}

/** The id a draft is shown and removed by, apart from the phrasings' numbers. */
function draftId(draft: DraftTopic): string {
  return `draft-${draft.id}`;
}

async function list(store: Store, json: boolean): Promise<void> {
  const phrasings = await store.listLearnedPhrasings();
  const drafts = await store.listDraftTopics();
  if (json) {
    console.log(
      JSON.stringify(
        {
          phrasings: phrasings.map(({ normalized: _normalized, ...phrasing }) => phrasing),
          drafts: drafts.map((draft) => ({ ...draft, id: draftId(draft) })),
        },
        null,
        2,
      ),
    );
    return;
  }
  if (phrasings.length === 0 && drafts.length === 0) {
    console.log('Nothing learned yet.');
    return;
  }
  const rows = [
    ['id', 'topic', 'phrasing / draft title', 'taught by', 'when'],
    ...phrasings.map((p) => [String(p.id), p.topic, p.phrasing, p.taughtBy, p.taughtAt.toISOString()]),
    ...drafts.map((d) => [
      draftId(d),
      `${d.topicId} (new)`,
      d.title.en,
      d.taughtBy,
      d.createdAt.toISOString(),
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => [...(row[column] ?? '')].length)));
  for (const row of rows) {
    console.log(
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    );
  }
}

async function remove(store: Store, id: string): Promise<void> {
  const draft = /^draft-(\d+)$/.exec(id);
  if (draft) {
    if (!(await store.removeDraftTopic(Number(draft[1])))) failWith('learned', `there is no draft ${id}.`);
    console.log(`Removed draft ${id}.`);
    return;
  }
  if (!/^\d+$/.test(id))
    failWith('learned', `"${id}" is not an id: give a phrasing's number (12) or a draft's (draft-3).`);
  if (!(await store.removeLearnedPhrasing(Number(id))))
    failWith('learned', `there is no learned phrasing ${id}.`);
  console.log(`Removed learned phrasing ${id}.`);
}

/**
 * Learned phrasings go into their topics' `aliases:`, drafts become knowledge/<id>.md; every file is
 * checked before any is written, so a problem leaves knowledge/ and the store as they were. Then what
 * was written is removed from the store: it is served from knowledge/ once reviewed and committed.
 */
async function exportToKnowledge(store: Store): Promise<void> {
  const dir = config.knowledgeDir;
  const kb = loadKnowledgeOrExit(dir);
  const phrasings = await store.listLearnedPhrasings();
  const drafts = await store.listDraftTopics();
  const writes: { path: string; text: string; what: string }[] = [];
  const exported: LearnedPhrasing[] = [];
  const skipped: string[] = [];

  const byTopic = new Map<string, LearnedPhrasing[]>();
  for (const phrasing of phrasings) {
    if (!kb.byId.has(phrasing.topic)) {
      skipped.push(`#${phrasing.id} "${phrasing.phrasing}": its topic "${phrasing.topic}" is not in ${dir}`);
      continue;
    }
    byTopic.set(phrasing.topic, [...(byTopic.get(phrasing.topic) ?? []), phrasing]);
  }
  for (const [id, taught] of byTopic) {
    const topic = kb.byId.get(id)!;
    const path = join(dir, `${id}.md`);
    const additions: Record<Lang, string[]> = { en: [], ja: [] };
    for (const phrasing of taught) {
      // A phrasing that is already an alias of its topic (added by hand since) is only removed.
      if (![...topic.aliases.en, ...topic.aliases.ja].includes(phrasing.phrasing)) {
        additions[detectLang(phrasing.phrasing)].push(phrasing.phrasing);
      }
      exported.push(phrasing);
    }
    try {
      const text = appendAliases(readFileSync(path, 'utf8'), additions, topic.file);
      writes.push({ path, text, what: `${additions.en.length + additions.ja.length} alias(es) added` });
    } catch (error) {
      if (error instanceof AliasEditError) failWith('learned', error.message);
      throw error;
    }
  }
  for (const draft of drafts) {
    const path = join(dir, `${draft.topicId}.md`);
    if (existsSync(path) || writes.some((write) => write.path === path)) {
      failWith(
        'learned',
        `${relative(process.cwd(), path)} already exists; draft ${draftId(draft)} would overwrite it. Remove the draft or rename the file.`,
      );
    }
    writes.push({ path, text: draftTopicFile(draft, kb), what: `new topic from draft ${draftId(draft)}` });
  }

  for (const write of writes) {
    writeFileSync(write.path, write.text);
    console.log(`wrote ${relative(process.cwd(), write.path)}: ${write.what}`);
  }
  for (const phrasing of exported) await store.removeLearnedPhrasing(phrasing.id);
  for (const draft of drafts) await store.removeDraftTopic(draft.id);
  for (const line of skipped) console.log(`kept in the store: ${line}`);
  console.log(
    writes.length === 0
      ? 'Nothing to export.'
      : 'Review the diff (git diff knowledge/), run npm run kb:check, and commit.',
  );
}
