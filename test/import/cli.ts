// Runs the real `pontis` CLI as a child process, and reads a finished data
// directory back, for the import end-to-end tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openNode } from '../../src/services/node.ts';
import { silentLogger } from '../../src/services/logger.ts';
import { importLines, type ImportSummary } from '../../src/services/import/index.ts';

export const PONTIS = fileURLToPath(new URL('../../bin/pontis.js', import.meta.url));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function startCli(args: string[], env: Record<string, string> = {}): { child: ChildProcess; done: Promise<CliResult>; stderrSoFar(): string } {
  const child = spawn(process.execPath, [PONTIS, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += String(d)));
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const done = new Promise<CliResult>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done, stderrSoFar: () => stderr };
}

export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return startCli(args, env).done;
}

export function summaryOf(r: CliResult): ImportSummary {
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line) as ImportSummary;
  } catch {
    throw new Error(`no JSON summary on stdout (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
  }
}

/** Opens a data directory the CLI wrote (after the CLI exited) and runs `f` on it. */
export async function withStore<T>(dataDir: string, f: (query: (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>) => Promise<T>): Promise<T> {
  const node = await openNode({ dataDir, logger: silentLogger });
  try {
    return await f((sql, params) => node.database.query(sql, params));
  } finally {
    await node.close();
  }
}

/** A digest of everything an import writes, to compare two stores row for row. */
export async function storeDigest(dataDir: string): Promise<Record<string, unknown>> {
  return withStore(dataDir, async (q) => {
    const [row] = await q(`select
      (select count(*) from persons)::int as persons,
      (select count(*) from identity_documents)::int as documents,
      (select count(*) from person_keys)::int as keys,
      (select count(*) from objects)::int as objects,
      (select count(*) from alerts)::int as alerts,
      (select md5(coalesce(string_agg(id::text || source_id || ref || record::text || display_name, ',' order by id), '')) from persons) as persons_md5,
      (select md5(coalesce(string_agg(person_id::text || position || number || number_key || issuing_country, ',' order by person_id, position), '')) from identity_documents) as documents_md5,
      (select md5(coalesce(string_agg(key || person_id::text, ',' order by key, person_id), '')) from person_keys) as keys_md5,
      (select md5(coalesce(string_agg(id::text || record::text || coalesce(identifier, ''), ',' order by id), '')) from objects) as objects_md5,
      (select md5(coalesce(string_agg(id::text || record::text || status || coalesce(person_id::text, object_id::text), ',' order by id), '')) from alerts) as alerts_md5`);
    return row!;
  });
}

/**
 * A migrated data directory holding the given lines, made once per test file
 * in-process; tests copy it instead of paying for a fresh store in every CLI run.
 */
export async function makeTemplateStore(lines: unknown[] = []): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), 'pontis-template-')), 'data');
  const node = await openNode({ dataDir: dir, logger: silentLogger });
  try {
    const s = await importLines(node, lines);
    if (s.rejected) throw new Error('template lines rejected');
  } finally {
    await node.close();
  }
  return dir;
}

export function copyStore(template: string, to: string): string {
  cpSync(template, to, { recursive: true });
  return to;
}
