// One raw line to a validated, prepared line or the problems with it: JSON
// parsing, schema and identifier validation, blocking keys. Pure and
// self-contained, so it runs the same inline or in a worker thread.
import { parseJsonLine } from './jsonl-reader.ts';
import type { RawLine } from './raw-line.ts';
import { validateLine, type LineResult } from './validate-line.ts';


export function prepareLine(raw: RawLine, defaultSource?: string): LineResult {
  let parsed = raw.parsed;
  if (parsed.ok === 'text') parsed = parseJsonLine(parsed.text);
  if (parsed.ok === false) return { ok: false, issues: parsed.issues };
  return validateLine(parsed.value, defaultSource);
}
