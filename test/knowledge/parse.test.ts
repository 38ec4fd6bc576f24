import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from '../../src/knowledge/load.js';
import { KnowledgeError } from '../../src/knowledge/errors.js';
import { topicFile } from '../factories.js';

function problemsOf(files: { path: string; text: string }[]): string[] {
  try {
    buildKnowledgeBase(files);
  } catch (error) {
    if (error instanceof KnowledgeError) return error.message.split('\n').slice(1).map((line) => line.trim());
    throw error;
  }
  return [];
}

describe('Loading knowledge files', () => {
  it('reads a well-formed topic with both answers', () => {
    const kb = buildKnowledgeBase([topicFile({ id: 'image' })]);
    const topic = kb.byId.get('image');
    expect(topic?.title).toEqual({ en: 'Image title', ja: 'イメージのタイトル' });
    expect(topic?.answer.en).toBe('An English answer about image.');
    expect(topic?.answer.ja).toBe('imageについての日本語の回答です。');
    expect(topic?.links[0]?.url).toBe('https://docs.docker.com/image/');
  });

  it('names the file and the YAML problem when the front matter is broken', () => {
    const file = topicFile({ id: 'image' });
    file.text = file.text.replace('title:', 'title: [unclosed');
    expect(problemsOf([file])[0]).toMatch(/^knowledge\/image\.md: front matter is not valid YAML/);
  });

  it('needs the date the facts were last checked, as a real calendar date', () => {
    const file = topicFile({ id: 'image' });
    expect(problemsOf([{ ...file, text: file.text.replace('reviewed: 2026-01-15\n', '') }])).toEqual([
      'knowledge/image.md: reviewed: must be the date the facts were last checked, as YYYY-MM-DD',
    ]);
    expect(problemsOf([{ ...file, text: file.text.replace('2026-01-15', '2026-02-30') }])).toEqual([
      'knowledge/image.md: reviewed: must be the date the facts were last checked, as YYYY-MM-DD',
    ]);
    expect(buildKnowledgeBase([file]).byId.get('image')?.reviewed).toBe('2026-01-15');
  });

  it('says which language is missing', () => {
    const file = topicFile({ id: 'image' });
    file.text = file.text.replace(/## 日本語[\s\S]*$/, '');
    expect(problemsOf([file])).toEqual([
      'knowledge/image.md: missing the Japanese answer ("## 日本語" section)',
    ]);
  });

  it('refuses an empty answer', () => {
    const file = topicFile({ id: 'image' });
    file.text = file.text.replace('An English answer about image.', '');
    expect(problemsOf([file])).toContain('knowledge/image.md: the "## English" answer is empty');
  });

  it('refuses a duplicate id, naming both files', () => {
    const first = topicFile({ id: 'image' });
    const second = { path: 'knowledge/copy/image.md', text: first.text };
    expect(problemsOf([first, second])).toContain(
      'knowledge/copy/image.md: duplicate id "image" (also in knowledge/image.md)',
    );
  });

  it('refuses a related id that does not exist', () => {
    expect(problemsOf([topicFile({ id: 'image', related: ['no-such-topic'] })])).toEqual([
      'knowledge/image.md: related topic "no-such-topic" does not exist',
    ]);
  });

  it('refuses a link that is not https', () => {
    const file = topicFile({ id: 'image', url: 'http://docs.docker.com/image/' });
    expect(problemsOf([file])).toEqual(['knowledge/image.md: links.0.url: must be an https:// address']);
  });

  it('refuses a file whose id does not match its name', () => {
    const file = { ...topicFile({ id: 'image' }), path: 'knowledge/images.md' };
    expect(problemsOf([file])).toEqual(['knowledge/images.md: id "image" must match the file name (image.md)']);
  });

  it('refuses an unknown front matter field, which is usually a typo', () => {
    const file = topicFile({ id: 'image' });
    file.text = file.text.replace('related:', 'relatd: []\nrelated:');
    expect(problemsOf([file])[0]).toMatch(/knowledge\/image\.md: front matter: Unrecognized key.*relatd/);
  });

  it('reads the error fragments a topic fixes, none when the field is left out', () => {
    const kb = buildKnowledgeBase([
      topicFile({ id: 'image', errors: ['manifest unknown', 'invalid reference format'] }),
      topicFile({ id: 'volumes' }),
    ]);
    expect(kb.byId.get('image')?.errors).toEqual(['manifest unknown', 'invalid reference format']);
    expect(kb.byId.get('volumes')?.errors).toEqual([]);
  });

  it('refuses an empty error fragment and one that is not text', () => {
    expect(problemsOf([topicFile({ id: 'image', errors: ['  '] })])).toEqual([
      'knowledge/image.md: errors.0: must not be empty',
    ]);
    const file = topicFile({ id: 'image', errors: [] });
    file.text = file.text.replace('errors:\n', 'errors:\n  - { message: x }\n');
    expect(problemsOf([file])[0]).toMatch(/^knowledge\/image\.md: errors\.0: /);
  });

  it('reads the example questions of a topic in both languages, none when the field is left out', () => {
    const kb = buildKnowledgeBase([
      topicFile({
        id: 'volumes',
        examples: { en: ['keep my postgres data when the container is recreated'], ja: ['DBのデータを消したくない'] },
      }),
      topicFile({ id: 'image' }),
      topicFile({ id: 'networks', examples: { ja: ['コンテナ同士で通信したい'] } }),
    ]);
    expect(kb.byId.get('volumes')?.examples).toEqual({
      en: ['keep my postgres data when the container is recreated'],
      ja: ['DBのデータを消したくない'],
    });
    expect(kb.byId.get('image')?.examples).toEqual({ en: [], ja: [] });
    expect(kb.byId.get('networks')?.examples).toEqual({ en: [], ja: ['コンテナ同士で通信したい'] });
  });

  it('refuses an example that is not one question of one line', () => {
    expect(
      problemsOf([topicFile({ id: 'volumes', examples: { en: ['ab', `keep ${'my data '.repeat(50)}`] } })]),
    ).toEqual([
      'knowledge/volumes.md: examples.en.0: must be at least 3 characters long',
      'knowledge/volumes.md: examples.en.1: must be at most 300 characters long; an example is one question',
    ]);
    expect(problemsOf([topicFile({ id: 'volumes', examples: { ja: ['一行目\n二行目'] } })])).toEqual([
      'knowledge/volumes.md: examples.ja.0: must be one line',
    ]);
  });

  it('reports every problem of every file in one error', () => {
    const broken = topicFile({ id: 'image', url: 'ftp://x' });
    const missing = topicFile({ id: 'volumes', related: ['nowhere'] });
    expect(problemsOf([broken, missing])).toHaveLength(2);
  });
});
