// Country codes. Pontis stores ISO 3166-1 alpha-3 as ICAO 9303 (part 3) uses
// it: standard alpha-3 codes plus the codes ICAO adds for nationalities and
// issuing bodies that are not countries (refugees, UN, EU, Interpol …).
// Germany is the one ICAO exception that we do not keep: its MRZs say `D`,
// but every other German record says DEU, and one code per country is what
// makes matching work.
import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { fail, ok, type IdentifierResult } from './result.ts';

// In Node the package registers every language itself; a browser bundle gets
// none, so English, the fallback of countryName, is registered explicitly.
countries.registerLocale(english);

/** ICAO 9303 part 3 codes outside ISO 3166-1, kept as they are, with their English meaning. */
export const ICAO_SPECIAL_CODES: Readonly<Record<string, string>> = {
  GBD: 'British Overseas Territories Citizen',
  GBN: 'British National (Overseas)',
  GBO: 'British Overseas Citizen',
  GBP: 'British Protected Person',
  GBS: 'British Subject',
  UNO: 'United Nations Organization',
  UNA: 'United Nations specialized agency',
  UNK: 'Resident of Kosovo (UNMIK travel document)',
  RKS: 'Kosovo',
  EUE: 'European Union',
  XBA: 'African Development Bank',
  XIM: 'African Export–Import Bank',
  XCC: 'Caribbean Community (CARICOM)',
  XCE: 'Council of Europe',
  XCO: 'Common Market for Eastern and Southern Africa (COMESA)',
  XEC: 'Economic Community of West African States (ECOWAS)',
  XES: 'Organisation of Eastern Caribbean States',
  XMP: 'Maghreb–Parliament (Arab Maghreb Union)',
  XOM: 'Sovereign Military Order of Malta',
  XPO: 'Interpol',
  XDC: 'Southern African Development Community',
  XXA: 'Stateless person',
  XXB: 'Refugee (1951 Convention)',
  XXC: 'Refugee (other)',
  XXX: 'Unspecified nationality',
};

/**
 * Codes people and neighbouring standards use for a country whose ISO code
 * is different: the ICAO `D` for Germany, the EU's `UK` and `EL`, and Kosovo,
 * which ISO has not coded (the library uses the user-assigned XK/XKK) but
 * whose documents carry RKS.
 */
const ALIASES: Readonly<Record<string, string>> = {
  D: 'DEU',
  UK: 'GBR',
  EL: 'GRC',
  XK: 'RKS',
  XKK: 'RKS',
};

/**
 * Normalises a country code to the Pontis canonical alpha-3. Accepts ISO
 * alpha-2 and alpha-3, the ICAO special codes, and MRZ-padded codes (`D<<`);
 * ignores case and spaces. Numeric codes are refused: they appear in no
 * source Pontis reads, and a stray number would too easily pass as a country.
 */
export function toCountryCode(input: string): IdentifierResult {
  if (typeof input !== 'string') return fail('country code must be text');
  const code = input.replace(/\s+/gu, '').replace(/<+$/u, '').toUpperCase();
  if (code === '') return fail('country code is empty');
  if (/^\d+$/u.test(code)) return fail(`country code '${code}' is numeric; use an alpha-2 (NL) or alpha-3 (NLD) code`);
  if (!/^[A-Z]{1,3}$/u.test(code)) return fail(`country code '${input.trim()}' is not 1–3 letters`);
  const alias = ALIASES[code];
  if (alias) return ok(alias);
  if (code in ICAO_SPECIAL_CODES) return ok(code);
  if (code.length === 2) {
    const alpha3 = countries.alpha2ToAlpha3(code);
    return alpha3 ? ok(alpha3) : fail(`'${code}' is not an ISO 3166-1 alpha-2 country code`);
  }
  if (code.length === 3) {
    return countries.alpha3ToAlpha2(code) ? ok(code) : fail(`'${code}' is neither an ISO 3166-1 alpha-3 country code nor an ICAO 9303 code`);
  }
  return fail(`'${code}' is not a country code (only D, for Germany, has one letter)`);
}

/**
 * The name of a country in a language (ISO 639-1), for display. ICAO special
 * codes have English names only. Undefined when the code is unknown.
 */
export function countryName(code: string, lang = 'en'): string | undefined {
  const canonical = toCountryCode(code);
  if (!canonical.ok) return undefined;
  const special = ICAO_SPECIAL_CODES[canonical.value];
  if (special) return special;
  return countries.getName(canonical.value, lang.toLowerCase()) ?? countries.getName(canonical.value, 'en');
}
