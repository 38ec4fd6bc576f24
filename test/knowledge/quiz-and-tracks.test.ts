import { describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../src/knowledge/errors.js';
import { lintKnowledge } from '../../src/knowledge/lint.js';
import { buildKnowledgeBase } from '../../src/knowledge/load.js';
import { topicFile } from '../factories.js';

const QUIZ = `quiz:
  - question:
      en: Which command lists volumes?
      ja: ボリュームの一覧を出すコマンドは？
    choices:
      en: [docker volume ls, docker ps, docker images]
      ja: [docker volume ls, docker ps, docker images]
    answer: 0
    explain:
      en: "\`docker volume ls\` lists them; \`docker ps\` lists containers."
      ja: "\`docker volume ls\` で一覧できます。\`docker ps\` はコンテナの一覧です。"
`;

function withQuiz(id: string, quiz = QUIZ) {
  const file = topicFile({ id });
  return { ...file, text: file.text.replace('reviewed:', `${quiz}reviewed:`) };
}

function problemsOf(files: { path: string; text: string }[], tracks?: string): string[] {
  try {
    buildKnowledgeBase(files, tracks === undefined ? undefined : { path: 'knowledge/tracks.yaml', text: tracks });
  } catch (error) {
    if (error instanceof KnowledgeError) return error.message.split('\n').slice(1).map((line) => line.trim());
    throw error;
  }
  return [];
}

const TRACKS = `- id: basics
  title: { en: Docker basics, ja: Docker の基本 }
  topics: [volumes]
`;

describe('Quiz items in a topic', () => {
  it('are read with both languages, the choices and the right index', () => {
    const kb = buildKnowledgeBase([withQuiz('volumes')]);
    expect(kb.byId.get('volumes')?.quiz).toEqual([
      {
        question: { en: 'Which command lists volumes?', ja: 'ボリュームの一覧を出すコマンドは？' },
        choices: {
          en: ['docker volume ls', 'docker ps', 'docker images'],
          ja: ['docker volume ls', 'docker ps', 'docker images'],
        },
        answer: 0,
        explain: {
          en: '`docker volume ls` lists them; `docker ps` lists containers.',
          ja: '`docker volume ls` で一覧できます。`docker ps` はコンテナの一覧です。',
        },
      },
    ]);
  });

  it('name an answer index out of range, a different number of choices, a duplicate choice, and too few choices', () => {
    expect(problemsOf([withQuiz('volumes', QUIZ.replace('answer: 0', 'answer: 3'))])).toEqual([
      'knowledge/volumes.md: quiz.0.answer: 3 is not the index of a choice (0 to 2)',
    ]);
    expect(
      problemsOf([withQuiz('volumes', QUIZ.replace('ja: [docker volume ls, docker ps, docker images]', 'ja: [a, b, c, d]'))]),
    ).toEqual([
      'knowledge/volumes.md: quiz.0.choices: has 3 English and 4 Japanese choices; give the same choices in both languages',
    ]);
    expect(problemsOf([withQuiz('volumes', QUIZ.replace('en: [docker volume ls, docker ps, docker images]', 'en: [a, b, A]'))])).toEqual([
      'knowledge/volumes.md: quiz.0.choices.en: "A" is given twice',
    ]);
    expect(problemsOf([withQuiz('volumes', QUIZ.replace('en: [docker volume ls, docker ps, docker images]', 'en: [a, b]'))])).toContain(
      'knowledge/volumes.md: quiz.0.choices.en: needs 3 or 4 choices',
    );
  });

  it('are required by kb:check: one per topic, two for the topics of the notes track', () => {
    const kb = buildKnowledgeBase([withQuiz('volumes'), topicFile({ id: 'networks' })], {
      path: 'knowledge/tracks.yaml',
      text: TRACKS,
    });
    expect(lintKnowledge(kb).map((p) => `${p.file}: ${p.problem}`)).toEqual([
      'knowledge/volumes.md: has 1 quiz item; a topic of the "basics" track needs at least 2',
      'knowledge/networks.md: has 0 quiz items; every topic needs at least 1',
    ]);
  });
});

describe('Learning tracks (knowledge/tracks.yaml)', () => {
  it('are read in order with their titles', () => {
    const kb = buildKnowledgeBase([withQuiz('volumes')], { path: 'knowledge/tracks.yaml', text: TRACKS });
    expect(kb.tracks).toEqual([{ id: 'basics', title: { en: 'Docker basics', ja: 'Docker の基本' }, topics: ['volumes'] }]);
  });

  it('name an unknown topic, a topic listed twice, a track given twice and broken YAML', () => {
    const files = [withQuiz('volumes')];
    expect(problemsOf(files, TRACKS.replace('[volumes]', '[volumes, volumez, volumes]'))).toEqual([
      'knowledge/tracks.yaml: track "basics": topic "volumez" does not exist',
      'knowledge/tracks.yaml: track "basics": topic "volumes" is listed twice',
    ]);
    expect(problemsOf(files, TRACKS + TRACKS)).toEqual(['knowledge/tracks.yaml: track "basics" appears twice']);
    expect(problemsOf(files, 'topics: [')[0]).toMatch(/^knowledge\/tracks\.yaml: not valid YAML/);
  });

  it('are required by kb:check', () => {
    const kb = buildKnowledgeBase([withQuiz('volumes')]);
    expect(lintKnowledge(kb).map((p) => p.problem)).toContain(
      'no learning tracks: knowledge/tracks.yaml is missing or empty',
    );
  });
});
