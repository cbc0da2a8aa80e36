import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { runDedupeCli, runLinkCli } from '../../matching/linkage/run-cli.ts';
import { seededRandom } from '../../matching/model/random.ts';
import { register as registerDedupe } from './dedupe.ts';
import { register as registerLink } from './link.ts';

const dir = mkdtempSync(join(tmpdir(), 'pontis-dedupe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = 'id,given_names,surname,birth_date,sex,nationality,place_of_birth,document_number,address';
const GIVEN = ['Anna', 'Maria', 'Ivan', 'Petr', 'Sofia', 'Jan', 'Lucas', 'Emma', 'Noah', 'Mila', 'Adam', 'Eva', 'Omar', 'Nina'];
const FAMILY = ['Kowalski', 'Nowak', 'Horvat', 'Müller', 'Schmidt', 'Rossi', 'Dubois', 'Jansen', 'Peeters', 'Papadopoulos', 'Kovalenko', 'García', 'Silva', 'Nielsen', 'Virtanen', 'Kask'];

function people(): string[][] {
  const rnd = seededRandom(5);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const rows: string[][] = [];
  for (let i = 0; i < 300; i++) {
    const date = `${1940 + Math.floor(rnd() * 60)}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`;
    rows.push([`p${i}`, pick(GIVEN), pick(FAMILY), date, rnd() < 0.5 ? 'M' : 'F', '', '', `D${100000 + i}`, '']);
  }
  return rows;
}

const csv = (rows: string[][]) => `${HEADER}\n${rows.map((r) => r.join(',')).join('\n')}\n`;

function sink(): Writable & { text: string } {
  const w = new Writable({ write(chunk, _enc, cb) { (w as unknown as { text: string }).text += String(chunk); cb(); } }) as Writable & { text: string };
  w.text = '';
  return w;
}

describe('pontis dedupe / link', () => {
  const rows = people();
  // Three planted duplicates: swapped names, Cyrillic spelling with a year-only date, a typo.
  const dups = [
    ['d1', rows[0][2], rows[0][1], rows[0][3], rows[0][4], '', '', rows[0][7], ''],
    ['d2', rows[1][1], rows[1][2].slice(0, -1), rows[1][3].slice(0, 4), rows[1][4], '', '', '', ''],
    ['d3', rows[2][1].toUpperCase(), rows[2][2].toUpperCase(), rows[2][3], rows[2][4], '', '', rows[2][7], ''],
  ];

  it('writes the planted pairs with an explanation, through commander', async () => {
    const input = join(dir, 'people.csv'), out = join(dir, 'pairs.csv');
    writeFileSync(input, csv([...rows, ...dups]));
    const program = new Command().exitOverride();
    registerDedupe(program);
    await program.parseAsync(['node', 'pontis', 'dedupe', '--in', input, '--out', out, '--explain']);
    expect(process.exitCode ?? 0).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('id_a,id_b,probability,match_weight,explanation');
    const pairs = new Set(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(',')));
    expect(pairs).toContain('p0,d1');
    expect(pairs).toContain('p2,d3');
    expect(lines.find((l) => l.startsWith('p0,d1'))).toMatch(/swapped/);
  });

  it('links two files, honouring --threshold', async () => {
    const left = join(dir, 'left.csv'), right = join(dir, 'right.csv'), out = join(dir, 'links.csv');
    writeFileSync(left, csv(rows));
    writeFileSync(right, csv(dups));
    const program = new Command().exitOverride();
    registerLink(program);
    await program.parseAsync(['node', 'pontis', 'link', '--left', left, '--right', right, '--out', out, '--threshold', '0.9']);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('left_id,right_id,probability');
    for (const l of lines.slice(1)) expect(Number(l.split(',')[2])).toBeGreaterThanOrEqual(0.9);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toContain('p0,d1');
  });

  it('exits 2 with the file and line of bad input', async () => {
    const input = join(dir, 'bad.csv');
    writeFileSync(input, `${HEADER}\np1,Anna,Nowak,1980-13-01,,,,,\np1,Jan,Nowak,,,,,,\n`);
    const err = sink();
    const code = await runDedupeCli(input, { out: join(dir, 'never.csv') }, { stdout: sink(), stderr: err as unknown as NodeJS.WriteStream });
    expect(code).toBe(2);
    expect(err.text).toContain(`${input}:2: birth_date "1980-13-01"`);
    expect(err.text).toContain(`${input}:3: id "p1" already used on line 2`);
    const e2 = sink();
    expect(await runLinkCli(join(dir, 'missing.csv'), input, { out: join(dir, 'x.csv'), threshold: '7' }, { stdout: sink(), stderr: e2 as unknown as NodeJS.WriteStream })).toBe(2);
    expect(e2.text).toMatch(/--threshold must be a probability/);
  });
});
