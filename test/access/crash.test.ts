// A kill -9 in the middle of writing leaves data and audit trail consistent:
// the chain verifies, every committed record has its audit entry, and every
// audit entry's record exists. On both engines.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { openNode } from '../../src/services/node.ts';
import { silentLogger } from '../../src/services/logger.ts';
import { verifyAuditLog } from '../../src/services/audit/verify.ts';
import { createScratchDatabase } from '../support/postgres-cluster.ts';

const WRITER = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));
const RUN_TS = fileURLToPath(new URL('../../bin/run-ts.js', import.meta.url));

/** Starts the writer, lets it commit at least `commits` records, then kills it with SIGKILL. */
async function writeAndKill(target: string, commits: number): Promise<string[]> {
  const child = spawn(process.execPath, [RUN_TS, WRITER, target], { stdio: ['ignore', 'pipe', 'pipe'] });
  const committed: string[] = [];
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += String(d)));
  await new Promise<void>((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (d) => {
      buffer += String(d);
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const l of lines) if (/^[0-9a-f-]{36}$/.test(l)) committed.push(l);
      if (committed.length >= commits && child.exitCode === null) {
        child.kill('SIGKILL');
        resolve();
      }
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited ${code}: ${stderr}`))));
  });
  await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)));
  return committed;
}

async function checkConsistent(open: () => ReturnType<typeof openNode>, committed: string[]) {
  const node = await open();
  try {
    const v = await verifyAuditLog(node.database);
    expect(v.failure).toBeUndefined();
    expect(v.ok).toBe(true);
    const persons = new Set((await node.database.query<{ id: string }>('select id::text as id from persons')).map((r) => r.id));
    const audited = new Set(
      (await node.database.query<{ id: string }>(`select unnest(record_ids) as id from audit_log where action = 'record.create'`)).map((r) => r.id),
    );
    for (const id of committed) expect(persons.has(id)).toBe(true);
    expect([...persons].filter((id) => !audited.has(id))).toEqual([]);
    expect([...audited].filter((id) => !persons.has(id))).toEqual([]);
    expect(persons.size).toBeGreaterThanOrEqual(committed.length);
  } finally {
    await node.close();
  }
}

describe('kill -9 during writes', () => {
  it('leaves the embedded store and its audit trail consistent', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pontis-crash-'));
    try {
      const committed = await writeAndKill(dir, 25);
      await checkConsistent(() => openNode({ dataDir: dir, logger: silentLogger }), committed);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000); // a child process starting an embedded store, on a shared two-core machine

  it('leaves PostgreSQL and its audit trail consistent', async () => {
    const scratch = await createScratchDatabase(inject('postgresUrl'));
    try {
      const committed = await writeAndKill(scratch.url, 60);
      await checkConsistent(() => openNode({ databaseUrl: scratch.url, logger: silentLogger }), committed);
    } finally {
      await scratch.drop();
    }
  }, 180_000);
});
