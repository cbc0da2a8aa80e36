// Writes the evaluation into docs/benchmarks.md, between the eval markers
// only: other sections of that file belong to other scripts.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const BENCHMARKS_FILE = resolve(import.meta.dirname, '../docs/benchmarks.md');
const START = '<!-- eval:start -->';
const END = '<!-- eval:end -->';

export function replaceEvalSection(markdown: string, body: string): string {
  const s = markdown.indexOf(START), e = markdown.indexOf(END);
  if (s >= 0 && e > s) return `${markdown.slice(0, s + START.length)}\n${body.trim()}\n${markdown.slice(e)}`;
  const sep = markdown.endsWith('\n') || markdown === '' ? '' : '\n';
  return `${markdown}${sep}\n## Identity matching (npm run eval)\n${START}\n${body.trim()}\n${END}\n`;
}

export function writeEvalSection(body: string, file = BENCHMARKS_FILE): void {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks and evaluation\n';
  writeFileSync(file, replaceEvalSection(current, body));
}
