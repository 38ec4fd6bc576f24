import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { isLatinToken, tokenize } from '../search/tokenize.js';
import type { KnowledgeProblem } from './errors.js';

/** The concepts live beside the topics, reviewed in git like them. */
export const CONCEPTS_FILE = 'concepts.yaml';

/**
 * One idea and the ways people say it, in both languages (run / start / 起動 / 立ち上げ). The first
 * word names the concept: every word of the group, in questions and knowledge alike, is read as it.
 */
export interface ConceptGroup {
  concept: string;
  words: string[];
  /** the line of concepts.yaml the group is on */
  line: number;
}

/**
 * Reads `concepts.yaml`: a list of groups, each a list of words. Problems name the file and line: a
 * parse error, an empty group, a word that is not one word once tokenised (English), a word given twice
 * or in two groups, a first word that is not its own token (it names the concept).
 */
export function parseConcepts(text: string, file: string): { groups: ConceptGroup[]; problems: KnowledgeProblem[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number | undefined) => `${file}:${lineCounter.linePos(offset ?? 0).line}`;
  if (document.errors.length > 0) {
    return {
      groups: [],
      problems: document.errors.map((error) => ({
        file: at(error.pos[0]),
        problem: `not valid YAML: ${error.message.split('\n')[0]}`,
      })),
    };
  }
  const problems: KnowledgeProblem[] = [];
  const root = document.contents;
  if (root === null) return { groups: [], problems: [{ file, problem: 'no concept groups' }] };
  if (!isSeq(root)) return { groups: [], problems: [{ file: at(root.range?.[0]), problem: 'must be a list of groups' }] };

  const groups: ConceptGroup[] = [];
  /** each word's tokens (joined), and the line of the group that holds it */
  const seen = new Map<string, { word: string; line: number }>();
  for (const item of root.items) {
    const where = at(isMap(item) || isSeq(item) || isScalar(item) ? item.range?.[0] : undefined);
    const line = Number(where.slice(file.length + 1));
    if (!isSeq(item)) {
      problems.push({ file: where, problem: 'a group must be a list of words, e.g. [run, start, 起動]' });
      continue;
    }
    if (item.items.length === 0) {
      problems.push({ file: where, problem: 'empty group' });
      continue;
    }
    const words: string[] = [];
    for (const node of item.items) {
      const value = isScalar(node) ? node.value : undefined;
      const word = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
      if (word === '') {
        problems.push({ file: where, problem: 'a word must be a non-empty string' });
        continue;
      }
      const tokens = tokenize(word, { slack: false });
      if (tokens.length === 0) {
        problems.push({ file: where, problem: `"${word}" is only question phrasing or an everyday word` });
        continue;
      }
      if (/\s/.test(word) || (tokens.length > 1 && tokens.every(isLatinToken))) {
        problems.push({ file: where, problem: `"${word}" is several words; a concept word must be one` });
        continue;
      }
      const key = tokens.join(' ');
      const first = seen.get(key);
      if (first) {
        problems.push({
          file: where,
          problem:
            first.line === line
              ? `"${word}" is given twice in the group (as "${first.word}")`
              : `"${word}" is also in the group on line ${first.line} (as "${first.word}")`,
        });
        continue;
      }
      seen.set(key, { word, line });
      words.push(word);
    }
    const [concept] = words;
    if (concept === undefined) continue;
    const conceptTokens = tokenize(concept, { slack: false });
    if (conceptTokens.length !== 1 || conceptTokens[0] !== concept || !isLatinToken(concept)) {
      problems.push({
        file: where,
        problem: `the first word names the concept: "${concept}" must be one lower-case English word as the engine reads it (${conceptTokens.join(' ')})`,
      });
      continue;
    }
    groups.push({ concept, words, line });
  }
  if (groups.length === 0 && problems.length === 0) problems.push({ file, problem: 'no concept groups' });
  return { groups, problems };
}
