// A `kill -9` in the middle of `pontis import` loses nothing committed and
// leaves nothing half-written: the rerun resumes after the last committed
// batch and the store ends up equal, row for row, to a clean import.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePopulation } from '../../src/generator/write.ts';
import { openNode } from '../../src/services/node.ts';
import { silentLogger } from '../../src/services/logger.ts';
import { importFile } from '../../src/services/import/index.ts';
import { copyStore, makeTemplateStore, runCli, startCli, storeDigest, summaryOf, withStore } from './cli.ts';

let dir: string;
let template: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pontis-crash-'));
  template = await makeTemplateStore();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(join(template, '..'), { recursive: true, force: true });
});

async function waitFor(cond: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('pontis import after kill -9', () => {
  // Three node start-ups and two imports: generous time for a loaded 2-core machine.
  it('resumes from the last committed batch and ends equal to a clean import', { timeout: 180_000 }, async () => {
    const file = join(dir, 'population.jsonl');
    const gen = await writePopulation({ persons: 1500, seed: 5, out: file, format: 'jsonl', truth: false });
    const crashed = copyStore(template, join(dir, 'crashed'));
    const clean = copyStore(template, join(dir, 'clean'));

    const run = startCli(['import', file, '--data', crashed, '--batch', '50', '--json'], { PONTIS_LOG_LEVEL: 'debug' });
    await waitFor(() => /import batch committed/.test(run.stderrSoFar()), 'the first committed batch');
    run.child.kill('SIGKILL');
    const killed = await run.done;
    expect(killed.signal).toBe('SIGKILL');

    const [marker] = await withStore(crashed, (q) => q(`select status, committed_lines::int as lines from import_runs`));
    expect(marker!.status).toBe('running');
    const committedLines = Number(marker!.lines);
    expect(committedLines).toBeGreaterThanOrEqual(50);
    expect(committedLines).toBeLessThan(gen.lines);
    // Exactly the committed batches are visible: every line up to the marker, nothing after it.
    const [visible] = await withStore(crashed, (q) => q(`select ((select count(*) from authorities) + (select count(*) from sources) + (select count(*) from persons) + (select count(*) from objects) + (select count(*) from alerts))::int as n`));
    expect(Number(visible!.n)).toBe(committedLines);

    const resumed = await runCli(['import', file, '--data', crashed, '--batch', '50', '--json']);
    expect(resumed.code, resumed.stderr).toBe(0);
    const s = summaryOf(resumed);
    expect(s.resumedFromLine).toBe(committedLines);
    expect(s).toMatchObject({ read: gen.lines, imported: gen.lines, rejected: 0, interrupted: false });
    expect(resumed.stderr).toMatch(/resuming an interrupted import/);

    // The reference: the same file imported in one go, in-process.
    const node = await openNode({ dataDir: clean, logger: silentLogger });
    const reference = await importFile(node, file).finally(() => node.close());
    expect(reference).toMatchObject({ imported: gen.lines, rejected: 0 });
    const [a, b] = [await storeDigest(crashed), await storeDigest(clean)];
    expect(a.persons).toBe(1500);
    expect(a).toEqual(b);
  });
});
