import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { KnowledgeError, type KnowledgeProblem } from './errors.js';
import { parseTopicFile } from './parse.js';
import { CONCEPTS_FILE, parseConcepts, type ConceptGroup } from './concepts.js';
import { parseTracks, TRACKS_FILE } from './tracks.js';
import type { Topic, Track } from './types.js';

export interface KnowledgeBase {
  topics: Topic[];
  byId: ReadonlyMap<string, Topic>;
  /** The learning tracks of `tracks.yaml`, in order; none when the folder has no such file. */
  tracks: Track[];
  /** The concept groups of `concepts.yaml`; none when the folder has no such file. */
  concepts?: ConceptGroup[];
}

/**
 * Reads every `*.md` file in `dir` and checks the whole set: ids unique and matching file names,
 * related ids existing. Throws a KnowledgeError naming each file and problem.
 */
export function loadKnowledge(dir: string): KnowledgeBase {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((name) => name.endsWith('.md') && !name.startsWith('.'))
      .sort();
  } catch (error) {
    throw new KnowledgeError([{ file: dir, problem: `cannot read the knowledge folder (${errorCode(error)})` }]);
  }
  const files = names.map((name) => {
    const path = join(dir, name);
    return { path: displayPath(path), text: readFileSync(path, 'utf8') };
  });
  const tracksPath = join(dir, TRACKS_FILE);
  const tracks = existsSync(tracksPath)
    ? { path: displayPath(tracksPath), text: readFileSync(tracksPath, 'utf8') }
    : undefined;
  const conceptsPath = join(dir, CONCEPTS_FILE);
  const concepts = existsSync(conceptsPath)
    ? { path: displayPath(conceptsPath), text: readFileSync(conceptsPath, 'utf8') }
    : undefined;
  return buildKnowledgeBase(files, tracks, concepts);
}

/** Checks a set of already-read files; the seam tests and hot reload use without touching disk. */
export function buildKnowledgeBase(
  files: { path: string; text: string }[],
  tracksFile?: { path: string; text: string },
  conceptsFile?: { path: string; text: string },
): KnowledgeBase {
  const problems: KnowledgeProblem[] = [];
  const topics: Topic[] = [];
  if (files.length === 0) problems.push({ file: '(knowledge)', problem: 'no topic files (*.md) found' });

  for (const { path, text } of files) {
    const result = parseTopicFile(text, path);
    if (!result.ok) {
      problems.push(...result.problems.map((problem) => ({ file: path, problem })));
      continue;
    }
    const expected = `${result.topic.id}.md`;
    if (basename(path) !== expected) {
      problems.push({ file: path, problem: `id "${result.topic.id}" must match the file name (${expected})` });
    }
    topics.push(result.topic);
  }

  const byId = new Map<string, Topic>();
  for (const topic of topics) {
    const first = byId.get(topic.id);
    if (first) {
      problems.push({ file: topic.file, problem: `duplicate id "${topic.id}" (also in ${first.file})` });
    } else {
      byId.set(topic.id, topic);
    }
  }
  for (const topic of topics) {
    for (const id of topic.related) {
      if (id === topic.id) problems.push({ file: topic.file, problem: `related lists the topic itself ("${id}")` });
      else if (!byId.has(id)) problems.push({ file: topic.file, problem: `related topic "${id}" does not exist` });
    }
  }

  let tracks: Track[] = [];
  if (tracksFile) {
    const parsed = parseTracks(tracksFile.text, tracksFile.path, new Set(byId.keys()));
    problems.push(...parsed.problems);
    tracks = parsed.tracks;
  }

  let concepts: ConceptGroup[] = [];
  if (conceptsFile) {
    const parsed = parseConcepts(conceptsFile.text, conceptsFile.path);
    problems.push(...parsed.problems);
    concepts = parsed.groups;
  }

  if (problems.length > 0) throw new KnowledgeError(problems);
  return { topics, byId, tracks, concepts };
}

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : String(error);
}
