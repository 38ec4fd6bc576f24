import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';

/** Runs a command of `src/cli/` as `npm run <command>` does, in a child process. */
function run(script: string, args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], {
    cwd: PROJECT_ROOT,
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const ANSWER_FIELDS = [
  'question',
  'answered',
  'topic',
  'score',
  'lang',
  'title',
  'text',
  'links',
  'related',
  'suggestions',
];

describe('npm run ask -- --json', () => {
  it('prints one JSON object with exactly the fields of the contract', () => {
    const { status, stdout } = run('ask', ['--json', 'what is an image']);
    expect(status).toBe(0);
    const answer = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(answer).sort()).toEqual([...ANSWER_FIELDS].sort());
    expect(answer).toMatchObject({
      question: 'what is an image',
      answered: true,
      topic: 'image',
      lang: 'en',
    });
    expect(answer.links).toEqual(
      expect.arrayContaining([expect.objectContaining({ url: expect.stringMatching(/^https:\/\//) })]),
    );
  });

  it('with no question, answers standard input one line at a time, in order', () => {
    const { status, stdout } = run(
      'ask',
      ['--json'],
      'waht is kubernets\n今日のランチ\nDockerのimageって何\n',
    );
    expect(status).toBe(0);
    const answers = stdout
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as { question: string; answered: boolean; topic: string | null; lang: string },
      );
    expect(answers.map((a) => [a.question, a.answered, a.topic, a.lang])).toEqual([
      ['waht is kubernets', true, 'kubernetes', 'en'],
      ['今日のランチ', false, null, 'ja'],
      ['Dockerのimageって何', true, 'image', 'ja'],
    ]);
  });
});

describe('npm run kb -- --json', () => {
  it('prints every topic with the fields of the contract', () => {
    const { status, stdout } = run('kb', ['--json']);
    expect(status).toBe(0);
    const topics = JSON.parse(stdout) as Record<string, unknown>[];
    expect(topics.length).toBeGreaterThanOrEqual(49);
    for (const topic of topics) {
      expect(Object.keys(topic).sort()).toEqual(
        ['id', 'title', 'aliases', 'answer', 'links', 'related', 'tip'].sort(),
      );
    }
  });
});

describe('npm run eval', () => {
  it('lists each miss and fails below the floor', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-'));
    const file = join(dir, 'questions.tsv');
    writeFileSync(file, 'what is an image\tkubernetes\nwhat is a container\tcontainer\n');
    const { status, stdout } = run('eval', ['--file', file]);
    expect(status).not.toBe(0);
    expect(stdout).toContain('miss  line 1: "what is an image" → image');
    expect(stdout).toMatch(/in-scope 1\/2 correct \(50\.0%\).*FAIL/);
  });
});

describe('bench-build (the cold builds of npm run bench)', () => {
  it('builds a synthetic knowledge base of the size asked and prints the time', () => {
    const { status, stdout } = run('bench-build', ['--size', '120']);
    expect(status).toBe(0);
    const { size, buildMs } = JSON.parse(stdout) as { size: number; buildMs: number };
    expect(size).toBe(120);
    expect(buildMs).toBeGreaterThan(0);
  });

  it('refuses a size that is not a positive whole number', () => {
    const { status, stderr } = run('bench-build', ['--size', 'many']);
    expect(status).toBe(2);
    expect(stderr).toContain('--size must be a positive whole number');
  });
});
