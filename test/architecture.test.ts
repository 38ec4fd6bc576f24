/**
 * The runtime stands on its own: nothing under src/ reaches into test/ or bench/, so `npm run build`
 * compiles src/ alone and the image carries no test or benchmark code. Tests and benches may import src/
 * (and benches the loopback helpers in test/support/); never the other way round.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/paths.js';

/** Top-level folders the runtime must never import from. */
const OFF_LIMITS = ['test', 'bench'];

const SPECIFIER_PATTERNS = [
  // import … from '…', export … from '…' (also across lines, also `import type`)
  /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
  // import '…' (for its side effects)
  /\bimport\s*['"]([^'"]+)['"]/g,
  // import('…'), require('…')
  /\b(?:import|require)\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
  // new URL('…', import.meta.url): a file found next to this one, e.g. to spawn or read it
  /\bnew\s+URL\s*\(\s*['"`]([^'"`]+)['"`]\s*,\s*import\.meta\.url\s*\)/g,
];

/** Every path a source file names as a module or a neighbouring file. */
function specifiers(source: string): string[] {
  return SPECIFIER_PATTERNS.flatMap((pattern) =>
    [...source.matchAll(pattern)].map((match) => match[1] ?? ''),
  );
}

/** The specifiers in `source` (the text of `file`) that lead into test/ or bench/. */
function offLimitsImports(file: string, source: string): string[] {
  return specifiers(source).filter((specifier) => {
    if (!specifier.startsWith('.') && !isAbsolute(specifier)) return false; // a package or node: builtin
    const target = relative(PROJECT_ROOT, resolve(dirname(file), specifier));
    return OFF_LIMITS.includes(target.split(sep)[0] ?? '');
  });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|cts|js|mjs|cjs|json)$/.test(entry.name) ? [path] : [];
  });
}

describe('src/', () => {
  const files = sourceFiles(join(PROJECT_ROOT, 'src'));

  it('holds the runtime code', () => {
    expect(files.map((file) => relative(PROJECT_ROOT, file))).toContain(join('src', 'index.ts'));
  });

  it('never imports from test/ or bench/', () => {
    const offending = files.flatMap((file) =>
      offLimitsImports(file, readFileSync(file, 'utf8')).map(
        (specifier) => `${relative(PROJECT_ROOT, file)} → ${specifier}`,
      ),
    );
    expect(offending).toEqual([]);
  });

  it('is all that `npm run build` compiles', () => {
    const build = JSON.parse(readFileSync(join(PROJECT_ROOT, 'tsconfig.build.json'), 'utf8')) as {
      include?: string[];
      files?: string[];
    };
    expect(build.include).toEqual(['src']);
    expect(build.files).toBeUndefined();
  });
});

describe('The import check', () => {
  const file = join(PROJECT_ROOT, 'src', 'cli', 'example.ts');

  it('finds every way a runtime file could reach test/ or bench/', () => {
    const source = [
      "import { sendSigned } from '../../test/support/signed.js';",
      "import type {\n  StandInSlack,\n} from '../../test/support/stand-in-slack.js';",
      "export { synthesize } from '../../bench/synthetic.js';",
      "import '../../bench/http/main.js';",
      "const engines = await import('../../bench/engines.js');",
      "const script = new URL('../../bench/cold-build.ts', import.meta.url);",
    ].join('\n');
    expect(offLimitsImports(file, source)).toEqual([
      '../../test/support/signed.js',
      '../../test/support/stand-in-slack.js',
      '../../bench/synthetic.js',
      '../../bench/http/main.js',
      '../../bench/engines.js',
      '../../bench/cold-build.ts',
    ]);
  });

  it('lets runtime files import each other, packages and builtins', () => {
    const source = [
      "import { createAnswerEngine } from '../search/engine.js';",
      "import { App } from '@slack/bolt';",
      "import { readFileSync } from 'node:fs';",
      "import { testHelper } from './test-helper.js';",
    ].join('\n');
    expect(offLimitsImports(file, source)).toEqual([]);
  });
});
