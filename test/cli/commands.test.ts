import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';
import { sameClockEnv } from '../child-env.js';

/** Runs a command of `src/cli/` as `npm run <command>` does, in a child process. */
function run(script: string, args: string[], input?: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], {
    cwd: PROJECT_ROOT,
    input,
    encoding: 'utf8',
    env: { ...sameClockEnv(), ...env },
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
        [
          'id',
          'title',
          'aliases',
          'examples',
          'errors',
          'answer',
          'links',
          'related',
          'tip',
          'quiz',
          'reviewed',
        ].sort(),
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
    // One line naming the copy and where it differs from, as a path that leads there from the project
    // (relative when near: a clone in the temporary folder is next to the shared one).
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const match =
      /^warning: eval\/questions\.tsv differs from (.+); run `npm run sync:shared` and commit it\.$/.exec(
        lines[0] ?? '',
      );
    expect(resolve(PROJECT_ROOT, match?.[1] ?? '')).toBe(join(shared, 'eval', 'questions.tsv'));
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

// Each test starts several child processes (a few seconds each on a busy machine).
describe('Teaching from the command line', { timeout: 180_000 }, () => {
  /** A fresh SQLite store and a copy of the knowledge, as a maintainer's clone has them. */
  function workspace() {
    const dir = mkdtempSync(join(tmpdir(), 'teach-'));
    cpSync(join(PROJECT_ROOT, 'knowledge'), join(dir, 'knowledge'), { recursive: true });
    return {
      dir,
      env: { DATABASE_URL: join(dir, 'bot.sqlite'), KNOWLEDGE_DIR: join(dir, 'knowledge') },
    };
  }

  it('teach stores a phrasing that ask then answers; --no-learned ignores it', () => {
    const { env } = workspace();
    const before = run('ask', ['--json', 'kb keeps forgetting stuff'], undefined, env);
    expect(JSON.parse(before.stdout)).toMatchObject({ topic: null });

    const taught = run('teach', ['kb keeps forgetting stuff', 'volumes'], undefined, env);
    expect(taught.status).toBe(0);
    expect(taught.stdout).toMatch(/Learned #1: "kb keeps forgetting stuff" means volumes/);

    expect(
      JSON.parse(run('ask', ['--json', 'kb keeps forgetting stuff'], undefined, env).stdout),
    ).toMatchObject({
      answered: true,
      topic: 'volumes',
    });
    expect(
      JSON.parse(run('ask', ['--no-learned', '--json', 'kb keeps forgetting stuff'], undefined, env).stdout),
    ).toMatchObject({ topic: null });
  });

  it('refuses bad input with one line and exit code 2', () => {
    const { env } = workspace();
    const cases: [string[], RegExp][] = [
      [['hello there', 'no-such-topic'], /^teach: There is no topic "no-such-topic"\.\n$/],
      [['ab', 'volumes'], /^teach: A phrasing must be 3 to 300 characters/],
      [['docker volume', 'image'], /^teach: .*alias of the topic "volumes"/],
      [['only a question'], /^teach: give a question and a topic id/],
    ];
    for (const [args, message] of cases) {
      const result = run('teach', args, undefined, env);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    expect(run('teach', ['kb keeps forgetting stuff', 'volumes'], undefined, env).status).toBe(0);
    const again = run('teach', ['KB keeps forgetting stuff?', 'image'], undefined, env);
    expect(again.status).toBe(2);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toMatch(/already taught as meaning the topic "volumes"/);
  });

  it('learned lists phrasings as a table and as JSON with who and when, and removes one', () => {
    const { env } = workspace();
    run('teach', ['kb keeps forgetting stuff', 'volumes'], undefined, env);
    run('teach', ['コンテナの中身を見たい', 'docker-exec'], undefined, env);

    const table = run('learned', [], undefined, env);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/^id\s+topic\s+phrasing/);
    expect(table.stdout).toMatch(/1\s+volumes\s+kb keeps forgetting stuff\s+cli:\S+\s+\d{4}-/);

    const json = JSON.parse(run('learned', ['--json'], undefined, env).stdout) as {
      phrasings: { id: number; phrasing: string; topic: string; taughtBy: string; taughtAt: string }[];
      drafts: unknown[];
    };
    expect(json.phrasings.map((p) => [p.id, p.topic])).toEqual([
      [1, 'volumes'],
      [2, 'docker-exec'],
    ]);
    expect(json.phrasings[0]?.taughtBy).toMatch(/^cli:/);
    expect(Date.parse(json.phrasings[0]?.taughtAt ?? '')).not.toBeNaN();
    expect(json.drafts).toEqual([]);

    expect(run('learned', ['--remove', '1'], undefined, env).stdout).toMatch(/Removed learned phrasing 1/);
    const missing = run('learned', ['--remove', '1'], undefined, env);
    expect([missing.status, missing.stderr]).toEqual([2, 'learned: there is no learned phrasing 1.\n']);
    expect(JSON.parse(run('learned', ['--json'], undefined, env).stdout).phrasings).toHaveLength(1);
  });

  it('learned --export appends aliases keeping the rest of each file, writes drafts valid for kb:check, and empties the store', async () => {
    const { dir, env } = workspace();
    run('teach', ['kb keeps forgetting stuff', 'volumes'], undefined, env);
    run('teach', ['コンテナの中身を見たい', 'docker-exec'], undefined, env);
    const { openStore } = await import('../../src/store/index.js');
    const store = await openStore(env.DATABASE_URL);
    await store.saveDraftTopic({
      topicId: 'docker-scout',
      title: { en: 'What is Docker Scout?', ja: 'Docker Scout とは' },
      answer: {
        en: 'Docker Scout lists known vulnerabilities of an image: run `docker scout cves myimage`.',
        ja: 'Docker Scout はイメージの既知の脆弱性を一覧にします。`docker scout cves myimage` を実行します。',
      },
      links: ['https://docs.docker.com/scout/'],
      related: ['image', 'security'],
      sourceQuestion: 'how do I scan my image for vulnerabilities',
      expertReply: 'Use docker scout cves.',
      taughtBy: 'UADMIN',
      createdAt: new Date('2025-06-01T12:00:00Z'),
    });
    await store.close();
    const volumesBefore = readFileSync(join(dir, 'knowledge', 'volumes.md'), 'utf8');

    const exported = run('learned', ['--export'], undefined, env);
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/wrote .*volumes\.md/);
    expect(exported.stdout).toMatch(/wrote .*docker-exec\.md/);
    expect(exported.stdout).toMatch(/wrote .*docker-scout\.md: new topic from draft draft-1/);

    const volumesAfter = readFileSync(join(dir, 'knowledge', 'volumes.md'), 'utf8');
    const added = '    - "kb keeps forgetting stuff"\n';
    expect(volumesAfter.replace(added, '')).toBe(volumesBefore);
    // At the end of the English aliases, after the last one the file had.
    expect(volumesAfter).toContain(`    - where does docker store data\n${added}  ja:\n`);

    const check = run('kb-check', [], undefined, env);
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toMatch(/62 topics/);
    const kb = JSON.parse(run('kb', ['--json'], undefined, env).stdout) as {
      id: string;
      aliases: { en: string[]; ja: string[] };
    }[];
    expect(kb.find((t) => t.id === 'volumes')?.aliases.en).toContain('kb keeps forgetting stuff');
    expect(kb.find((t) => t.id === 'docker-exec')?.aliases.ja).toContain('コンテナの中身を見たい');

    expect(JSON.parse(run('learned', ['--json'], undefined, env).stdout)).toEqual({
      phrasings: [],
      drafts: [],
    });
    // Served from knowledge/ now, not the store.
    expect(
      JSON.parse(run('ask', ['--json', 'kb keeps forgetting stuff'], undefined, env).stdout),
    ).toMatchObject({
      topic: 'volumes',
    });
  });

  it('learned --export refuses to overwrite an existing file, naming it, and changes nothing', async () => {
    const { dir, env } = workspace();
    run('teach', ['kb keeps forgetting stuff', 'volumes'], undefined, env);
    const { openStore } = await import('../../src/store/index.js');
    const store = await openStore(env.DATABASE_URL);
    await store.saveDraftTopic({
      topicId: 'volumes',
      title: { en: 'x', ja: 'x' },
      answer: { en: 'x.', ja: 'x。' },
      links: ['https://docs.docker.com/'],
      related: [],
      sourceQuestion: '',
      expertReply: '',
      taughtBy: 'UADMIN',
      createdAt: new Date('2025-06-01T12:00:00Z'),
    });
    await store.close();
    const before = readdirSync(join(dir, 'knowledge')).map((name) =>
      readFileSync(join(dir, 'knowledge', name), 'utf8'),
    );

    const result = run('learned', ['--export'], undefined, env);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/volumes\.md already exists; draft draft-1 would overwrite it/);
    expect(
      readdirSync(join(dir, 'knowledge')).map((name) => readFileSync(join(dir, 'knowledge', name), 'utf8')),
    ).toEqual(before);
    expect(JSON.parse(run('learned', ['--json'], undefined, env).stdout).phrasings).toHaveLength(1);
    expect(existsSync(join(dir, 'knowledge', 'volumes.md'))).toBe(true);
  });
});
