// A line of an import file before validation: where it is (line number and
// the byte offset just after it, for the resume marker) and either its text
// (JSON Lines, parsed where it is prepared — possibly a worker thread), a
// value already parsed (CSV rows, in-memory lines), or why it is unreadable.
import type { FieldIssue } from '../../domain/errors.ts';

export interface RawLine {
  /** 1-based line number in the file. */
  lineNo: number;
  /** Byte offset just past this line: where a resumed import continues. */
  endByte: number;
  parsed: { ok: true; value: unknown } | { ok: false; issues: FieldIssue[] } | { ok: 'text'; text: string };
}
