// What an import did, line by line and in total. The same shape is stored
// with the resume marker, so a resumed import reports the whole file.
import type { FieldIssue } from '../../domain/errors.ts';
import type { RecordType } from '../records/write-batch.ts';

export interface TypeCounts {
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ImportCounts {
  /** Non-blank lines read. */
  read: number;
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
  byType: Record<RecordType, TypeCounts>;
}

export interface ImportSummary extends ImportCounts {
  seconds: number;
  /** The file's last committed line; equal to its last line when complete. */
  committedLine: number;
  /** Set when this run continued an interrupted import of the same file. */
  resumedFromLine?: number;
  /** True when the run stopped early (Ctrl-C, abort signal); a rerun continues after committedLine. */
  interrupted: boolean;
}

export interface Rejection {
  line: number;
  type?: RecordType;
  ref?: string;
  errors: FieldIssue[];
}

const TYPES: RecordType[] = ['authority', 'source', 'person', 'object', 'alert'];

export function emptyCounts(): ImportCounts {
  const byType = Object.fromEntries(TYPES.map((t) => [t, { imported: 0, updated: 0, unchanged: 0, rejected: 0 }])) as Record<RecordType, TypeCounts>;
  return { read: 0, imported: 0, updated: 0, unchanged: 0, rejected: 0, byType };
}

/** Counts restored from a resume marker; anything unreadable starts from zero. */
export function countsFromJson(value: unknown): ImportCounts {
  const base = emptyCounts();
  if (!value || typeof value !== 'object') return base;
  const v = value as Partial<ImportCounts>;
  for (const k of ['read', 'imported', 'updated', 'unchanged', 'rejected'] as const) if (typeof v[k] === 'number') base[k] = v[k];
  for (const t of TYPES) {
    const c = v.byType?.[t];
    if (c) for (const k of ['imported', 'updated', 'unchanged', 'rejected'] as const) if (typeof c[k] === 'number') base.byType[t][k] = c[k];
  }
  return base;
}

export function formatRejection(r: Rejection): string {
  const what = [r.type, r.ref && `ref ${JSON.stringify(r.ref)}`].filter(Boolean).join(' ');
  return r.errors.map((e) => `line ${r.line}${what ? ` (${what})` : ''}: ${e.path}: ${e.message}`).join('\n');
}

export function formatSummary(s: ImportSummary): string {
  const n = (x: number) => x.toLocaleString('en-GB');
  const lines = [
    `${s.interrupted ? 'Stopped' : 'Done'} in ${s.seconds.toFixed(1)} s: read ${n(s.read)}, imported ${n(s.imported)}, updated ${n(s.updated)}, unchanged ${n(s.unchanged)}, rejected ${n(s.rejected)}` +
      (s.seconds > 0 ? ` (${n(Math.round(s.read / s.seconds))} lines/s)` : ''),
  ];
  for (const t of TYPES) {
    const c = s.byType[t];
    if (c.imported + c.updated + c.unchanged + c.rejected === 0) continue;
    lines.push(`  ${t.padEnd(10)} imported ${n(c.imported)}, updated ${n(c.updated)}, unchanged ${n(c.unchanged)}, rejected ${n(c.rejected)}`);
  }
  if (s.resumedFromLine !== undefined) lines.push(`  resumed after line ${n(s.resumedFromLine)} of an interrupted import`);
  if (s.interrupted) lines.push(`  committed up to line ${n(s.committedLine)}; run the same command again to continue from there`);
  return lines.join('\n');
}
