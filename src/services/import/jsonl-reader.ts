// Reads a JSON Lines file from a byte offset, yielding the text of each
// non-blank line (parsed later, where it is prepared), with its number and end offset. Splits on raw bytes so offsets are
// exact whatever the characters, and a resumed import can seek straight to
// the first uncommitted line.
import { createReadStream } from 'node:fs';
import { locateJsonError } from './json-error.ts';
import type { RawLine } from './raw-line.ts';
import type { FieldIssue } from '../../domain/errors.ts';

export interface ReadPosition {
  /** Byte offset to start at (the start of a line). */
  byte: number;
  /** Number of lines before that offset. */
  line: number;
}

export function parseJsonLine(text: string): { ok: true; value: unknown } | { ok: false; issues: FieldIssue[] } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const e = locateJsonError(text);
    return { ok: false, issues: [{ path: `column ${e.column}`, message: `malformed JSON: ${e.message}` }] };
  }
}

export async function* readJsonLines(path: string, from: ReadPosition = { byte: 0, line: 0 }, onBytes?: (bytes: number) => void): AsyncGenerator<RawLine> {
  let lineNo = from.line;
  let offset = from.byte; // offset of the start of `pending`
  let pending: Buffer = Buffer.alloc(0);
  const stream = createReadStream(path, { start: from.byte, highWaterMark: 1 << 20 });
  const emit = (buf: Buffer, end: number): RawLine | null => {
    lineNo++;
    let text = buf.toString('utf8');
    if (lineNo === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (text.trim() === '') return null;
    return { lineNo, endByte: end, parsed: { ok: 'text', text } };
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const buf = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    let start = 0;
    for (;;) {
      const nl = buf.indexOf(10, start);
      if (nl < 0) break;
      const line = emit(buf.subarray(start, nl), offset + nl + 1);
      if (line) yield line;
      start = nl + 1;
    }
    offset += start;
    pending = buf.subarray(start);
    onBytes?.(offset);
  }
  if (pending.length) {
    const line = emit(pending, offset + pending.length);
    if (line) yield line;
    onBytes?.(offset + pending.length);
  }
}
