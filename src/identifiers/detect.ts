// The single search box: one line of free text, several possible meanings.
// Each interpretation that survives its validator is returned with a
// confidence, best first, so the search can run the likely ones and the UI
// can offer the rest ("did you mean the IBAN?"). Confidences are ranks on a
// 0–1 scale, not probabilities.
import { toCountryCode } from './country.ts';
import { normaliseDocumentNumber } from './document-number.ts';
import { normaliseIban } from './iban.ts';
import { parseMrz, type ParsedMrz } from './mrz.ts';
import { PLATE_PATTERNS, plateCountriesMatching } from './plate-patterns.ts';
import { normalisePlate } from './plate.ts';
import { normaliseSerial } from './serial.ts';
import { normaliseVin } from './vin.ts';

export type DetectedKind = 'mrz' | 'iban' | 'vin' | 'plate' | 'document_number' | 'serial' | 'name';

export interface DetectedQuery {
  kind: DetectedKind;
  /** Normalised for the kind: electronic IBAN, upper-case VIN, MRZ lines joined by \n, the name without its date. */
  value: string;
  confidence: number;
  /** name: a birth date or year found in the text (YYYY or YYYY-MM-DD). */
  birthDate?: string;
  /** plate: countries whose plate formats fit. */
  plateCountries?: string[];
  /** mrz: the parsed zone, so the caller need not parse again. */
  mrz?: ParsedMrz;
  /** What is doubtful about this reading (a failed check digit, an unusual format). */
  warnings?: string[];
}

export interface DetectOptions {
  /** Reference day for MRZ centuries and plausible birth years; defaults to now. */
  today?: Date;
}

/** Longer input is not a query; only its start is considered. */
const MAX_QUERY_LENGTH = 1000;

export function detectIdentifier(text: string, options: DetectOptions = {}): DetectedQuery[] {
  if (typeof text !== 'string') return [];
  const input = text.slice(0, MAX_QUERY_LENGTH).trim();
  if (input === '') return [];
  const today = options.today instanceof Date && !Number.isNaN(options.today.getTime()) ? options.today : new Date();

  const mrz = detectMrz(input, today);
  if (mrz) return [mrz];

  const found: DetectedQuery[] = [];
  const compact = input.replace(/[\s\-.·/]/gu, '').toUpperCase();
  const alphanumeric = /^[A-Z0-9]+$/u.test(compact);

  if (alphanumeric && /^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/u.test(compact)) {
    const iban = normaliseIban(compact);
    if (iban.ok) found.push({ kind: 'iban', value: iban.value, confidence: 0.98 });
    // A near-IBAN is most likely a mistyped one; offer it low with the reason.
    else if (!/not a country that issues IBANs/u.test(iban.error)) found.push({ kind: 'iban', value: compact, confidence: 0.45, warnings: [iban.error] });
  }

  if (alphanumeric && compact.length === 17 && /\d/u.test(compact)) {
    const vin = normaliseVin(compact);
    if (vin.ok) found.push({ kind: 'vin', value: vin.value, confidence: vin.warnings ? 0.85 : 0.95, ...(vin.warnings ? { warnings: vin.warnings } : {}) });
    else found.push({ kind: 'vin', value: compact, confidence: 0.4, warnings: [vin.error] });
  }

  const name = detectName(input, today);
  if (name) found.push(name);
  const countryPlate = detectPlateWithCountry(input);
  if (countryPlate) found.push(countryPlate);

  // A validated IBAN or VIN leaves no room for a generic letters-and-digits reading.
  const checked = countryPlate !== undefined || found.some((f) => (f.kind === 'iban' || f.kind === 'vin') && f.confidence >= 0.85);
  // Words and a date typed apart are a person; the same characters run together are a weak identifier reading.
  const spacedName = name !== undefined && name.confidence >= 0.45 && /\s/u.test(input);
  const weight = spacedName ? 0.5 : 1;
  if (!checked && alphanumeric && /\d/u.test(compact) && compact.length <= 20) {
    const plate = normalisePlate(compact);
    if (plate.ok && compact.length >= 2 && compact.length <= 10) {
      const countries = plateCountriesMatching(plate.value);
      found.push({ kind: 'plate', value: plate.value, confidence: (countries.length > 0 ? 0.6 : 0.3) * weight, ...(countries.length > 0 ? { plateCountries: countries } : {}) });
    }
    const documentNumber = normaliseDocumentNumber(compact);
    if (documentNumber.ok) {
      const typical = compact.length >= 6 && compact.length <= 12;
      found.push({ kind: 'document_number', value: documentNumber.value, confidence: (typical ? 0.5 : 0.3) * weight });
    }
    const serial = normaliseSerial(compact);
    if (serial.ok) found.push({ kind: 'serial', value: serial.value, confidence: 0.35 * weight });
  }

  return found
    .map((f) => ({ ...f, confidence: Math.round(f.confidence * 100) / 100 }))
    .sort((a, b) => b.confidence - a.confidence);
}

/** "NL GV-123-X", "D: B-MW 1234": a country code, then a plate in that country's format. */
function detectPlateWithCountry(input: string): DetectedQuery | undefined {
  const m = /^([A-Za-z]{1,3})[\s:]+(\S.*)$/u.exec(input);
  if (!m) return undefined;
  const country = toCountryCode(m[1]);
  if (!country.ok || !PLATE_PATTERNS[country.value]) return undefined;
  const plate = normalisePlate(m[2], country.value);
  // Only a plate that fits the named country's format makes the first word a country code.
  if (!plate.ok || plate.warnings) return undefined;
  return { kind: 'plate', value: plate.value, confidence: 0.75, plateCountries: [country.value] };
}

function detectMrz(input: string, today: Date): DetectedQuery | undefined {
  const lines = input.split(/\r\n|\r|\n/u).filter((l) => l.trim() !== '');
  const squeezed = input.replace(/\s/gu, '');
  const looksLikeMrz = squeezed.includes('<') || squeezed.includes('«') || lines.length >= 2;
  if (!looksLikeMrz) return undefined;
  const parsed = parseMrz(input, { today });
  if (!parsed.ok) {
    // Clearly meant as an MRZ: say what is wrong rather than guess something else.
    const fillers = (squeezed.match(/[<«]/gu) ?? []).length;
    return fillers >= 5 ? { kind: 'mrz', value: squeezed.toUpperCase(), confidence: 0.2, warnings: [parsed.error] } : undefined;
  }
  const allValid = parsed.value.checks.every((c) => c.valid);
  return {
    kind: 'mrz',
    value: parsed.value.lines.join('\n'),
    confidence: allValid ? 0.99 : 0.8,
    mrz: parsed.value,
    ...(parsed.warnings ? { warnings: parsed.warnings } : {}),
  };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;
const DAY_FIRST_DATE = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/u;
const YEAR = /^(\d{4})$/u;
const DATE_SHAPE = /^(\d{4}|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{4})$/u;
const NAME_TOKEN = /^[\p{L}\p{M}][\p{L}\p{M}'’-]*$/u;

/** A name, possibly with one birth date or year: "Oleksandr Shevchenko 1987", "Müller, Anna 07.03.1985". */
function detectName(input: string, today: Date): DetectedQuery | undefined {
  const tokens = input.split(/[\s,;]+/u).filter((t) => t !== '');
  let birthDate: string | undefined;
  const nameTokens: string[] = [];
  const warnings: string[] = [];
  for (const token of tokens) {
    const date = birthDate === undefined ? readBirthDate(token, today) : undefined;
    if (date !== undefined) {
      birthDate = date;
      continue;
    }
    if (DATE_SHAPE.test(token) && warnings.length === 0) {
      warnings.push(`${token} is not a plausible birth date or year; it was left out`);
      continue;
    }
    if (!NAME_TOKEN.test(token)) return undefined;
    nameTokens.push(token);
  }
  const letters = nameTokens.join('').replace(/[^\p{L}]/gu, '').length;
  if (nameTokens.length === 0 || letters < 2) return undefined;
  const value = input
    .split(/\s+/u)
    .filter((t) => !DATE_SHAPE.test(t.replace(/[,;]$/u, '')))
    .join(' ')
    .replace(/[,;]\s*$/u, '')
    .trim();
  // Short all-capital tokens around a number are a plate ("AA 1234 BB"), not a name with a year.
  const nameLike = nameTokens.some((t) => [...t].length >= 4 || t !== t.toUpperCase());
  // Two or more words read as a name; one word may as well be anything else typed in letters.
  const confidence = !nameLike ? 0.25 : nameTokens.length >= 2 ? (warnings.length > 0 ? 0.7 : 0.9) : warnings.length > 0 ? 0.45 : 0.6;
  return { kind: 'name', value, confidence, ...(birthDate ? { birthDate } : {}), ...(warnings.length > 0 ? { warnings } : {}) };
}

function readBirthDate(token: string, today: Date): string | undefined {
  const thisYear = today.getUTCFullYear();
  const plausibleYear = (y: number) => y >= 1900 && y <= thisYear;
  let m = YEAR.exec(token);
  if (m) return plausibleYear(Number(m[1])) ? m[1] : undefined;
  m = ISO_DATE.exec(token);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]), plausibleYear);
  m = DAY_FIRST_DATE.exec(token);
  if (m) return validDate(Number(m[3]), Number(m[2]), Number(m[1]), plausibleYear);
  return undefined;
}

function validDate(year: number, month: number, day: number, plausibleYear: (y: number) => boolean): string | undefined {
  if (!plausibleYear(year) || month < 1 || month > 12 || day < 1) return undefined;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
