import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';
import { sameClockEnv } from '../child-env.js';

/** Runs a command of `src/cli/` as `npm run <command>` does, in a child process. */
function run(script: string, args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], {
    cwd: PROJECT_ROOT,
    input,
    encoding: 'utf8',
    env: sameClockEnv(),
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
    expect(topics.length).toBeGreaterThanOrEqual(61);
    for (const topic of topics) {
      expect(Object.keys(topic).sort()).toEqual(
        ['id', 'title', 'aliases', 'errors', 'answer', 'links', 'related', 'tip', 'quiz', 'reviewed'].sort(),
      );
      expect(topic.quiz).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            question: expect.any(Object),
            choices: expect.any(Object),
            answer: expect.any(Number),
          }),
        ]),
      );
    }
    const ports = topics.find((topic) => topic.id === 'port-publishing');
    expect(ports?.errors).toContain('port is already allocated');
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

  it('also counts the right topic ranked first, and the right topic answered or suggested', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'eval-')), 'questions.tsv');
    // "docker" alone is not answered: docker-run ranks first, container is among the suggestions.
    writeFileSync(
      file,
      'docker\tdocker-run\ndocker\tcontainer\nwhat is an image\tkubernetes\nwhat is a container\tcontainer\n',
    );
    const { stdout } = run('eval', ['--file', file]);
    const lines = stdout.trim().split('\n');
    expect(lines.at(-2)).toMatch(/^eval: in-scope 1\/4 correct \(25\.0%\), off-topic answered 0\/0; .*FAIL$/);
    expect(lines.at(-1)).toBe(
      'eval: right topic ranked first 2/4 (50.0%); right answer or among the suggestions 3/4 (75.0%)',
    );
  });

  it('names the error fragment behind a wrong answer', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'eval-')), 'questions.tsv');
    writeFileSync(file, 'Bind for 0.0.0.0:80 failed: port is already allocated\tnetworks\n');
    const { stdout } = run('eval', ['--file', file]);
    expect(stdout).toContain(
      '→ port-publishing (score 1, error "port is already allocated"), expected networks',
    );
  });

  it("scores the repository's own copy of the questions by default, at its floor", () => {
    const { status, stdout } = run('eval', []);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^eval: in-scope \d+\/\d+ correct .*PASS$/m);
  });

  it('names a question file that is not there in one line, without a stack trace', () => {
    const { status, stderr } = run('eval', ['--file', 'no/such/questions.tsv']);
    expect(status).toBe(2);
    expect(stderr.trim()).toBe('eval: no/such/questions.tsv not found; check the --file path.');
  });

  it('names a topic id the knowledge does not have', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'eval-')), 'questions.tsv');
    writeFileSync(file, 'what is an image\timage\nwho answers\tno-such-topic\n');
    const { status, stderr } = run('eval', ['--file', file]);
    expect(status).toBe(1);
    expect(stderr).toContain(`${file}:2 names topic "no-such-topic", which knowledge/ does not have`);
  });
});

describe('npm run kb:check', () => {
  it('names a links file that is not there in one line', () => {
    const { status, stderr } = run('kb-check', ['--links', 'no/links.yaml']);
    expect(status).toBe(2);
    expect(stderr.trim()).toMatch(/^kb:check: no\/links\.yaml not found; /);
  });
});

describe('npm run sync:shared', () => {
  it('says so when there is no shared folder, and copies nothing', () => {
    const { status, stdout } = run('sync-shared', ['--from', join(tmpdir(), 'no-such-shared-folder')]);
    expect(status).toBe(0);
    expect(stdout).toMatch(
      /^sync:shared: no shared folder at .*no-such-shared-folder; the repository's copies stay/,
    );
  });

  it('with --check, warns about each copy that differs and changes nothing', () => {
    const shared = mkdtempSync(join(tmpdir(), 'shared-'));
    mkdirSync(join(shared, 'eval'));
    writeFileSync(join(shared, 'eval', 'questions.tsv'), 'what is an image\timage\n');
    copyFileSync(join(PROJECT_ROOT, 'knowledge', 'links.yaml'), join(shared, 'links.yaml'));
    const { status, stdout } = run('sync-shared', ['--check', '--from', shared]);
    expect(status).toBe(0);
    expect(stdout.trim().split('\n')).toEqual([
      `warning: eval/questions.tsv differs from ${join(shared, 'eval', 'questions.tsv')}; run \`npm run sync:shared\` and commit it.`,
    ]);
  });

  it('refuses an unknown flag, naming it', () => {
    const { status, stderr } = run('sync-shared', ['--bogus']);
    expect(status).toBe(2);
    expect(stderr).toContain("sync:shared: Unknown option '--bogus'");
  });
});

describe('Every command refuses a flag it does not know', () => {
  it.each([
    ['ask', 'ask', ['--jsno', 'what is an image']],
    ['kb', 'kb', ['--yaml']],
    ['kb-check', 'kb:check', ['--link', 'knowledge/links.yaml']],
    ['eval', 'eval', ['--files', 'eval/questions.tsv']],
    ['report', 'report', ['--day', '7']],
  ])('%s names it in one line and exits 2', (script, command, args) => {
    const { status, stdout, stderr } = run(script, args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^${command}: Unknown option '${args[0]}'`)),
    ]);
  });

  it('and a documented option given without its value', () => {
    const { status, stderr } = run('eval', ['--file']);
    expect(status).toBe(2);
    expect(stderr.trim()).toBe("eval: Option '--file <value>' argument missing");
  });
});

describe('npm run ask -- --explain', () => {
  it('shows how each word matched and how topics ranked', () => {
    const { status, stdout } = run('ask', ['--explain', 'what is an image']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^image:\n {2}image sim=1 /m);
    expect(stdout).toMatch(/^ranking:\n {2}\d\.\d{3} {2}image$/m);
    expect(stdout).toMatch(/^answer: image; suggestions: /m);
  });
});

describe('npm run eval -- --calibration', () => {
  const row = (stdout: string, band: string) =>
    stdout
      .split('\n')
      .find((line) => line.startsWith(`${band} `))
      ?.trim()
      .split(/\s{2,}/)
      .slice(1)
      .map(Number);

  it('counts per score band the answers, the right ones, the missed right tops and the off-topic questions', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'eval-')), 'questions.tsv');
    writeFileSync(
      file,
      [
        'Bind for 0.0.0.0:80 failed: port is already allocated ← what now\tport-publishing',
        'what is an image\timage',
        'docker\tdocker-run',
        'where can I buy coffee beans\t-',
      ].join('\n'),
    );
    const { status, stdout } = run('eval', ['--file', file, '--calibration']);
    expect(status).toBe(0);
    expect(stdout).toContain('4 questions (3 in scope, 1 off-topic)');
    // columns: questions, answered, right, not answered with the top right, off-topic, off-topic answered
    expect(row(stdout, 'error match')).toEqual([1, 1, 1, 0, 0, 0]);
    expect(row(stdout, '0.0–0.1')).toEqual([1, 0, 0, 0, 1, 0]);
    expect(row(stdout, '0.8–0.9')).toEqual([1, 0, 0, 1, 0, 0]);
    expect(row(stdout, 'all')).toEqual([4, 2, 2, 1, 1, 0]);
  });

  it('reads every question set in the repository, and is a report, not a gate', () => {
    const { status, stdout } = run('eval', ['--calibration']);
    expect(status).toBe(0);
    expect(stdout).toContain('eval/questions.tsv');
    expect(stdout).toContain('test/fixtures/dev-questions.tsv');
    expect(stdout).toContain('test/fixtures/dev-questions-7.tsv');
    expect(stdout).toMatch(/^0\.9–1\.0 /m);
    expect(stdout).toMatch(/^error match /m);
  });
});
