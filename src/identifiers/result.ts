// The one shape every identifier function returns: a normalised value (with
// warnings a caller may show) or a sentence saying exactly what is wrong.
// Bad input is normal here, so nothing in this folder throws on it.

export type IdentifierResult<T = string> =
  | { ok: true; value: T; warnings?: string[] }
  | { ok: false; error: string };

export function ok<T>(value: T, warnings: string[] = []): IdentifierResult<T> {
  return warnings.length > 0 ? { ok: true, value, warnings } : { ok: true, value };
}

export function fail<T = string>(error: string): IdentifierResult<T> {
  return { ok: false, error };
}

/** Shows a character in an error message so that invisible or odd ones stay recognisable. */
export function describeChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0xa0) || /\s/u.test(ch)) return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return `'${ch}'`;
}
