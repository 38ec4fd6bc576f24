import { describe, expect, it } from 'vitest';
import { synthesize } from '../../bench/synthetic.js';
import type { ConceptGroup } from '../../src/knowledge/concepts.js';
import type { Topic } from '../../src/knowledge/types.js';
import { createAnswerEngine, type AnswerEngine } from '../../src/search/engine.js';
import { topic } from '../factories.js';

/**
 * The rankings and scores of a fixed list of questions, kept in a snapshot: work on the engine's speed
 * (index building, tokenising, fuzzy and partial matching) must leave every one of them as it was.
 * A change made on purpose to how answers are found shows here as a diff to review, then
 * `npx vitest run -u test/search/ranking.test.ts`. The knowledge is written here, not the shipped
 * one, so that editing knowledge/ does not touch the snapshot.
 */
const TOPICS: Topic[] = [
  topic({
    id: 'volumes',
    title: { en: 'Volumes: keeping data', ja: 'ボリューム: データを残す' },
    aliases: { en: ['named volume', 'persist data', 'docker volume'], ja: ['ボリューム', 'データの永続化'] },
    examples: {
      en: ['how do I keep my database after the container is removed?'],
      ja: ['コンテナを消してもデータベースを残したい'],
    },
    answer: {
      en: "A volume is storage Docker manages outside the container's writable layer. Mount it with `docker run -v data:/var/lib/data` and the data survives when the container is removed.",
      ja: 'ボリュームはDockerが管理する保存場所で、コンテナを削除してもデータが残ります。`docker run -v data:/var/lib/data` のようにマウントします。データベースのファイルを置くのに向いています。',
    },
    related: ['bind-mounts'],
  }),
  topic({
    id: 'bind-mounts',
    title: { en: 'Bind mounts', ja: 'バインドマウント' },
    aliases: {
      en: ['bind mount', 'mount a host folder'],
      ja: ['バインドマウント', 'ホストのフォルダをマウント'],
    },
    answer: {
      en: 'A bind mount shows a host file or folder inside the container, both sides sharing the same files in real time: good for source code during development.',
      ja: 'バインドマウントは、ホストのファイルやフォルダをそのままコンテナ内に見せる仕組みで、両側が同じファイルをリアルタイムに共有します。開発中のソースコードに向いています。',
    },
    related: ['volumes'],
  }),
  topic({
    id: 'port-publishing',
    title: { en: 'Publishing ports', ja: 'ポートの公開' },
    aliases: {
      en: ['publish a port', 'port mapping', 'expose a port'],
      ja: ['ポート公開', 'ポートフォワード'],
    },
    errors: ['port is already allocated', 'address already in use'],
    answer: {
      en: 'A container listens on its own ports; `-p 8080:80` publishes port 80 of the container on port 8080 of the host.',
      ja: 'コンテナは自分のポートで待ち受けます。`-p 8080:80` でコンテナの80番をホストの8080番に公開します。',
    },
  }),
  topic({
    id: 'container-vs-image',
    title: { en: 'Container vs image', ja: 'コンテナとイメージの違い' },
    aliases: { en: ['container vs image', 'image or container'], ja: ['コンテナとイメージの違い'] },
    answer: {
      en: 'An image is the read-only template; a container is a running instance of it, with its own writable layer.',
      ja: 'イメージは読み取り専用のひな形で、コンテナはそれを起動した実体です。',
    },
  }),
  topic({
    id: 'container',
    title: { en: 'Containers', ja: 'コンテナ' },
    aliases: { en: ['container'], ja: ['コンテナ'] },
    answer: {
      en: 'A container is an isolated process started from an image, with its own filesystem and network.',
      ja: 'コンテナは、イメージから起動される隔離されたプロセスです。',
    },
  }),
  topic({
    id: 'image',
    title: { en: 'Images', ja: 'イメージ' },
    aliases: { en: ['image', 'docker image'], ja: ['イメージ', 'コンテナイメージ'] },
    answer: {
      en: 'An image packs an application with everything it needs to run, in layers.',
      ja: 'イメージは、アプリと動かすのに必要なものをレイヤーにまとめたものです。',
    },
  }),
  topic({
    id: 'docker-permission-denied',
    title: { en: 'Permission denied on the Docker socket', ja: 'Dockerソケットの権限エラー' },
    aliases: {
      en: ['docker permission denied', 'docker without sudo'],
      ja: ['権限がない', 'sudoなしでdocker'],
    },
    errors: ['permission denied while trying to connect to the docker daemon socket'],
    answer: {
      en: 'Your user cannot reach the Docker daemon socket: add it to the docker group, then log in again.',
      ja: 'ユーザーがDockerデーモンのソケットに届きません。dockerグループに入れて、ログインし直します。',
    },
  }),
  topic({
    id: 'kubernetes-pods',
    title: { en: 'Kubernetes pods', ja: 'KubernetesのPod' },
    aliases: { en: ['pod', 'kubernetes pod'], ja: ['ポッド'] },
    errors: ['CrashLoopBackOff', 'ImagePullBackOff'],
    answer: {
      en: 'A pod is the smallest unit Kubernetes runs: one or more containers sharing a network namespace.',
      ja: 'PodはKubernetesが動かす最小の単位で、ネットワークを共有する1つ以上のコンテナです。',
    },
  }),
];

const CONCEPTS: ConceptGroup[] = [
  { concept: 'run', words: ['run', 'launch', '起動', '立ち上げ'], line: 1 },
  { concept: 'persist', words: ['persist', 'survive', '永続化', '残す'], line: 2 },
];

const QUESTIONS = [
  'what is a volume',
  'named volum',
  'how to keep data when the container is gone',
  'docker run -v data:/data survives?',
  'ボリュームとは',
  'データを永続化したい',
  'コンテナを立ち上げるとデータは消える？',
  'bind mount vs volume',
  'バインドマウントとボリュームの違い',
  'mount a host folder into a container',
  'ホストのフォルダをコンテナにマウントしたい',
  'Bind for 0.0.0.0:8080 failed: port is already allocated',
  'publish port 8080',
  'ポートを公開する方法',
  'containr vs imag',
  'コンテナとイメージどっちが先？',
  'image or container, which should I pick?',
  'what is a container',
  'こんてなって何',
  'いめーじの作り方',
  'got permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock',
  'my pod is in CrashLoopBackOff',
  'kubernetes pod',
  'ポッドが起動しない',
  'lunch menu for friday',
  '今日の天気は',
  'we run node and redis on one VM and deploys break, would containers help?',
  '開発中のソースコードをコンテナ内に見せる仕組み',
];

function rankings(engine: AnswerEngine) {
  return QUESTIONS.map((question) => {
    const result = engine.search(question);
    return {
      question,
      answer: result.answered ? result.topic?.id : null,
      score: result.score,
      suggestions: result.suggestions.map((t) => t.id),
      error: result.errorMatch,
      evidence: result.domain.evidence,
      rank: engine.rank(question).map(({ topic: t, score }) => `${t.id} ${score}`),
    };
  });
}

describe('The rankings of a fixed list of questions', () => {
  it('are as in the snapshot, with concepts', () => {
    expect(rankings(createAnswerEngine(TOPICS, undefined, CONCEPTS))).toMatchSnapshot();
  });

  it('are as in the snapshot, over a synthetic knowledge base of 400 entries', () => {
    expect(rankings(createAnswerEngine(synthesize(TOPICS, 400)))).toMatchSnapshot();
  });
});
