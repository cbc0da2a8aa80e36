// A line of an import file after parsing but before validation: where it is
// (line number and the byte offset just after it, for the resume marker) and
// either the parsed value or why it could not be parsed.
import type { FieldIssue } from '../../domain/errors.ts';

export interface RawLine {
  /** 1-based line number in the file. */
  lineNo: number;
  /** Byte offset just past this line: where a resumed import continues. */
  endByte: number;
  parsed: { ok: true; value: unknown } | { ok: false; issues: FieldIssue[] };
}
