// Bulk parameters: each column of a batch travels as ONE text parameter, its
// values separated by the ASCII unit separator (U+001F), NULL written as the
// record separator (U+001E); SQL splits it back with string_to_array. Both
// engines take it unchanged, and it costs a fraction of array parameters
// (PGlite serialises arrays element by element in JavaScript). Values never
// contain these control characters: JSON escapes them, validation refuses
// them in references, and free text passes through `plainText`.

const UNIT = '\x1f';
const NULL_MARK = '\x1e';
const CONTROLS = /[\x1e\x1f]/;

/** One column as a parameter; a trailing separator keeps a lone '' distinguishable from no rows. */
export function textColumn(values: readonly (string | null | undefined)[]): string {
  let out = '';
  for (const v of values) {
    if (v === null || v === undefined) out += NULL_MARK + UNIT;
    else {
      if (CONTROLS.test(v)) throw new Error('bulk column value contains a separator control character');
      out += v + UNIT;
    }
  }
  return out;
}

/** SQL for column parameter `$n` of a batch whose row count is parameter `$1`. */
export function splitColumn(n: number): string {
  return `(string_to_array($${n}::text, chr(31), chr(30)))[1:$1::int]`;
}

/** `unnest(col2, col3, …)`: parameters 2..count+1 as parallel columns, parameter 1 the row count. */
export function unnestColumns(count: number): string {
  return `unnest(${Array.from({ length: count }, (_, i) => splitColumn(i + 2)).join(', ')})`;
}

/** Free text for display columns, with control characters (which never belong there) made spaces. */
export function plainText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\x00-\x1f\x7f]/g, ' ');
}

/** Reference texts may not contain control characters: they are identifiers, not prose. */
export function hasControlCharacters(s: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\x00-\x1f\x7f]/.test(s);
}
