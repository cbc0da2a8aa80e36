import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../errors.ts';
import { register } from './generate.ts';

const dir = mkdtempSync(join(tmpdir(), 'pontis-generate-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `pontis generate …` in-process (main.ts turns a UsageError into exit code 2). */
async function generate(...args: string[]): Promise<{ stdout: string; error?: unknown }> {
  const program = new Command().exitOverride();
  register(program);
  let stdout = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(['node', 'pontis', 'generate', ...args]);
    return { stdout };
  } catch (error) {
    return { stdout, error };
  } finally {
    spy.mockRestore();
  }
}

describe('pontis generate', () => {
  it('writes the population and its truth, and says what it wrote', async () => {
    const out = join(dir, 'p.jsonl');
    const r = await generate('--persons', '300', '--seed', '12', '--out', out, '--today', '2025-06-30', '--quiet');
    expect(r.error).toBeUndefined();
    expect(r.stdout).toMatch(/^wrote 300 person records of \d+ persons, \d+ objects and \d+ alerts to .*p\.jsonl; ground truth in .*p\.jsonl\.truth\.csv/);
    expect(readFileSync(`${out}.truth.csv`, 'utf8').trimEnd().split('\n')).toHaveLength(301);
  });

  it('rejects bad options with a precise usage error', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--persons', 'ten', '--out', join(dir, 'x')], /--persons must be an integer between 1 and 100000000, got "ten"/],
      [['--persons', '0', '--out', join(dir, 'x')], /--persons must be an integer/],
      [['--persons', '10', '--seed', '-3', '--out', join(dir, 'x')], /--seed must be an integer/],
      [['--persons', '10', '--out', join(dir, 'x'), '--format', 'xml'], /--format must be jsonl or csv, got "xml"/],
      [['--persons', '10', '--out', join(dir, 'x'), '--today', '2025-02-30'], /--today is not a valid calendar date: "2025-02-30"/],
      [['--persons', '10', '--out', join(dir, 'x'), '--today', 'tomorrow'], /--today must be a date YYYY-MM-DD/],
      [['--persons', '10', '--out', join(dir, 'nope', 'x.jsonl')], /--out: directory .*nope does not exist/],
      [['--persons', '10', '--out', join(dir, 'y'), '--truth', join(dir, 'y')], /--truth must be a different file from --out/],
    ];
    for (const [args, message] of cases) {
      const r = await generate(...args);
      expect(r.error, args.join(' ')).toBeInstanceOf(UsageError);
      expect((r.error as Error).message, args.join(' ')).toMatch(message);
    }
  });

  it('needs --persons and --out', async () => {
    const r = await generate('--out', join(dir, 'z'));
    expect((r.error as Error).message).toMatch(/required option '--persons <n>' not specified/);
  });
});
