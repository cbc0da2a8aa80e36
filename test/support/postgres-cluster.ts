// A throwaway PostgreSQL cluster from the machine's own PostgreSQL binaries
// (Debian's `postgresql` package): initdb into a temp dir, a free port,
// removed afterwards. Used by the test suite and by benchmarks.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface PostgresCluster {
  url: string;
  stop(): Promise<void>;
}

export function findPostgresBin(): string | null {
  const dirs = ['/usr/lib/postgresql'].filter(existsSync).flatMap((d) =>
    readdirSync(d).sort((a, b) => Number(b) - Number(a)).map((v) => join(d, v, 'bin')),
  );
  for (const d of dirs) if (existsSync(join(d, 'initdb')) && existsSync(join(d, 'postgres'))) return d;
  try {
    const p = execFileSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).trim();
    if (p) return p.replace(/\/initdb$/, '');
  } catch {
    /* not on PATH */
  }
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL server binaries not found: install Debian\'s `postgresql` package (apt-get install postgresql)');
  const dir = mkdtempSync(join(tmpdir(), 'pontis-pg-'));
  const dataDir = join(dir, 'data');
  // initdb and postgres refuse to run as root; run them as the `postgres` user when we are root.
  const asRoot = userInfo().uid === 0;
  const wrap = (cmd: string, args: string[]) => (asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] as const : [cmd, args] as const);
  if (asRoot) execFileSync('chown', ['-R', 'postgres', dir]);
  const [c1, a1] = wrap(join(bin, 'initdb'), ['-D', dataDir, '-U', 'pontis', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  execFileSync(c1, [...a1], { stdio: 'ignore', timeout: 60_000 });
  const port = await freePort();
  const [c2, a2] = wrap(join(bin, 'postgres'), [
    '-D', dataDir, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1',
    '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200',
    '-c', 'shared_buffers=256MB',
  ]);
  // Own process group, so stopping reaches postgres itself and not only the runuser wrapper.
  const proc: ChildProcess = spawn(c2, [...a2], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  proc.stderr?.on('data', (d) => (stderr += String(d)));
  const url = `postgres://pontis@127.0.0.1:${port}/postgres`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.end();
      break;
    } catch (e) {
      if (proc.exitCode !== null || Date.now() > deadline) {
        try {
          process.kill(-proc.pid!, 'SIGKILL');
        } catch {
          /* already gone */
        }
        throw new Error(`PostgreSQL did not start: ${(e as Error).message}\n${stderr}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    async stop() {
      const group = -proc.pid!;
      const exited = new Promise((r) => (proc.exitCode !== null || proc.signalCode !== null ? r(null) : proc.once('exit', r)));
      try {
        process.kill(group, 'SIGINT'); // fast shutdown
      } catch {
        /* already gone */
      }
      const timer = setTimeout(() => {
        try {
          process.kill(group, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, 5_000);
      await exited;
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Create a fresh database on the cluster and return its URL. */
export async function createScratchDatabase(clusterUrl: string, prefix = 'pontis_test'): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = clusterUrl.replace(/\/[^/]*$/, `/${name}`);
  return {
    url,
    async drop() {
      const a = new pg.Client({ connectionString: clusterUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
