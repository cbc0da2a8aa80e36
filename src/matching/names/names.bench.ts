// Throughput of the name/date/similarity primitives on a realistic mix.
// Run: node bin/run-ts.js src/matching/names/names.bench.ts
// Not a test: prints operations per second, asserts nothing.
import { compareBirthDates, parseBirthDate } from '../dates.ts';
import { damerauLevenshtein, jaccardTokens, jaroWinkler, levenshtein } from '../similarity.ts';
import { foldLatin } from './fold.ts';
import { givenNameGroup, nameKey } from './keys.ts';
import { nameForms } from './parse.ts';
import { detectScript } from './script.ts';
import { latinForms } from './transliterate.ts';

const LATIN = ['Müller', 'Jean-Pierre', "O'Brien", 'García López', 'van der Berg', 'SHEVCHENKO', 'Kowalczyk', 'Øberg', 'Schmidt', 'Papadopoulos', 'Żółć', 'Nguyễn'];
const NATIVE = ['Шевченко', 'Олександр', 'Ковальчук', 'Юрій', 'Пётр Ильич', 'Γεώργιος', 'Παπαδόπουλος', 'محمد', 'عبد الرحمن', 'خالد الرشيد', 'Ђоковић', 'Христо'];
const TOKENS = ['SHEVCHENKO', 'SCHEWTSCHENKO', 'OLEKSANDR', 'MOHAMMED', 'MUHAMMAD', 'KOWALCZYK', 'MUELLER', 'GIANNIS', 'PAPADOPOULOS', 'SMITH', 'IVANOVA', 'GARCIA'];
const DATES = ['1985-03-07', '07.03.1985', '19850307', '1985', '1985-00-00', 'XX.03.1985', '03/25/1985', 'garbage'];

// Fresh strings defeat the memo caches: the uncached cost of a name.
let uniq = 0;
const fresh = (s: string) => s + ' ' + String.fromCharCode(0x41 + (uniq++ % 26)) + String.fromCharCode(0x41 + (Math.floor(uniq / 26) % 26)) + (uniq % 1000);

function bench(name: string, fn: (i: number) => unknown, ms = 400): void {
  let sink = 0;
  for (let i = 0; i < 2000; i++) if (fn(i)) sink++;
  let ops = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 1000; i++) if (fn(ops + i)) sink++;
    ops += 1000;
    now = performance.now();
  }
  const perSec = (ops / (now - start)) * 1000;
  console.log(`${name.padEnd(44)} ${Math.round(perSec).toLocaleString('en').padStart(14)} ops/s${sink < 0 ? '' : ''}`);
}

console.log(`node ${process.version}`);
bench('foldLatin (already folded)', (i) => foldLatin(TOKENS[i % TOKENS.length]));
bench('foldLatin (Latin with diacritics)', (i) => foldLatin(LATIN[i % LATIN.length]));
bench('foldLatin (Cyrillic/Greek/Arabic)', (i) => foldLatin(NATIVE[i % NATIVE.length]));
bench('detectScript', (i) => detectScript(NATIVE[i % NATIVE.length]));
bench('latinForms (memoised)', (i) => latinForms(NATIVE[i % NATIVE.length]));
bench('latinForms (uncached, native script)', (i) => latinForms(fresh(NATIVE[i % NATIVE.length])));
bench('latinForms (uncached, Latin)', (i) => latinForms(fresh(LATIN[i % LATIN.length])));
bench('nameForms (memoised)', (i) => nameForms(NATIVE[i % NATIVE.length], NATIVE[(i + 3) % NATIVE.length]));
bench('nameForms (uncached, native script)', (i) => nameForms(fresh(NATIVE[i % NATIVE.length]), NATIVE[(i + 3) % NATIVE.length]));
bench('nameKey (memoised)', (i) => nameKey(TOKENS[i % TOKENS.length]));
bench('nameKey (uncached)', (i) => nameKey(TOKENS[i % TOKENS.length] + 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[i % 26] + (i % 5000)));
bench('givenNameGroup (memoised)', (i) => givenNameGroup(TOKENS[i % TOKENS.length]));
bench('jaroWinkler', (i) => jaroWinkler(TOKENS[i % TOKENS.length], TOKENS[(i + 1) % TOKENS.length]));
bench('levenshtein', (i) => levenshtein(TOKENS[i % TOKENS.length], TOKENS[(i + 1) % TOKENS.length]));
bench('levenshtein (max 2)', (i) => levenshtein(TOKENS[i % TOKENS.length], TOKENS[(i + 1) % TOKENS.length], 2));
bench('damerauLevenshtein (max 2)', (i) => damerauLevenshtein(TOKENS[i % TOKENS.length], TOKENS[(i + 1) % TOKENS.length], 2));
bench('jaccardTokens', (i) => jaccardTokens([TOKENS[i % 12], TOKENS[(i + 1) % 12]], [TOKENS[(i + 1) % 12], TOKENS[(i + 2) % 12], TOKENS[(i + 5) % 12]]));
bench('parseBirthDate', (i) => parseBirthDate(DATES[i % DATES.length]));
const parsed = DATES.map(parseBirthDate);
bench('compareBirthDates', (i) => compareBirthDates(parsed[i % parsed.length], parsed[(i + 1) % parsed.length]));

// A population-like mix: 200k name pairs drawn with a skew from 20k
// distinct spellings (native script and Latin), each turned into tokens
// and keys, as feature extraction does once per record.
{
  const families = [...NATIVE, ...LATIN];
  const pool: [string, string][] = [];
  for (let i = 0; i < 20_000; i++) {
    const f = families[i % families.length] + (i < families.length ? '' : String.fromCharCode(0x430 + (i % 32)) + String.fromCharCode(0x61 + ((i >> 5) % 26)));
    pool.push([families[(i * 7) % families.length], f]);
  }
  let seed = 1;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const picks = Array.from({ length: 200_000 }, () => pool[Math.floor(pool.length * rnd() ** 3)]);
  const start = performance.now();
  let n = 0;
  for (const [g, f] of picks) {
    for (const form of nameForms(g, f)) {
      for (const t of form.family) n += nameKey(t).length;
      if (form.given.length > 0) n += (givenNameGroup(form.given[0]) ?? '').length;
    }
  }
  const ms = performance.now() - start;
  console.log(`${'population mix: nameForms+nameKey per record'.padEnd(44)} ${Math.round((picks.length / ms) * 1000).toLocaleString('en').padStart(14)} records/s (${n > 0 ? 'ok' : ''})`);
}
