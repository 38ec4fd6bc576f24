import { beforeAll, describe, expect, it } from 'vitest';
import { errorFragmentKey } from '../../src/knowledge/error-fragments.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/paths.js';
import type { Topic } from '../../src/knowledge/types.js';
import { SEARCH_DEFAULTS } from '../../src/search/config.js';
import { createAnswerEngine, type AnswerEngine } from '../../src/search/engine.js';
import { topic } from '../factories.js';

describe('The answer engine over the shipped knowledge', () => {
  let engine: AnswerEngine;
  beforeAll(() => {
    engine = createAnswerEngine(loadKnowledge(DEFAULT_KNOWLEDGE_DIR).topics);
  });
  const answer = (question: string) => engine.search(question).topic?.id ?? null;

  it('answers a plain question with its topic', () => {
    expect(answer('what is a volume')).toBe('volumes');
    expect(answer('Dockerfileの書き方')).toBe('dockerfile');
  });

  it('tells the containers that are running (docker ps) from running one (docker run)', () => {
    expect(answer('how do I see which containers are running')).toBe('docker-ps');
    expect(answer('how do I run a container')).toBe('docker-run');
  });

  it('tolerates typos', () => {
    expect(answer('kubernets')).toBe('kubernetes');
    expect(answer('waht is an imgae')).toBe('image');
  });

  it('ignores Slack markup around the question', () => {
    expect(answer('<@U024BE7LH> <!here> what is docker compose')).toBe('docker-compose');
  });

  it('answers in the language of the question', () => {
    expect(engine.search('what is an image').lang).toBe('en');
    expect(engine.search('dockerのimageって何').lang).toBe('ja');
    expect(answer('dockerのimageって何')).toBe('image');
  });

  it('prefers the topic a short question names over topics that merely mention it', () => {
    expect(answer('container')).toBe('container');
    expect(answer('image vs container')).toBe('container-vs-image');
  });

  it('does not answer off-topic questions', () => {
    for (const question of [
      "what's the weather",
      '今日のランチ',
      'git rebase vs merge',
      'hello',
      '🐳🐳🐳',
      '',
    ]) {
      const result = engine.search(question);
      expect(result.answered, question).toBe(false);
      expect(result.topic, question).toBeNull();
    }
  });

  it('suggests at most three topics when it is unsure', () => {
    const result = engine.search('docker');
    expect(result.suggestions.length).toBeLessThanOrEqual(3);
  });

  it('answers a pasted 4,000-character question without trouble', () => {
    const result = engine.search(`how do I publish a port ${'x'.repeat(4000)}`);
    expect(result.lang).toBe('en');
  });

  it('is deterministic', () => {
    expect(engine.search('イメージを小さくしたい')).toEqual(engine.search('イメージを小さくしたい'));
  });
});

describe('The two decisions: is it a Docker question, and which topic', () => {
  let engine: AnswerEngine;
  let topics: Topic[];
  beforeAll(() => {
    topics = loadKnowledge(DEFAULT_KNOWLEDGE_DIR).topics;
    engine = createAnswerEngine(topics);
  });
  const domainOf = (question: string) => engine.search(question).domain;

  it('says what showed that a question is about Docker: a command, a file, an error, a distinctive word', () => {
    expect(domainOf('docker run -p 8080:80 nginx').evidence).toEqual(
      expect.arrayContaining(['command: docker run', 'command: -p 8080:80', 'word: nginx']),
    );
    expect(domainOf('my compose.yaml will not start').evidence).toContain('file: compose.yaml');
    expect(domainOf('compose upしたらyamlのエラーで止まった').evidence).toContain('command: compose up');
    expect(domainOf('Bind for 0.0.0.0:8080 failed: port is already allocated').evidence).toContain(
      'error: port is already allocated',
    );
    expect(domainOf('kubectl get pods prints nothing').evidence).toEqual(
      expect.arrayContaining(['command: kubectl get', 'word: kubectl']),
    );
    for (const question of ['docker run -p 8080:80 nginx', 'my compose.yaml will not start']) {
      expect(domainOf(question).inDomain, question).toBe(true);
    }
  });

  it('does not take an everyday word that Docker also uses for evidence', () => {
    for (const question of [
      'the shipping container with our office furniture arrives tomorrow',
      'can you turn the volume down, and is the port city worth a visit',
      'コンテナ船の予約どうなってる',
      'how do I crop a photo',
    ]) {
      expect(domainOf(question), question).toEqual({ inDomain: false, evidence: [] });
      expect(engine.search(question).answered, question).toBe(false);
    }
  });

  it('takes two everyday words that name topics (container and image, コンテナ and イメージ) for evidence', () => {
    expect(domainOf('コンテナとイメージの関係がまだピンとこない').evidence).toEqual([
      'word: コンテナ',
      'word: イメージ',
    ]);
    expect(domainOf('is a container the same thing as an image').evidence).toEqual([
      'word: container',
      'word: image',
    ]);
    for (const question of [
      '輸送用コンテナのサイズ',
      '画像のイメージを明るくしたい',
      'the image of our brand',
    ]) {
      expect(domainOf(question), question).toEqual({ inDomain: false, evidence: [] });
    }
  });

  it('answers a question that shows Docker at a score a question without Docker would not be answered at', () => {
    const result = engine.search(
      'quick one from the infra channel: the finance dashboard and the wiki both run in docker on the old box under the stairs, it got power cycled by facilities and neither came back, how do we make them come back on their own',
    );
    expect(result.domain.inDomain).toBe(true);
    expect(result.score).toBeGreaterThanOrEqual(SEARCH_DEFAULTS.answerMin);
    expect(result.score).toBeLessThan(SEARCH_DEFAULTS.outOfDomainAnswerMin);
    expect(result.topic?.id).toBe('restart-policy');
  });

  it('answers only when the best topic leads the next unrelated one by the margin', () => {
    const question = 'ローカルで開発するメリットは？（Docker Desktopを使う場合）';
    const [best, rival] = engine.rank(question);
    expect(best?.topic.id).toBe('local-dev-server');
    expect(rival?.topic.id).toBe('why-containers');
    const lead = (best?.score ?? 0) - (rival?.score ?? 0);
    const withMargin = (minMargin: number) =>
      createAnswerEngine(topics, { ...SEARCH_DEFAULTS, minMargin }).search(question);
    expect(withMargin(lead - 0.01).topic?.id).toBe('local-dev-server');
    expect(withMargin(lead + 0.01)).toMatchObject({ answered: false });
    expect(withMargin(lead + 0.01).suggestions.map((topic) => topic.id)).toContain('local-dev-server');
  });

  it('does not let words of context count against a topic once the question shows Docker', () => {
    expect(
      engine.search('my boss keeps mentioning kubectl in meetings and I just nod along, what is it').topic
        ?.id,
    ).toBe('kubectl');
    expect(
      engine.search('上司が会議でよくkubectlって言ってるんですが、今さら聞けなくて…何ですか').topic?.id,
    ).toBe('kubectl');
    expect(engine.search('kubectlの役割と仕組みを知りたい').topic?.id).toBe('kubectl');
  });
});

describe('Weak evidence of the domain', () => {
  const engine = createAnswerEngine([
    topic({ id: 'container', aliases: { en: ['container', 'container image'], ja: [] } }),
    topic({ id: 'image', aliases: { en: ['image', 'image layer'], ja: [] } }),
    topic({ id: 'volumes', aliases: { en: ['container volume', 'image volume'], ja: [] } }),
  ]);
  const domainOf = (question: string) => engine.search(question).domain;

  it('needs two everyday words, each the whole name of some topic and held by the names of two', () => {
    expect(domainOf('container image').evidence).toEqual(['word: container', 'word: image']);
    // "volume" names no topic by itself; "image" alone is one word.
    expect(domainOf('container volume').inDomain).toBe(false);
    expect(domainOf('image').inDomain).toBe(false);
  });
});

describe('The answer engine over a tiny knowledge base', () => {
  const engine = createAnswerEngine([
    topic({ id: 'volumes', aliases: { en: ['named volume', 'volume mount'], ja: ['ボリューム'] } }),
    topic({
      id: 'bind-mounts',
      aliases: { en: ['bind mount', 'mount a host folder'], ja: ['バインドマウント'] },
    }),
    topic({ id: 'networks', aliases: { en: ['container network'], ja: ['ネットワーク'] } }),
  ]);

  it('gives a confidence score between 0 and 1', () => {
    const result = engine.search('named volume');
    expect(result.topic?.id).toBe('volumes');
    expect(result.score).toBeGreaterThan(0.75);
    expect(result.score).toBeLessThanOrEqual(1);
    expect(result.suggestions).toEqual([]);
  });

  it('scores zero and suggests nothing when no word is known', () => {
    expect(engine.search('lunch menu')).toMatchObject({ answered: false, score: 0, suggestions: [] });
  });

  it('offers the close topics instead of guessing between them', () => {
    const result = engine.search('mount');
    expect(result.answered).toBe(false);
    expect(result.suggestions.map((t) => t.id).sort()).toEqual(['bind-mounts', 'volumes']);
  });
});

describe("A topic's example questions", () => {
  const volumes = topic({
    id: 'volumes',
    aliases: { en: ['named volume'], ja: ['ボリューム'] },
    examples: { en: ['our postgres rows vanished after we recreated the container'], ja: [] },
  });
  const networks = topic({
    id: 'networks',
    aliases: { en: ['container network'], ja: [] },
    examples: { en: ['the api cannot reach postgres by its service name'], ja: [] },
  });
  const withExamples = createAnswerEngine([volumes, networks]);
  const withoutExamples = createAnswerEngine(
    [volumes, networks].map((each) => ({ ...each, examples: { en: [], ja: [] } })),
  );

  it('lend their words to the topic, so a question in those words is answered with it', () => {
    const question = 'named volume: our rows vanished after recreate';
    expect(withoutExamples.search(question)).toMatchObject({ answered: false });
    expect(withExamples.search(question).topic?.id).toBe('volumes');
    expect(withoutExamples.search('rows vanished after recreate').score).toBe(0);
    expect(withExamples.rank('rows vanished after recreate')[0]?.topic.id).toBe('volumes');
  });

  it('are not names: their words show no Docker and say nothing of how complete a name was said', () => {
    // "postgres" is in the examples of both topics, which would make it evidence in two names.
    expect(withExamples.search('postgres').domain).toEqual({ inDomain: false, evidence: [] });
    expect(withExamples.search('named volume').score).toBeGreaterThan(
      withExamples.search('rows vanished recreated').score,
    );
  });
});

describe('When a question contains a known error message', () => {
  const topics = [
    topic({ id: 'port-publishing', errors: ['port is already allocated', 'bind: address already in use'] }),
    topic({ id: 'docker-hub', errors: ['toomanyrequests'] }),
    topic({ id: 'buildx-multi-platform', errors: ['no matching manifest for', 'exec format error'] }),
    topic({ id: 'windows-containers', errors: ['no matching manifest for windows'] }),
    topic({ id: 'resource-limits', errors: ['Exited (137)'] }),
    topic({ id: 'container-exits-immediately', errors: ['Exited (1)'] }),
    topic({ id: 'docker-compose', errors: ['the attribute `version` is obsolete'] }),
    topic({ id: 'volumes', aliases: { en: ['volume', 'keep data'], ja: [] } }),
  ];
  const engine = createAnswerEngine(topics);

  it('answers a pasted multi-line log with the topic of the error, with full confidence', () => {
    const log = [
      'hey, our deploy script broke this morning, no idea why. this is what it printed:',
      '```',
      '$ docker compose up -d',
      '[+] Running 2/3',
      ' ✔ Network app_default  Created',
      'Error response from daemon: driver failed programming external connectivity on endpoint',
      'app-web-1 (3f2a): Bind for 0.0.0.0:8080 failed: port is already allocated',
      '```',
      'what do I do? the volume with our data must survive',
    ].join('\n');
    expect(engine.search(log)).toMatchObject({
      answered: true,
      topic: { id: 'port-publishing' },
      score: 1,
      suggestions: [],
      errorMatch: 'port is already allocated',
    });
    expect(engine.rank(log)[0]).toMatchObject({ topic: { id: 'port-publishing' }, score: 1 });
  });

  it('ignores case, width, line breaks and spaces inside the message', () => {
    for (const question of [
      'PORT IS ALREADY ALLOCATED',
      'Bind for 0.0.0.0:80 failed: port  is\n  already allocated ← what now',
      'ｐｏｒｔ　ｉｓ　ａｌｒｅａｄｙ　ａｌｌｏｃａｔｅｄ',
      'portisalready allocated',
      '<@U024BE7LH> `port is already allocated` って出た',
    ]) {
      expect(engine.search(question).topic?.id, question).toBe('port-publishing');
    }
    expect(engine.search('STATUS: Exited(137) 5 seconds ago').topic?.id).toBe('resource-limits');
    expect(engine.search('WARN the attribute `version` is obsolete, it will be ignored').topic?.id).toBe(
      'docker-compose',
    );
  });

  it('does not find a message inside a longer word', () => {
    expect(engine.search('http.StatusTooManyRequests').errorMatch).toBeNull();
    expect(engine.search('Exited (137) 2 hours ago').topic?.id).toBe('resource-limits');
    expect(engine.search('toomanyrequests: You have reached your pull rate limit').topic?.id).toBe(
      'docker-hub',
    );
  });

  it('prefers the most specific message, and offers the other matched topics', () => {
    const windows = engine.search('no matching manifest for windows/amd64 in the manifest list entries');
    expect(windows.topic?.id).toBe('windows-containers');
    expect(windows.suggestions.map((t) => t.id)).toEqual(['buildx-multi-platform']);
    expect(
      engine.search('no matching manifest for linux/arm64/v8 in the manifest list entries').topic?.id,
    ).toBe('buildx-multi-platform');
    const both = engine.search(
      'exec format error, then: Bind for 0.0.0.0:80 failed: port is already allocated',
    );
    expect(both.topic?.id).toBe('port-publishing');
    expect(both.suggestions.map((t) => t.id)).toEqual(['buildx-multi-platform']);
  });

  it('answers with words as before when no message is found', () => {
    expect(engine.search('keep data in a volume')).toMatchObject({
      topic: { id: 'volumes' },
      errorMatch: null,
    });
  });
});

describe('The error fragments of the shipped knowledge', () => {
  const kb = loadKnowledge(DEFAULT_KNOWLEDGE_DIR);
  const engine = createAnswerEngine(kb.topics);

  it('are at least 40, and each lies in one topic only', () => {
    const owners = new Map<string, string[]>();
    for (const { id, errors } of kb.topics) {
      for (const fragment of errors) {
        const key = errorFragmentKey(fragment);
        owners.set(key, [...(owners.get(key) ?? []), id]);
      }
    }
    expect(owners.size).toBeGreaterThanOrEqual(40);
    expect([...owners].filter(([, ids]) => ids.length > 1)).toEqual([]);
  });

  it('each answer their own topic when pasted with words around them', () => {
    for (const { id, errors } of kb.topics) {
      for (const fragment of errors) {
        const question = `Got this after deploying:\n  Error: ${fragment} (see logs)\nany idea?`;
        expect(engine.search(question).topic?.id, fragment).toBe(id);
      }
    }
  });

  it('answer the messages people paste', () => {
    const cases: [string, string][] = [
      [
        'docker: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
        'docker-permission-denied',
      ],
      [
        'Got permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: dial unix /var/run/docker.sock: connect: permission denied',
        'docker-permission-denied',
      ],
      ['pod がずっと ImagePullBackOff のまま', 'kubectl'],
      [
        'docker: Error response from daemon: Conflict. The container name "/web" is already in use by container "9e0b". You have to remove (or rename) that container to be able to reuse that name.',
        'docker-stop-rm',
      ],
      [
        'ERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref abc::def: "/app/package.json": not found',
        'dockerignore',
      ],
      [
        '#7 ERROR: process "/bin/sh -c npm ci" did not complete successfully: exit code: 1\nERROR: failed to solve: process "/bin/sh -c npm ci" did not complete successfully: exit code: 1',
        'docker-build',
      ],
      [
        "Error response from daemon: pull access denied for myapp, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
        'docker-pull-push',
      ],
      ['write /var/lib/docker/tmp/GetImageBlob123: no space left on device', 'prune-cleanup'],
    ];
    for (const [question, id] of cases) expect(engine.search(question).topic?.id, question).toBe(id);
  });
});

describe('Concepts (knowledge/concepts.yaml)', () => {
  const topics = [
    topic({ id: 'docker-run', aliases: { en: ['run a container'], ja: [] } }),
    topic({ id: 'volumes', aliases: { en: ['persist data'], ja: [] } }),
    topic({ id: 'use-production', aliases: { en: ['production deployment'], ja: [] } }),
  ];
  const concepts = [
    { concept: 'run', words: ['run', 'launch', '起動', '立ち上げ'], line: 1 },
    { concept: 'persist', words: ['persist', 'survive', '永続化'], line: 2 },
    { concept: 'production', words: ['production', 'prod', '本番'], line: 3 },
  ];

  it('let a question say an idea in other words, in either language, as the knowledge does', () => {
    const plain = createAnswerEngine(topics);
    const withConcepts = createAnswerEngine(topics, undefined, concepts);
    for (const [question, id] of [
      ['launch a container', 'docker-run'],
      ['コンテナを立ち上げたい', 'docker-run'],
      ['コンテナの起動', 'docker-run'],
      ['will the data survive', 'volumes'],
      ['データの永続化', 'volumes'],
      ['本番のdeployment', 'use-production'],
    ] as const) {
      expect(withConcepts.rank(question)[0]?.topic.id, question).toBe(id);
      expect(plain.rank(question)[0]?.topic.id === id && plain.search(question).answered, question).toBe(
        false,
      );
    }
  });
});

describe('Comparisons', () => {
  let engine: AnswerEngine;
  beforeAll(() => {
    const kb = loadKnowledge(DEFAULT_KNOWLEDGE_DIR);
    engine = createAnswerEngine(kb.topics, undefined, kb.concepts);
  });

  it('answer the comparison topic when one covers both sides, in either order and language', () => {
    for (const question of [
      'image vs container',
      'container versus image, which is which',
      'イメージとコンテナの違いがまだよく分からない',
      'what is the difference between an image and a container, my team keeps mixing them up',
    ]) {
      expect(engine.search(question).topic?.id, question).toBe('container-vs-image');
    }
    expect(engine.search('DockerとVMどっちがいい？').topic?.id).toBe('container-vs-vm');
    expect(engine.search('VMじゃなくてDockerを使う理由').topic?.id).toBe('container-vs-vm');
  });

  it('otherwise answer the thing asked about, the other side offered with it', () => {
    const instead = engine.search('ボリュームじゃなくてバインドマウントを使う理由');
    expect(instead.topic?.id).toBe('bind-mounts');
    expect(instead.suggestions.map((topic) => topic.id)).toContain('volumes');
    const versus = engine.search('docker compose vs kubernetes for a small team');
    expect([versus.topic?.id, ...versus.suggestions.map((topic) => topic.id)]).toEqual(
      expect.arrayContaining(['docker-compose', 'kubernetes']),
    );
    expect(versus.answered).toBe(true);
  });

  it('answer the side asked about, named by a whole name another topic holds a part of', () => {
    // コンテナ is also in image's コンテナイメージ: the side is container's by its whole name.
    const pod = engine.search(
      'Podってコンテナと何が違うんですか？1つのPodに複数コンテナ入れることもあるって聞いて混乱してます',
    );
    expect(pod.topic?.id).toBe('kubernetes-pods');
  });

  it('answer the side the question asks about when it is clear and the other is not', () => {
    // "docker" alone finds docker-run by a hair; the question is about k8s.
    expect(
      engine.search('k8sってよく聞くけど、Dockerと何が違うの？一言で説明できると嬉しいです').topic?.id,
    ).toBe('kubernetes');
  });

  it('answer the one topic both sides belong to', () => {
    expect(
      engine.search(
        "what's the difference between `docker run` and `docker start`? I keep ending up with new ones",
      ).topic?.id,
    ).toBe('docker-run');
  });

  it('answer no side that names its topic only by a hair: "docker" alone is no topic', () => {
    expect(
      engine.search('is docker the same thing as containers, or one brand of container?').topic?.id,
    ).not.toBe('docker-run');
    expect(engine.search("what's the actual difference between docker and a VM?").topic?.id).toBe(
      'container-vs-vm',
    );
  });

  it('lend no confidence from sides that find unrelated topics in a question that shows no Docker', () => {
    // "python" and "go" are each in some topic's alias; the comparison is about programming languages.
    expect(engine.search('python vs go for the backend').answered).toBe(false);
  });

  it('take no side that is a letter: "-v" names no topic', () => {
    expect(engine.search('--mount type=bind と -v って何が違う？').topic?.id).toBe('bind-mounts');
  });

  it('still refuse a comparison of things the knowledge does not know', () => {
    for (const question of [
      'git rebase vs merge',
      'tabs or spaces, which is better',
      'ReactとVueどっちがいい？',
    ]) {
      expect(engine.search(question).answered, question).toBe(false);
    }
  });
});

describe('A question asking what something is', () => {
  const engine = createAnswerEngine([
    topic({ id: 'container', aliases: { en: ['container'], ja: ['コンテナ'] } }),
    topic({ id: 'image', aliases: { en: ['image', 'docker image'], ja: ['イメージ'] } }),
    topic({ id: 'onboarding', aliases: { en: ['new team member setup', 'standup notes'], ja: [] } }),
  ]);

  it('answers with the topic the term names, however much the context around it says', () => {
    const question =
      'new team member here, in standup notes and setup docs everyone says it. what even is a container, and why should I care?';
    expect(engine.rank(question.replace('what even is a container', 'the container'))[0]?.topic.id).toBe(
      'onboarding',
    );
    expect(engine.search(question)).toMatchObject({ answered: true, topic: { id: 'container' } });
    expect(engine.search('チームに来たばかりのPMです。そもそもDockerのイメージって何ですか？')).toMatchObject(
      {
        answered: true,
        topic: { id: 'image' },
      },
    );
  });

  it('answers with the topic of a term it quotes when it asks what that is', () => {
    expect(
      engine.search(
        '新メンバーです。朝会のstandup notesでみんな「コンテナ」って言ってるんですが、そもそも何なんでしょう？',
      ),
    ).toMatchObject({ answered: true, topic: { id: 'container' } });
  });

  it('leaves a name two topics share to the ranking', () => {
    const shared = createAnswerEngine([
      topic({ id: 'volumes', aliases: { en: ['storage', 'named volume'], ja: [] } }),
      topic({ id: 'bind-mounts', aliases: { en: ['storage', 'host folder'], ja: [] } }),
    ]);
    expect(shared.search('what is storage').answered).toBe(false);
    expect(shared.search('what is a named volume').topic?.id).toBe('volumes');
  });

  it('leaves a term that is no whole name of one topic to the ranking', () => {
    expect(engine.search("what's a container ship's usual size").answered).toBe(false);
    expect(engine.search('what is the image size limit').score).toBeLessThan(SEARCH_DEFAULTS.definitionScore);
  });
});

describe('A long question that shows nothing of Docker', () => {
  let knowledge: ReturnType<typeof loadKnowledge>;
  beforeAll(() => {
    knowledge = loadKnowledge(DEFAULT_KNOWLEDGE_DIR);
  });
  const engineWith = (words: { en: number; ja: number }) =>
    createAnswerEngine(
      knowledge.topics,
      { ...SEARCH_DEFAULTS, corroborated: { ...SEARCH_DEFAULTS.corroborated, words } },
      knowledge.concepts,
    );

  it('is answered when many of its words agree on one topic, though they cover little of its score', () => {
    const question =
      'I need to pull a generated report out of a running container to check it. what is the easiest way to get a file from inside it onto my laptop?';
    const result = engineWith(SEARCH_DEFAULTS.corroborated.words).search(question);
    expect(result).toMatchObject({ answered: true, topic: { id: 'docker-cp' } });
    expect(result.domain.inDomain).toBe(false);
    expect(result.score).toBeLessThan(SEARCH_DEFAULTS.outOfDomainAnswerMin);
    // Counting on fewer agreeing words than it has, the same question goes unanswered.
    expect(engineWith({ en: 99, ja: 99 }).search(question).answered).toBe(false);
  });

  it('is still refused when its few known words are everyday ones', () => {
    const engine = engineWith(SEARCH_DEFAULTS.corroborated.words);
    for (const question of [
      'my laptop volume is stuck at max, how do I turn it down before the client call?',
      'the coffee machine pods ran out again, who orders them and where is the form?',
    ]) {
      expect(engine.search(question).answered, question).toBe(false);
    }
  });
});
