// IBAN (ISO 13616). ibantools holds the per-country registry (length, BBAN
// format, national check digits); we only turn its error codes into
// sentences an officer can act on.
import { getCountrySpecifications, validateIBAN, ValidationErrorsIBAN } from 'ibantools';
import { describeChar, fail, ok, type IdentifierResult } from './result.ts';

const SEPARATORS = /[\s\-.\u00a0]/gu;
// ibantools rebuilds this map on every call; it never changes at run time.
const COUNTRY_SPECIFICATIONS = getCountrySpecifications();

/** The two check digits ISO 13616 requires for this country code and BBAN (mod 97-10, ISO 7064). */
export function expectedIbanCheckDigits(countryCode: string, bban: string): string | undefined {
  const rearranged = `${bban}${countryCode}00`;
  let remainder = 0;
  for (const ch of rearranged) {
    const v = ch >= '0' && ch <= '9' ? ch.charCodeAt(0) - 48 : ch >= 'A' && ch <= 'Z' ? ch.charCodeAt(0) - 55 : -1;
    if (v < 0) return undefined;
    remainder = (remainder * (v > 9 ? 100 : 10) + v) % 97;
  }
  return String(98 - remainder).padStart(2, '0');
}

/**
 * Normalises an IBAN to its electronic format (no spaces, upper case) and
 * validates country, length, BBAN format, national check digits where the
 * registry defines them, and the ISO 13616 check digits.
 */
export function normaliseIban(input: string): IdentifierResult {
  if (typeof input !== 'string') return fail('IBAN must be text');
  const iban = input.replace(/^IBAN[:\s]*/iu, '').replace(SEPARATORS, '').toUpperCase();
  if (iban === '') return fail('IBAN is empty');
  const bad = [...iban].findIndex((ch) => !/[A-Z0-9]/u.test(ch));
  if (bad >= 0) return fail(`IBAN contains ${describeChar([...iban][bad])} at position ${bad + 1}; only letters and digits are allowed`);
  const country = iban.slice(0, 2);
  if (!/^[A-Z]{2}$/u.test(country)) return fail(`IBAN must start with a two-letter country code, not '${country}'`);
  const spec = Object.hasOwn(COUNTRY_SPECIFICATIONS, country) ? COUNTRY_SPECIFICATIONS[country] : undefined;
  if (!spec || !spec.chars) return fail(`'${country}' is not a country that issues IBANs`);
  if (iban.length !== spec.chars) {
    return fail(`IBAN for ${country} must have ${spec.chars} characters, got ${iban.length}`);
  }
  if (!/^\d\d$/u.test(iban.slice(2, 4))) return fail(`IBAN check digits must be two digits, got '${iban.slice(2, 4)}'`);
  const result = validateIBAN(iban);
  if (result.valid) return ok(iban);
  const codes = new Set(result.errorCodes);
  if (codes.has(ValidationErrorsIBAN.WrongBBANFormat)) {
    return fail(`IBAN account part '${iban.slice(4)}' does not have the ${country} format (${describeBbanFormat(spec.bban_regexp)})`);
  }
  if (codes.has(ValidationErrorsIBAN.WrongIBANChecksum)) {
    const expected = expectedIbanCheckDigits(country, iban.slice(4));
    return fail(`IBAN check digits do not match: expected ${expected}, got ${iban.slice(2, 4)}`);
  }
  if (codes.has(ValidationErrorsIBAN.WrongAccountBankBranchChecksum)) {
    return fail(`IBAN check digits are right but the ${country} national account check digits inside it are wrong`);
  }
  return fail(`IBAN is not valid (ibantools error codes ${result.errorCodes.join(', ')})`);
}

/** Shows an electronic-format IBAN in groups of four, as printed on paper. */
export function formatIban(value: string): string {
  return value.replace(SEPARATORS, '').toUpperCase().replace(/(.{4})(?=.)/gu, '$1 ');
}

function describeBbanFormat(regexp: string | null): string {
  if (!regexp) return 'unknown format';
  // `^[A-Z]{4}[0-9]{10}$` → `4 letters, 10 digits`
  const parts = [...regexp.matchAll(/\[([^\]]+)\]\{(\d+)\}/gu)].map(([, set, n]) => {
    const kind = set === '0-9' ? 'digits' : set === 'A-Z' ? 'letters' : 'letters or digits';
    return `${n} ${kind}`;
  });
  return parts.length > 0 ? parts.join(', ') : regexp;
}
