/**
 * Static checks of the deployment files: no Docker engine or cluster is needed. The lists of variables
 * come from src/config.ts, so a new required variable fails here until the manifests supply it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRODUCTION_NODE_FLAGS } from '../../src/runtime.js';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, ConfigError, loadConfig, REQUIRED_IN_HTTP_MODE } from '../../src/config.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { parseDatabaseUrl } from '../../src/store/index.js';

/** Several replicas must share one database, so the cluster supplies DATABASE_URL as well. */
const REQUIRED_FROM_SECRET = [...REQUIRED_IN_HTTP_MODE, 'DATABASE_URL'];
const SECRET_VARIABLES = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'DATABASE_URL'];

const read = (path: string) => readFileSync(join(PROJECT_ROOT, path), 'utf8');
const readYaml = <T>(path: string) => parse(read(path)) as T;

// Just the fields these tests look at.
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string }; configMapKeyRef?: { name: string } };
}
interface EnvFrom {
  secretRef?: { name: string };
  configMapRef?: { name: string };
}
interface Probe {
  httpGet?: { path: string; port: string | number };
}
interface Container {
  name: string;
  ports?: { name?: string; containerPort: number }[];
  env?: EnvVar[];
  envFrom?: EnvFrom[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number; readOnlyRootFilesystem?: boolean };
  volumeMounts?: { name: string; mountPath: string }[];
}
interface Deployment {
  kind: string;
  spec: {
    replicas: number;
    selector: { matchLabels: Record<string, string> };
    template: {
      metadata: { labels: Record<string, string> };
      spec: {
        terminationGracePeriodSeconds?: number;
        securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
        containers: Container[];
      };
    };
  };
}
interface Named {
  kind: string;
  metadata: { name: string };
}
interface Secret extends Named {
  stringData: Record<string, string>;
}
interface ConfigMap extends Named {
  data: Record<string, string>;
}
interface Service extends Named {
  spec: {
    type?: string;
    selector: Record<string, string>;
    ports: { port: number; targetPort: string | number }[];
  };
}
interface Pdb extends Named {
  spec: { minAvailable: number; selector: { matchLabels: Record<string, string> } };
}
interface ComposeService {
  build?: unknown;
  image?: string;
  env_file?: unknown;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
  restart?: string;
  volumes?: string[];
  healthcheck?: { test: string[] | string };
}
interface Compose {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

/** Dockerfile instructions with continuation lines joined and comments dropped. */
function dockerInstructions(text: string): { keyword: string; args: string }[] {
  return text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

/** The instructions of each stage, in order; a stage's name is its `AS` alias. */
function dockerStages(text: string) {
  const stages: { name?: string; from: string; instructions: { keyword: string; args: string }[] }[] = [];
  for (const instruction of dockerInstructions(text)) {
    if (instruction.keyword === 'FROM') {
      const [from = '', as, name] = instruction.args.split(/\s+/);
      stages.push({ from, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return stages;
}

/** The sources of a COPY or ADD instruction: its words without --flags, less the destination. */
function copySources(args: string): string[] {
  return args
    .split(/\s+/)
    .filter((word) => !word.startsWith('--'))
    .slice(0, -1);
}

/** `./src/` and `src` name the same thing. */
function normalPath(path: string): string {
  return path.replace(/^\.\//, '').replace(/\/$/, '') || '.';
}

/** `${NAME:-default}` → default, as Compose interpolates when NAME is unset. */
function withComposeDefaults(value: string): string {
  return value.replace(/\$\{[A-Z_]+:?-([^}]*)\}/g, '$1');
}

const dockerfile = read('Dockerfile');
const stages = dockerStages(dockerfile);
const finalStage = stages.at(-1)!;
const finalOf = (keyword: string) => finalStage.instructions.filter((i) => i.keyword === keyword);

const k8sFiles = readdirSync(join(PROJECT_ROOT, 'k8s')).filter((f) => f.endsWith('.yaml'));
const deployment = readYaml<Deployment>('k8s/deployment.yaml');
const podSpec = deployment.spec.template.spec;
const container = podSpec.containers[0]!;
const secret = readYaml<Secret>('k8s/secret.example.yaml');
const configMap = readYaml<ConfigMap>('k8s/configmap.yaml');
const service = readYaml<Service>('k8s/service.yaml');
const pdb = readYaml<Pdb>('k8s/pdb.yaml');
const compose = readYaml<Compose>('compose.yaml');

describe('The variables src/config.ts requires in HTTP mode', () => {
  const complete = { SLACK_BOT_TOKEN: 'xoxb-replace-me', SLACK_SIGNING_SECRET: 'replace-me' };

  it('are exactly the ones loadConfig reports missing from an HTTP-mode environment', () => {
    expect(loadConfig(complete).mode).toBe('http');
    for (const name of REQUIRED_IN_HTTP_MODE) {
      const env: NodeJS.ProcessEnv = { ...complete, [name]: undefined };
      expect(() => loadConfig(env), name).toThrow(ConfigError);
      expect(() => loadConfig(env), name).toThrow(`${name} is missing`);
    }
  });

  it('are among the variables config.ts knows', () => {
    for (const name of REQUIRED_FROM_SECRET) expect(CONFIG_VARIABLES).toContain(name);
  });
});

describe('The Dockerfile', () => {
  it('builds in one stage and runs in another', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
  });

  it('runs the final stage as a non-root user', () => {
    const user = finalOf('USER').at(-1)?.args;
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
  });

  it('checks health on /healthz without curl, which slim images lack', () => {
    const [healthcheck] = finalOf('HEALTHCHECK');
    expect(healthcheck?.args).toContain('/healthz');
    expect(healthcheck?.args).not.toMatch(/\b(curl|wget)\b/);
  });

  it('runs the compiled entry point that `npm run build` writes', () => {
    expect(finalOf('CMD').at(-1)?.args).toBe(
      JSON.stringify(['node', ...PRODUCTION_NODE_FLAGS, 'dist/src/index.js']).replace(/","/g, '", "'),
    );
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.build).toBe('tsc -p tsconfig.build.json');
    expect(scripts.test).not.toContain('build');
  });

  it('puts knowledge/ beside package.json, where src/paths.ts looks for it', () => {
    const copied = finalOf('COPY').map((i) => i.args.split(/\s+/).at(-1));
    expect(copied).toEqual(expect.arrayContaining(['./', './knowledge']));
    expect(finalOf('COPY').some((i) => /\bpackage\.json\b/.test(i.args))).toBe(true);
  });

  it('never copies .env in, and copies the whole context only with .env ignored', () => {
    const copies = stages.flatMap((s) => s.instructions).filter((i) => /^(COPY|ADD)$/.test(i.keyword));
    for (const copy of copies) expect(copy.args).not.toMatch(/(^|\s|\/)\.env(\s|$)/);
    expect(read('.dockerignore').split(/\r?\n/)).toContain('.env');
  });

  it('copies into the build stage only what the build reads, never the whole context', () => {
    const copied = stages
      .slice(0, -1)
      .flatMap((s) => s.instructions)
      .filter((i) => /^(COPY|ADD)$/.test(i.keyword) && !i.args.includes('--from='))
      .flatMap((i) => copySources(i.args));
    // tsconfig.build.json compiles its `include` (src/ alone) with the settings of the file it extends.
    const build = JSON.parse(read('tsconfig.build.json')) as { extends: string; include: string[] };
    const needed = [
      'package.json',
      'package-lock.json',
      'tsconfig.build.json',
      build.extends,
      ...build.include,
    ];
    const allowed = [...needed, 'knowledge'].map(normalPath);
    expect(copied.map(normalPath)).toEqual(expect.arrayContaining(needed.map(normalPath)));
    for (const source of copied) {
      expect(allowed, `the build stage copies ${source}`).toContain(normalPath(source));
    }
  });

  it('gives the runtime stage the compiled code, production dependencies and knowledge only', () => {
    const copied = finalOf('COPY').flatMap((i) => copySources(i.args));
    expect(copied.map(normalPath).sort()).toEqual(
      ['/app/dist', '/app/knowledge', '/app/node_modules', '/app/package.json'].sort(),
    );
  });

  it('bakes no token, secret or password into ENV or ARG', () => {
    const settings = stages
      .flatMap((s) => s.instructions)
      .filter((i) => i.keyword === 'ENV' || i.keyword === 'ARG');
    expect(settings.length).toBeGreaterThan(0);
    for (const { args } of settings) {
      for (const name of SECRET_VARIABLES) expect(args).not.toContain(name);
      expect(args).not.toMatch(/TOKEN|SECRET|PASSWORD|xox[abp]-|xapp-/i);
    }
  });

  it('ships production dependencies only', () => {
    const copy = finalOf('COPY').find((i) => /\bnode_modules\b/.test(i.args));
    const from = /--from=(\S+)/.exec(copy?.args ?? '')?.[1];
    const source = stages.find((s) => s.name === from);
    expect(source, 'node_modules must be copied from a named stage').toBeDefined();
    const npmCommands = source!.instructions
      .filter((i) => i.keyword === 'RUN')
      .flatMap((i) => i.args.split(/&&|;/))
      .filter((command) => /\bnpm\s+(ci|install|i|prune)\b/.test(command));
    expect(npmCommands.at(-1)).toMatch(/--omit[= ]dev/);
    // Nothing installs packages again after the copy.
    expect(finalOf('RUN').some((i) => /\bnpm\s+(ci|install|i)\b/.test(i.args))).toBe(false);
  });
});

describe('.dockerignore', () => {
  const ignored = read('.dockerignore')
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/\/$/, ''));

  it('keeps secrets and local state out of the build context', () => {
    expect(ignored).toEqual(expect.arrayContaining(['.env', 'node_modules', 'dist', 'data', '.git']));
  });
});

describe('compose.yaml', () => {
  const bot = compose.services.bot!;

  it('runs the bot, built from this directory, beside PostgreSQL', () => {
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['bot', 'postgres']));
    expect(bot.build).toBe('.');
    expect(bot.env_file).toBe('.env');
    expect(bot.ports).toContain('3000:3000');
    expect(bot.restart).toBe('unless-stopped');
  });

  it('points DATABASE_URL at the postgres service, and starts once it is healthy', () => {
    const url = withComposeDefaults(bot.environment?.DATABASE_URL ?? '');
    expect(parseDatabaseUrl(url).kind).toBe('postgres');
    expect(new URL(url).hostname).toBe('postgres');
    expect(bot.depends_on?.postgres?.condition).toBe('service_healthy');
  });

  it('gives PostgreSQL a named volume and a pg_isready health check', () => {
    const postgres = compose.services.postgres!;
    expect(postgres.image).toMatch(/^postgres:17\b/);
    expect([postgres.healthcheck?.test].flat().join(' ')).toContain('pg_isready');
    const volume = postgres.volumes?.[0]?.split(':')[0] ?? '';
    expect(Object.keys(compose.volumes ?? {})).toContain(volume);
  });

  it('sets only variables the bot reads, and no Slack secret inline', () => {
    for (const name of Object.keys(bot.environment ?? {})) expect(CONFIG_VARIABLES).toContain(name);
    for (const name of REQUIRED_IN_HTTP_MODE) expect(bot.environment ?? {}).not.toHaveProperty(name);
  });
});

describe('The Kubernetes manifests', () => {
  it('are all listed in kustomization.yaml, except the example Secret', () => {
    const { resources } = readYaml<{ resources: string[] }>('k8s/kustomization.yaml');
    const expected = k8sFiles.filter((f) => f !== 'kustomization.yaml' && f !== 'secret.example.yaml');
    expect([...resources].sort()).toEqual(expected.sort());
    for (const file of resources) expect(existsSync(join(PROJECT_ROOT, 'k8s', file))).toBe(true);
  });

  it('run at least two replicas, kept through disruptions', () => {
    expect(deployment.kind).toBe('Deployment');
    expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
    expect(pdb.kind).toBe('PodDisruptionBudget');
    expect(pdb.spec.minAvailable).toBeGreaterThanOrEqual(1);
    expect(deployment.spec.template.metadata.labels).toMatchObject(pdb.spec.selector.matchLabels);
  });

  it('probe readiness and liveness on /healthz through the http port', () => {
    for (const probe of [container.readinessProbe, container.livenessProbe]) {
      expect(probe?.httpGet).toEqual({ path: '/healthz', port: 'http' });
    }
    expect(container.ports).toContainEqual({ name: 'http', containerPort: 3000 });
  });

  it('set resource requests and limits', () => {
    for (const kind of ['requests', 'limits'] as const) {
      expect(container.resources?.[kind]).toHaveProperty('cpu');
      expect(container.resources?.[kind]).toHaveProperty('memory');
    }
  });

  it('run as a non-root user on a read-only root filesystem', () => {
    const context = { ...podSpec.securityContext, ...container.securityContext };
    expect(context.runAsNonRoot).toBe(true);
    expect(context.runAsUser).toBeGreaterThan(0);
    expect(context.readOnlyRootFilesystem).toBe(true);
    expect(podSpec.terminationGracePeriodSeconds).toBe(30);
  });

  it('wire every variable HTTP mode requires, and DATABASE_URL, from the Secret', () => {
    const secretName = secret.metadata.name;
    const fromWholeSecret = (container.envFrom ?? []).some((e) => e.secretRef?.name === secretName);
    for (const name of REQUIRED_FROM_SECRET) {
      const env = container.env?.find((e) => e.name === name);
      const ref = env?.valueFrom?.secretKeyRef;
      if (ref) {
        expect(ref.name, name).toBe(secretName);
        expect(secret.stringData, name).toHaveProperty(ref.key);
      } else {
        expect(env, `${name} must not be set outside the Secret`).toBeUndefined();
        expect(fromWholeSecret, `${name} is not wired from the Secret`).toBe(true);
        expect(secret.stringData, name).toHaveProperty(name);
      }
    }
  });

  it('take the optional settings from the ConfigMap', () => {
    expect(container.envFrom).toContainEqual({ configMapRef: { name: configMap.metadata.name } });
    for (const name of Object.keys(configMap.data)) expect(SECRET_VARIABLES).not.toContain(name);
  });

  it('set only variables the bot reads, and never SLACK_APP_TOKEN (it would switch to Socket Mode)', () => {
    const names = [
      ...(container.env ?? []).map((e) => e.name),
      ...Object.keys(configMap.data),
      ...Object.keys(secret.stringData),
    ];
    for (const name of names) expect(CONFIG_VARIABLES).toContain(name);
    expect(names).not.toContain('SLACK_APP_TOKEN');
  });

  it('configure the bot in HTTP mode against PostgreSQL, once the placeholders are replaced', () => {
    const config = loadConfig({ ...configMap.data, ...secret.stringData });
    expect(config.mode).toBe('http');
    expect(parseDatabaseUrl(config.databaseUrl).kind).toBe('postgres');
  });

  it('ship a Secret template holding obvious placeholders only', () => {
    for (const [name, value] of Object.entries(secret.stringData))
      expect(value, name).toContain('replace-me');
  });

  it('expose the pods on port 80 through a ClusterIP Service', () => {
    expect(service.spec.type ?? 'ClusterIP').toBe('ClusterIP');
    expect(service.spec.ports).toContainEqual(expect.objectContaining({ port: 80, targetPort: 'http' }));
    expect(deployment.spec.template.metadata.labels).toMatchObject(service.spec.selector);
  });
});

describe('npm start', () => {
  it('runs with the production heap limits', async () => {
    const { readFileSync } = await import('node:fs');
    const scripts = (
      JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    expect(scripts.start).toBe(`node ${PRODUCTION_NODE_FLAGS.join(' ')} --import tsx src/index.ts`);
  });
});
