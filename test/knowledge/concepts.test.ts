import { describe, expect, it } from 'vitest';
import { parseConcepts } from '../../src/knowledge/concepts.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/paths.js';

const FILE = 'knowledge/concepts.yaml';
const problemsOf = (text: string) => parseConcepts(text, FILE).problems;

describe('concepts.yaml', () => {
  it('reads groups of words, the first naming the concept, with their lines', () => {
    const { groups, problems } = parseConcepts('# ways to say it\n- [run, launch, 起動, 立ち上げ]\n- [persist, 永続化]\n', FILE);
    expect(problems).toEqual([]);
    expect(groups).toEqual([
      { concept: 'run', words: ['run', 'launch', '起動', '立ち上げ'], line: 2 },
      { concept: 'persist', words: ['persist', '永続化'], line: 3 },
    ]);
  });

  it('names the file and line of a YAML error', () => {
    expect(problemsOf('- [run, start]\n- [persist, keep\n')).toEqual([
      expect.objectContaining({ file: expect.stringMatching(/^knowledge\/concepts\.yaml:\d+$/) }),
    ]);
    expect(problemsOf('- [run, start]\n- [persist, keep\n')[0]?.problem).toMatch(/not valid YAML/);
  });

  it('refuses empty groups, a word twice, a word in two groups and several English words in one entry', () => {
    expect(problemsOf('- [run, launch]\n- []\n')).toEqual([{ file: `${FILE}:2`, problem: 'empty group' }]);
    expect(problemsOf('- [run, launch, launches]\n')).toEqual([
      { file: `${FILE}:1`, problem: '"launches" is given twice in the group (as "launch")' },
    ]);
    expect(problemsOf('- [run, 起動]\n- [start, 起動]\n')).toEqual([
      { file: `${FILE}:2`, problem: '"起動" is also in the group on line 1 (as "起動")' },
    ]);
    expect(problemsOf('- [run, spin up]\n')).toEqual([
      { file: `${FILE}:1`, problem: '"spin up" is several words; a concept word must be one' },
    ]);
  });

  it('refuses a first word that is not the engine token it names, and question phrasing', () => {
    expect(problemsOf('- [persists, 永続化]\n')[0]?.problem).toMatch(/first word names the concept/);
    expect(problemsOf('- [run, what]\n')).toEqual([
      { file: `${FILE}:1`, problem: '"what" is only question phrasing or an everyday word' },
    ]);
    expect(problemsOf('- run\n')[0]?.problem).toMatch(/must be a list of words/);
  });

  it('holds a few dozen valid groups in the shipped knowledge', () => {
    const concepts = loadKnowledge(DEFAULT_KNOWLEDGE_DIR).concepts ?? [];
    expect(concepts.length).toBeGreaterThanOrEqual(24);
    expect(concepts.find((group) => group.concept === 'run')?.words).toEqual(expect.arrayContaining(['起動', '立ち上げ']));
  });
});
