import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './processes.js';

const run = promisify(execFile);

/**
 * A PostgreSQL cluster of a test's own, in a temporary directory on a free loopback port, so a test may
 * stop, pause and restart it without disturbing any other test (or the shared server TEST_DATABASE_URL
 * names). Run as the postgres user, since the server refuses to run as root.
 */
export interface PrivatePostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres (trust authentication, loopback only). */
  url: string;
  start(): Promise<void>;
  /** SIGSTOP to the server and every backend: connections stay open and nothing answers, as a hung host. */
  pause(): void;
  resume(): void;
  /** Stops the server and deletes the cluster. */
  destroy(): Promise<void>;
}

/** The newest PostgreSQL's bin directory, or why a private cluster cannot be made here. */
export function postgresBinaries(): { bin: string } | { missing: string } {
  if (process.getuid?.() !== 0) return { missing: 'a private PostgreSQL cluster needs root (runuser)' };
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((version) => existsSync(join(root, version, 'bin', 'initdb')))
        .sort((a, b) => Number(a) - Number(b))
    : [];
  const newest = versions.at(-1);
  if (newest === undefined) return { missing: `no PostgreSQL binaries under ${root}` };
  return { bin: join(root, newest, 'bin') };
}

/** Creates the cluster (initdb); it is not started until `start()`. */
export async function createPrivatePostgres(bin: string): Promise<PrivatePostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'private-pg-'));
  const data = join(dir, 'data');
  const { uid, gid } = postgresUser();
  chownSync(dir, uid, gid);
  const port = await freePort();
  const asPostgres = (command: string, args: string[]) =>
    run('runuser', ['-u', 'postgres', '--', join(bin, command), ...args], { cwd: '/' });

  await asPostgres('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const postmasterPid = () => Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  /** The postmaster first when pausing (so it forks no new backend), last when resuming. */
  const serverProcesses = (): number[] => {
    const postmaster = postmasterPid();
    const backends = readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .filter((pid) => {
        try {
          return (
            /^PPid:\s+(\d+)$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] === String(postmaster)
          );
        } catch {
          return false; // the process ended while being listed
        }
      })
      .map(Number);
    return [postmaster, ...backends];
  };

  const cluster: PrivatePostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async start() {
      await asPostgres('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start']);
    },
    pause() {
      for (const pid of serverProcesses()) signal(pid, 'SIGSTOP');
    },
    resume() {
      for (const pid of serverProcesses().reverse()) signal(pid, 'SIGCONT');
    },
    async destroy() {
      if (existsSync(join(data, 'postmaster.pid'))) {
        cluster.resume();
        await asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']).catch(() => {});
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return cluster;
}

/** Signals a server process; one that ended since it was listed (a backend closing) is no error. */
function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

function postgresUser(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined) throw new Error('there is no postgres user');
  return { uid: Number(uid), gid: Number(gid) };
}
