// Current (and still common older) number-plate formats per country, written
// for plates with every separator removed. A plate that fits none of its
// country's patterns is still accepted, with a warning: personalised,
// diplomatic, military, trade and foreign-format plates exist everywhere.
// Sources: the national registration rules (RDW sidecodes, FZV Anlage 4,
// DIV, SIV/FNI, Polish district codes, Italian and Spanish schemes, Ukrainian
// 2004 standard, DVLA formats).

export const PLATE_PATTERNS: Readonly<Record<string, readonly RegExp[]>> = {
  // Dutch sidecodes 1–14 (6 characters in three groups; without the dashes only the letter/digit layout remains).
  NLD: [
    /^[A-Z]{2}\d{4}$/u, /^\d{4}[A-Z]{2}$/u, /^\d{2}[A-Z]{2}\d{2}$/u, /^[A-Z]{2}\d{2}[A-Z]{2}$/u,
    /^[A-Z]{4}\d{2}$/u, /^\d{2}[A-Z]{4}$/u, /^\d{2}[A-Z]{3}\d$/u, /^\d[A-Z]{3}\d{2}$/u,
    /^[A-Z]{2}\d{3}[A-Z]$/u, /^[A-Z]\d{3}[A-Z]{2}$/u, /^[A-Z]{3}\d{2}[A-Z]$/u, /^[A-Z]\d{2}[A-Z]{3}$/u,
    /^\d[A-Z]{2}\d{3}$/u, /^\d{3}[A-Z]{2}\d$/u,
  ],
  // District (1–3 letters) + 1–2 letters + 1–4 digits, at most 8 characters, optional E (electric) or H (historic).
  DEU: [/^(?=[A-Z0-9]{3,8}[EH]?$)[A-Z]{2,5}[1-9]\d{0,3}[EH]?$/u],
  // 1-ABC-123 since 2010, ABC-123 before.
  BEL: [/^[1-9][A-Z]{3}\d{3}$/u, /^[A-Z]{3}\d{3}$/u],
  // SIV AB-123-CD since 2009; FNI 123 ABC 75 (département last, Corsica 2A/2B, overseas 97x).
  FRA: [/^[A-Z]{2}\d{3}[A-Z]{2}$/u, /^\d{1,4}[A-Z]{1,3}(\d{2}|2A|2B|97[1-6])$/u],
  // District code of 2–3 letters, then 4–5 letters or digits.
  POL: [/^[A-Z]{2,3}[A-Z0-9]{4,5}$/u],
  // AB 123 CD since 1994.
  ITA: [/^[A-Z]{2}\d{3}[A-Z]{2}$/u],
  // 1234 BCD since 2000 (no vowels, no Ñ or Q); provincial M 1234 AB before.
  ESP: [/^\d{4}[B-DF-HJ-NP-TV-Z]{3}$/u, /^[A-Z]{1,2}\d{4}[A-Z]{0,2}$/u],
  // AA 1234 BB since 2004, letters from the Cyrillic set that looks Latin.
  UKR: [/^[ABCEHIKMOPTX]{2}\d{4}[ABCEHIKMOPTX]{2}$/u],
  // AB12 CDE since 2001; A123 BCD (1983–2001) and ABC 123D (1963–1983).
  GBR: [/^[A-Z]{2}\d{2}[A-Z]{3}$/u, /^[A-Z]\d{1,3}[A-Z]{3}$/u, /^[A-Z]{3}\d{1,3}[A-Z]$/u],
  // County code + 2 digits + 3 letters; Bucharest B + 2–3 digits.
  ROU: [/^(B\d{2,3}|[A-Z]{2}\d{2})[A-Z]{3}$/u],
  // County code (1–2 letters) + 1–6 digits.
  AUT: [/^[A-Z]{1,2}\d{1,6}$/u, /^[A-Z]{1,2}\d{1,5}[A-Z]{1,2}$/u, /^[A-Z]{1,2}[A-Z]{1,3}\d{1,3}$/u],
};

/** The countries (alpha-3) whose plate patterns this normalised plate fits. */
export function plateCountriesMatching(plate: string): string[] {
  return Object.entries(PLATE_PATTERNS)
    .filter(([, patterns]) => patterns.some((p) => p.test(plate)))
    .map(([country]) => country);
}
