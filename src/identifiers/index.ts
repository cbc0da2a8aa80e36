// Standard identifiers of persons' documents and of objects, validated and
// normalised before they are stored, indexed or searched. Pure functions.
import { normaliseDocumentNumber } from './document-number.ts';
import { normaliseIban } from './iban.ts';
import { normalisePlate } from './plate.ts';
import { fail, type IdentifierResult } from './result.ts';
import { normaliseSerial } from './serial.ts';
import { normaliseVin } from './vin.ts';

export type { IdentifierResult } from './result.ts';
export { toCountryCode, countryName, ICAO_SPECIAL_CODES } from './country.ts';
export { normaliseIban, formatIban, expectedIbanCheckDigits } from './iban.ts';
export { normaliseVin, vinCheckDigit, isNorthAmericanVin } from './vin.ts';
export { normalisePlate, plateKey } from './plate.ts';
export { PLATE_PATTERNS, plateCountriesMatching } from './plate-patterns.ts';
export { normaliseDocumentNumber, documentNumberKey } from './document-number.ts';
export { normaliseSerial, serialKey } from './serial.ts';
export { foldConfusables } from './confusables.ts';
export { parseMrz, type ParsedMrz, type MrzCheck, type MrzFormat, type ParseMrzOptions } from './mrz.ts';
export { mrzCheckDigit } from './mrz-check-digit.ts';
export { documentTypeFromMrz } from './mrz-document-type.ts';
export { detectIdentifier, type DetectedQuery, type DetectedKind, type DetectOptions } from './detect.ts';

export type ObjectIdentifierKind = 'vehicle_vin' | 'plate' | 'firearm_serial' | 'document_number' | 'iban';

/**
 * One entry point for importers and forms: normalises the primary identifier
 * of an object by kind. `country` is used for plates (format check); other
 * kinds ignore it.
 */
export function normaliseObjectIdentifier(kind: ObjectIdentifierKind, input: string, country?: string): IdentifierResult {
  switch (kind) {
    case 'vehicle_vin':
      return normaliseVin(input);
    case 'plate':
      return normalisePlate(input, country);
    case 'firearm_serial':
      return normaliseSerial(input);
    case 'document_number':
      return normaliseDocumentNumber(input);
    case 'iban':
      return normaliseIban(input);
    default:
      return fail(`unknown identifier kind '${String(kind)}'`);
  }
}
