// Transliteration tables work on lower case; this puts the writer's casing
// back (ШЕВЧЕНКО → SHEVCHENKO, Шевченко → Shevchenko).

/** Applies `fn` to each word of `text` in lower case and restores each word's case pattern. */
export function mapWords(text: string, fn: (lowerWord: string) => string): string {
  return text.replace(/[\p{L}\p{M}'’ʼ]+/gu, (word) => {
    const lower = word.toLowerCase();
    const out = fn(lower);
    if (out === '') return out;
    if (word === lower) return out;
    const upper = word.toUpperCase();
    if (word === upper && [...word].length > 1) return out.toUpperCase();
    return capitalise(out);
  });
}

export function capitalise(s: string): string {
  if (s === '') return s;
  const first = s.codePointAt(0)!;
  const len = first > 0xffff ? 2 : 1;
  return String.fromCodePoint(first).toUpperCase() + s.slice(len);
}

/** Capitalises every word (also after hyphens and apostrophes-free spaces). */
export function titleCase(s: string): string {
  return s.replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}
