// Machine-readable zones of travel documents (ICAO 9303 parts 3–7).
//
// Why not the `mrz` package: it fits TD1/TD2/TD3 but has no MRV-A/MRV-B
// visas, refuses sex X, throws on unsupported input, reports problems per
// field without line and column, and sends any 2×36 MRZ with a digit in
// columns 31–35 of line 1 to its French-ID parser. The layouts are data
// (mrz-layouts.ts) and the check digit is ten lines, so we parse ourselves
// and use `mrz` in the tests as an independent oracle for TD1/TD2/TD3.
import { toCountryCode } from './country.ts';
import { mrzCheckDigit } from './mrz-check-digit.ts';
import { expandMrzDate, mrzDateProblem, type MrzDateKind } from './mrz-dates.ts';
import { layoutFor, slice, type MrzFormat, type MrzLayout, type Span } from './mrz-layouts.ts';
import { describeChar, fail, ok, type IdentifierResult } from './result.ts';

export type { MrzFormat } from './mrz-layouts.ts';

export interface MrzCheck {
  /** documentNumber, birthDate, expiryDate, optionalData or composite. */
  field: string;
  valid: boolean;
}

export interface ParsedMrz {
  format: MrzFormat;
  /** Document code without fillers: P, PO, I, ID, AC, V … */
  documentType: string;
  /** Canonical alpha-3 (D → DEU); an unknown code is kept as written, with a warning. */
  issuingCountry: string;
  documentNumber: string;
  surname: string;
  givenNames: string;
  nationality: string;
  /** YYYY-MM-DD; YYYY-MM or YYYY when the MRZ has << for the day or month; '' when the year is unknown. */
  birthDate: string;
  /** < on the document (unspecified) is X. */
  sex: 'M' | 'F' | 'X';
  /** Absent when the document has no expiry date (all fillers). */
  expiryDate?: string;
  optionalData?: string;
  checks: MrzCheck[];
  /** The name filled its field to the last position, so it may have been cut short. */
  truncated: boolean;
  /** The MRZ lines as parsed (upper case, « made <, a short name line padded). */
  lines: string[];
}

export interface ParseMrzOptions {
  /** Reference day for the century of two-digit years; defaults to now. */
  today?: Date;
}

const ONE_LINE_LENGTHS: Readonly<Record<number, [lines: number, length: number]>> = {
  88: [2, 44],
  72: [2, 36],
  90: [3, 30],
};

const FIELD_LABELS: Readonly<Record<string, string>> = {
  documentNumber: 'document number',
  birthDate: 'birth date',
  expiryDate: 'expiry date',
  optionalData: 'optional data',
  composite: 'composite',
};

const at = (span: Span, offset = 0) => `line ${span.line + 1}, column ${span.start + offset + 1}`;

/**
 * Parses an MRZ pasted or scanned in any reasonable shape: surrounding
 * whitespace, CRLF, lower case, « for <, or all lines run together as one.
 * Structural problems are errors naming line and column; failed check digits
 * are not: they come back in `checks` and `warnings`, and the caller decides.
 */
export function parseMrz(text: string, options: ParseMrzOptions = {}): IdentifierResult<ParsedMrz> {
  if (typeof text !== 'string') return fail('MRZ must be text');
  const today = validDay(options.today);
  const warnings: string[] = [];

  const split = splitLines(text, warnings);
  if (!split.ok) return split;
  const lines = split.value;
  const layout = layoutFor(lines[0].length, lines[0].slice(0, 2));
  if (!layout) return fail(`MRZ lines have ${lines[0].length} characters; expected 44 (passport, MRV-A visa), 36 (TD2, MRV-B visa) or 30 (ID card)`);

  const code = slice(lines, layout.documentCode);
  if (!/^[A-Z]/u.test(code)) return fail(`MRZ ${at(layout.documentCode)}: document code must start with a letter, found ${describeChar(code[0])}`);
  const documentType = code.replace(/<+$/u, '');
  expectDocumentCode(layout, documentType, warnings);

  const issuing = readCountry(lines, layout.issuingState, 'issuing state', warnings);
  if (!issuing.ok) return issuing;
  const nationality = readCountry(lines, layout.nationality, 'nationality', warnings);
  if (!nationality.ok) return nationality;

  const name = readName(lines, layout.name);
  if (!name.ok) return name;

  const birth = readDate(lines, layout.birthDate, 'birth', today);
  if (!birth.ok) return birth;
  const expiry = readDate(lines, layout.expiryDate, 'expiry', today);
  if (!expiry.ok) return expiry;

  const sexChar = slice(lines, layout.sex);
  if (!/^[MFX<]$/u.test(sexChar)) return fail(`MRZ ${at(layout.sex)}: sex must be M, F, X or <, found ${describeChar(sexChar)}`);
  const sex = sexChar === 'M' || sexChar === 'F' ? sexChar : 'X';

  const checks: MrzCheck[] = [];
  // A field left entirely blank (no personal number, no expiry date) may have < as its check digit.
  const check = (field: string, data: string, digitSpan: Span, alternative?: string) => {
    const actual = slice(lines, digitSpan);
    const expected = mrzCheckDigit(data);
    const valid =
      actual === expected ||
      (alternative !== undefined && actual === mrzCheckDigit(alternative)) ||
      (actual === '<' && /^<*$/u.test(data));
    checks.push({ field, valid });
    if (!valid) warnings.push(`MRZ ${FIELD_LABELS[field]} check digit at ${at(digitSpan)} is ${describeChar(actual)}, computed ${expected}`);
  };

  const docNumber = readDocumentNumber(lines, layout);
  if (docNumber.number === '') return fail(`MRZ ${at(layout.documentNumber)}: document number is empty`);
  check('documentNumber', docNumber.checkedOver, docNumber.checkDigit, docNumber.alsoAccepted);
  check('birthDate', slice(lines, layout.birthDate), layout.birthDateCheck);
  check('expiryDate', slice(lines, layout.expiryDate), layout.expiryDateCheck);
  if (layout.optionalDataCheck) check('optionalData', slice(lines, layout.optionalData[0]), layout.optionalDataCheck);
  if (layout.composite) check('composite', layout.composite.over.map((span) => slice(lines, span)).join(''), layout.composite.check);

  const optionalData = docNumber.optionalData.map((raw) => raw.replace(/<+/gu, ' ').trim()).filter((part) => part !== '').join(' ');
  const parsed: ParsedMrz = {
    format: layout.format,
    documentType,
    issuingCountry: issuing.value,
    documentNumber: docNumber.number,
    surname: name.value.surname,
    givenNames: name.value.givenNames,
    nationality: nationality.value,
    birthDate: birth.value ?? '',
    sex,
    ...(expiry.value ? { expiryDate: expiry.value } : {}),
    ...(optionalData ? { optionalData } : {}),
    checks,
    truncated: name.value.truncated,
    lines,
  };
  if (birth.value === undefined) warnings.push('MRZ birth date is entirely unknown (<<<<<<)');
  return ok(parsed, warnings);
}

function validDay(today: Date | undefined): Date {
  return today instanceof Date && !Number.isNaN(today.getTime()) ? today : new Date();
}

function splitLines(text: string, warnings: string[]): IdentifierResult<string[]> {
  const cleaned = text.replace(/«/gu, '<').replace(/[a-z]/gu, (c) => c.toUpperCase());
  let lines = cleaned.split(/\r\n|\r|\n/u).map((l) => l.replace(/[\s\u200b\ufeff]+/gu, '')).filter((l) => l !== '');
  if (lines.length === 0) return fail('MRZ is empty');
  if (lines.length === 1) {
    const shape = ONE_LINE_LENGTHS[lines[0].length];
    if (!shape) {
      return fail(`MRZ is one line of ${lines[0].length} characters; an MRZ has 2 lines of 44 or 36 characters or 3 of 30 (88, 72 or 90 when pasted as one line)`);
    }
    const [count, length] = shape;
    lines = Array.from({ length: count }, (_, i) => lines[0].slice(i * length, (i + 1) * length));
  }
  if (lines.length > 3) return fail(`MRZ has ${lines.length} lines; expected 2 (passport, TD2, visa) or 3 (ID card)`);

  const expected = lines.length === 3 ? 30 : [lines[1].length, lines[0].length].find((n) => n === 44 || n === 36);
  if (expected === undefined) {
    return fail(`MRZ line 2 has ${lines[1].length} characters; a two-line MRZ has 44 (passport, MRV-A visa) or 36 (TD2, MRV-B visa)`);
  }
  // The name line ends in fillers that copy-and-paste tools like to trim; only that line may be padded back.
  const nameLine = lines.length === 3 ? 2 : 0;
  for (const [i, line] of lines.entries()) {
    if (line.length === expected) continue;
    if (i === nameLine && line.length < expected && line.length >= 5) {
      warnings.push(`MRZ line ${i + 1} had ${line.length} characters and was padded with < to ${expected}; check that no letter of the name is missing`);
      lines[i] = line.padEnd(expected, '<');
      continue;
    }
    return fail(`MRZ line ${i + 1} has ${line.length} characters; expected ${expected} like the other line${lines.length === 3 ? 's' : ''}`);
  }
  for (const [i, line] of lines.entries()) {
    const column = [...line].findIndex((ch) => !/[A-Z0-9<]/u.test(ch));
    if (column >= 0) {
      return fail(`MRZ line ${i + 1}, column ${column + 1}: ${describeChar([...line][column])} is not allowed (only A–Z, 0–9 and <)`);
    }
  }
  return ok(lines);
}

function expectDocumentCode(layout: MrzLayout, documentType: string, warnings: string[]): void {
  const first = documentType[0];
  const expected = layout.format === 'TD3' ? 'P' : layout.format === 'MRVA' || layout.format === 'MRVB' ? 'V' : 'A, C or I';
  if (!expected.includes(first)) warnings.push(`MRZ document code ${documentType} is unusual for a ${layout.format} document (expected ${expected})`);
}

function readCountry(lines: readonly string[], span: Span, label: string, warnings: string[]): IdentifierResult {
  const raw = slice(lines, span);
  const bad = [...raw].findIndex((ch) => !/[A-Z<]/u.test(ch));
  if (bad >= 0) return fail(`MRZ ${at(span, bad)}: ${label} must be letters, found ${describeChar(raw[bad])}`);
  const code = raw.replace(/<+$/u, '');
  if (code === '' || code.includes('<')) return fail(`MRZ ${at(span)}: ${label} '${raw}' is not a country code`);
  const canonical = toCountryCode(code);
  if (canonical.ok) return canonical;
  warnings.push(`MRZ ${label} ${code} is not an ISO 3166-1 or ICAO 9303 code${code === 'UTO' ? ' (UTO is ICAO’s specimen state)' : ''}`);
  return ok(code);
}

function readName(lines: readonly string[], span: Span): IdentifierResult<{ surname: string; givenNames: string; truncated: boolean }> {
  const raw = slice(lines, span);
  const bad = [...raw].findIndex((ch) => !/[A-Z<]/u.test(ch));
  if (bad >= 0) return fail(`MRZ ${at(span, bad)}: names must be letters and <, found ${describeChar(raw[bad])}`);
  const separator = raw.indexOf('<<');
  const clean = (part: string) => part.replace(/<+/gu, ' ').trim();
  const surname = clean(separator < 0 ? raw : raw.slice(0, separator));
  const givenNames = separator < 0 ? '' : clean(raw.slice(separator + 2));
  if (surname === '' && givenNames === '') return fail(`MRZ ${at(span)}: name field is empty`);
  return ok({ surname, givenNames, truncated: !raw.endsWith('<') });
}

function readDate(lines: readonly string[], span: Span, kind: MrzDateKind, today: Date): IdentifierResult<string | undefined> {
  const raw = slice(lines, span);
  if (raw === '<<<<<<') return ok(undefined);
  const problem = mrzDateProblem(raw);
  if (problem) return fail(`MRZ ${at(span, problem.offset)}: ${kind === 'birth' ? 'birth date' : 'expiry date'} has ${problem.message}`);
  return ok(expandMrzDate(raw, kind, today));
}

interface DocumentNumberReading {
  number: string;
  /** The characters the check digit is computed over. */
  checkedOver: string;
  /** Long numbers: issuers differ on whether the filler in the check-digit position counts, so both are accepted. */
  alsoAccepted?: string;
  checkDigit: Span;
  /** Raw optional-data fields, minus any part that carried the document number. */
  optionalData: string[];
}

function readDocumentNumber(lines: readonly string[], layout: MrzLayout): DocumentNumberReading {
  const principal = slice(lines, layout.documentNumber);
  const optionalData = layout.optionalData.map((span) => slice(lines, span));
  const plain: DocumentNumberReading = {
    number: principal.replace(/</gu, ''),
    checkedOver: principal,
    checkDigit: layout.documentNumberCheck,
    optionalData,
  };
  if (!layout.longDocumentNumber || slice(lines, layout.documentNumberCheck) !== '<') return plain;
  // Long number: the rest, then its check digit, open the optional data; the check digit covers all of it.
  const firstOptional = layout.optionalData[0];
  const extensionWithCheck = optionalData[0].match(/^[A-Z0-9]{2,}/u)?.[0];
  if (!extensionWithCheck || /</u.test(principal)) return plain;
  const extension = extensionWithCheck.slice(0, -1);
  return {
    number: principal + extension,
    checkedOver: principal + extension,
    alsoAccepted: `${principal}<${extension}`,
    checkDigit: { line: firstOptional.line, start: firstOptional.start + extension.length, end: firstOptional.start + extension.length + 1 },
    optionalData: [optionalData[0].slice(extensionWithCheck.length), ...optionalData.slice(1)],
  };
}
