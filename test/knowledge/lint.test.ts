import { describe, expect, it } from 'vitest';
import { lintKnowledge } from '../../src/knowledge/lint.js';
import { buildKnowledgeBase } from '../../src/knowledge/load.js';
import { topicFile } from '../factories.js';

/** The problems these tests are about; quiz items and tracks have their own tests (quiz-and-tracks.test.ts). */
const problemsOf = (...args: Parameters<typeof lintKnowledge>) =>
  lintKnowledge(...args)
    .filter((p) => !/quiz item|learning tracks/.test(p.problem))
    .map((p) => `${p.file}: ${p.problem}`);

describe('Authoring checks', () => {
  it('finds an alias shared by two topics, whatever its case or width', () => {
    const kb = buildKnowledgeBase([
      topicFile({ id: 'volumes', aliases: { en: ['Persist Data'] } }),
      topicFile({ id: 'bind-mounts', aliases: { en: ['persist  data'] } }),
    ]);
    expect(problemsOf(kb)).toEqual([
      'knowledge/bind-mounts.md: alias "persist  data" is also an alias of "volumes"; keep it in one topic',
    ]);
  });

  it('finds an answer over the length limit', () => {
    const file = topicFile({ id: 'volumes' });
    file.text = file.text.replace('An English answer about volumes.', 'x'.repeat(601));
    expect(problemsOf(buildKnowledgeBase([file]))).toEqual([
      'knowledge/volumes.md: the en answer is 601 characters; keep it under 600',
    ]);
  });

  it('allows a Japanese answer up to 450 characters, about as much as 600 in English', () => {
    const file = topicFile({ id: 'volumes' });
    const fits = file.text.replace('volumesについての日本語の回答です。', 'あ'.repeat(450));
    expect(problemsOf(buildKnowledgeBase([{ ...file, text: fits }]))).toEqual([]);
    const long = file.text.replace('volumesについての日本語の回答です。', 'あ'.repeat(451));
    expect(problemsOf(buildKnowledgeBase([{ ...file, text: long }]))).toEqual([
      'knowledge/volumes.md: the ja answer is 451 characters; keep it under 450',
    ]);
  });

  it('finds a command that one language gives and the other does not, in answers and tips', () => {
    const file = topicFile({ id: 'volumes' });
    file.text = file.text
      .replace('An English answer about volumes.', 'Use `docker volume ls` and `-v data:/data`.')
      .replace('volumesについての日本語の回答です。', '`docker volume ls` で一覧を見ます。')
      .replace('  en: A tip about volumes.', '  en: Run `docker volume prune`.');
    expect(problemsOf(buildKnowledgeBase([file]))).toEqual([
      'knowledge/volumes.md: the ja answer lacks `-v data:/data`, which the en answer gives; both languages must say the same things',
      'knowledge/volumes.md: the ja tip lacks `docker volume prune`, which the en tip gives; both languages must say the same things',
    ]);
  });

  it('finds a tip longer than one line', () => {
    const file = topicFile({ id: 'volumes' });
    file.text = file.text.replace('  en: A tip about volumes.', '  en: "line one\\nline two"');
    expect(problemsOf(buildKnowledgeBase([file]))).toEqual(['knowledge/volumes.md: the en tip must be one line']);
  });

  it('asks for the Japanese link that links.yaml knows', () => {
    const kb = buildKnowledgeBase([topicFile({ id: 'kubectl' })]);
    const known = { kubectl: [{ url: 'https://kubernetes.io/ja/docs/reference/kubectl/', lang: 'ja' }] };
    expect(problemsOf(kb, known)).toEqual([
      'knowledge/kubectl.md: no Japanese link, but links.yaml has one for "kubectl": https://kubernetes.io/ja/docs/reference/kubectl/',
    ]);
    expect(problemsOf(kb, { kubectl: [{ url: 'https://kubernetes.io/docs/', lang: 'en' }] })).toEqual([]);
  });

  it('finds an error fragment in two topics, whatever its case and spacing', () => {
    const kb = buildKnowledgeBase([
      topicFile({ id: 'port-publishing', errors: ['port is already allocated'] }),
      topicFile({ id: 'networks', errors: ['Port  is already\nALLOCATED'] }),
    ]);
    expect(problemsOf(kb)).toEqual([
      'knowledge/networks.md: error fragment "Port  is already\nALLOCATED" is also an error fragment of "port-publishing"; keep it in one topic',
    ]);
  });

  it('finds an error fragment listed twice in one topic', () => {
    const kb = buildKnowledgeBase([topicFile({ id: 'resource-limits', errors: ['OOMKilled', 'oomkilled'] })]);
    expect(problemsOf(kb)).toEqual(['knowledge/resource-limits.md: error fragment "oomkilled" is listed twice']);
  });

  it('finds an error fragment too short to be specific', () => {
    const kb = buildKnowledgeBase([topicFile({ id: 'docker-run', errors: ['failed', 'Exited (0)'] })]);
    expect(problemsOf(kb)).toEqual([
      'knowledge/docker-run.md: error fragment "failed" is too short to be specific; give at least 8 characters of the message',
    ]);
  });

  it("finds an alias holding another topic's error fragment, which would answer it", () => {
    const kb = buildKnowledgeBase([
      topicFile({ id: 'buildx', errors: ['exec format error'], aliases: { en: ['buildx', 'exec format error'] } }),
      topicFile({ id: 'docker-run', aliases: { en: ['docker run exec format error'] } }),
    ]);
    expect(problemsOf(kb)).toEqual([
      'knowledge/docker-run.md: alias "docker run exec format error" holds the error fragment "exec format error" of "buildx", which answers it; keep them in one topic',
    ]);
  });

  it('finds an example given in two topics, or twice in one', () => {
    const kb = buildKnowledgeBase([
      topicFile({ id: 'volumes', examples: { en: ['Keep my data', 'keep  my data'] } }),
      topicFile({ id: 'bind-mounts', examples: { en: ['keep my DATA'] } }),
    ]);
    expect(problemsOf(kb)).toEqual([
      'knowledge/volumes.md: example "keep  my data" is given twice',
      'knowledge/bind-mounts.md: example "keep my DATA" is also an example of "volumes"; keep it in one topic',
    ]);
  });

  it("finds an example holding another topic's error fragment, which would answer it", () => {
    const kb = buildKnowledgeBase([
      topicFile({ id: 'buildx', errors: ['exec format error'] }),
      topicFile({ id: 'docker-run', examples: { en: ['docker run says exec format error on my pi, why'] } }),
    ]);
    expect(problemsOf(kb)).toEqual([
      'knowledge/docker-run.md: example "docker run says exec format error on my pi, why" holds the error fragment "exec format error" of "buildx", which answers it; move the example there',
    ]);
  });

  it("lets an example hold another topic's fragment when a longer fragment of its own answers it", () => {
    const kb = buildKnowledgeBase([
      topicFile({ id: 'buildx', errors: ['no matching manifest for'] }),
      topicFile({
        id: 'windows-containers',
        errors: ['no matching manifest for windows'],
        examples: { en: ['pulling nginx says no matching manifest for windows/amd64'] },
      }),
    ]);
    expect(problemsOf(kb)).toEqual([]);
  });
});
