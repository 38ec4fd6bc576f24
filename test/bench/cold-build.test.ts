import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';
import { sameClockEnv } from '../child-env.js';

/** Runs bench/cold-build.ts as `npm run bench` does for each synthetic row, in a child process. */
function coldBuild(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'bench/cold-build.ts', ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: sameClockEnv(),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cold-build (the fresh-process index builds of npm run bench)', () => {
  it('builds a synthetic knowledge base of the size asked and prints the time', () => {
    const { status, stdout } = coldBuild(['--size', '120']);
    expect(status).toBe(0);
    const { size, buildMs } = JSON.parse(stdout) as { size: number; buildMs: number };
    expect(size).toBe(120);
    expect(buildMs).toBeGreaterThan(0);
  });

  it('refuses a size that is not a positive whole number', () => {
    const { status, stderr } = coldBuild(['--size', 'many']);
    expect(status).toBe(2);
    expect(stderr).toContain('--size must be a positive whole number');
  });
});
