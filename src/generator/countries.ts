// Who lives in the population and how their country writes things: share
// of the population, name list, script, feminine family names, document
// number and plate formats, and where its nationals live abroad.
import type { CyrillicLang } from './names/cyrillic.ts';
import { weightedTable, type WeightedTable } from './prng.ts';

export type NativeScript = 'latin' | 'cyrillic' | 'greek' | 'arabic';
export type FeminineRule = 'east_slavic' | 'belarusian' | 'polish' | 'czech' | 'greek' | 'bulgarian' | 'lithuanian' | 'latvian';

export interface CountryProfile {
  code: string;
  /** Relative share of the population a European node holds. */
  weight: number;
  group: string;
  script: NativeScript;
  cyrillic?: CyrillicLang;
  feminine?: FeminineRule;
  /** Share of persons with two given names (José Luis, Jean-Pierre written with a hyphen in the list). */
  secondGiven: number;
  /** Persons carry two family names (Spain, Portugal). */
  twoFamilies?: boolean;
  /** Natively written family name first (Hungary). */
  familyFirst?: boolean;
  /** Registries commonly add a patronymic (Ukraine, Russia, Belarus). */
  patronymic?: boolean;
  eu: boolean;
  passport: string;
  idCard?: string;
  plate?: string;
  /** Share living abroad, and where. */
  abroad: number;
  abroadIn?: Array<[string, number]>;
}

const C = (p: CountryProfile) => p;

export const COUNTRIES: CountryProfile[] = [
  C({ code: 'DEU', weight: 9, group: 'german', script: 'latin', secondGiven: 0.3, eu: true, passport: 'CGGGGGGGG', idCard: 'LGGGGGGGG', plate: '{B|HH|M|K|F|S|D|L|DO|E|HB|DD|H|N|DU|BO|MS|KA}-LL NDDD', abroad: 0.03, abroadIn: [['AUT', 3], ['NLD', 1], ['ESP', 1]] }),
  C({ code: 'AUT', weight: 2, group: 'german', script: 'latin', secondGiven: 0.25, eu: true, passport: 'LDDDDDDD', idCard: 'DDDDDDDD', plate: '{W|G|L|S|I|K|BN|WU}-NDDDL', abroad: 0.03, abroadIn: [['DEU', 1]] }),
  C({ code: 'LUX', weight: 0.2, group: 'french', script: 'latin', secondGiven: 0.3, eu: true, passport: 'LLDDDDDD', idCard: 'LLDDDDDD', plate: 'LL NDDD', abroad: 0.05, abroadIn: [['BEL', 1], ['FRA', 1]] }),
  C({ code: 'NLD', weight: 5, group: 'dutch', script: 'latin', secondGiven: 0.35, eu: true, passport: 'LLAAAAAAD', idCard: 'LLAAAAAAD', plate: '[DD-CCC-D|D-CCC-DD|CC-DDD-C|C-DDD-CC|CCC-DD-C]', abroad: 0.02, abroadIn: [['BEL', 2], ['DEU', 1]] }),
  C({ code: 'BEL', weight: 3, group: 'dutch', script: 'latin', secondGiven: 0.3, eu: true, passport: 'LLDDDDDD', idCard: 'DDDDDDDDDD', plate: 'N-LLL-DDD', abroad: 0.02, abroadIn: [['FRA', 1], ['NLD', 1]] }),
  C({ code: 'FRA', weight: 8, group: 'french', script: 'latin', secondGiven: 0.3, eu: true, passport: 'DDLLDDDDD', idCard: 'AAAAAAAAA', plate: 'LL-DDD-LL', abroad: 0.02, abroadIn: [['BEL', 1], ['ESP', 1], ['DEU', 1]] }),
  C({ code: 'ITA', weight: 7, group: 'italian', script: 'latin', secondGiven: 0.1, eu: true, passport: 'LLDDDDDDD', idCard: 'LLDDDDDLL', plate: 'CC DDD CC', abroad: 0.03, abroadIn: [['DEU', 2], ['FRA', 1], ['BEL', 1]] }),
  C({ code: 'ESP', weight: 6, group: 'spanish', script: 'latin', secondGiven: 0.15, twoFamilies: true, eu: true, passport: 'LLLDDDDDD', idCard: 'DNI', plate: 'DDDD CCC', abroad: 0.02, abroadIn: [['FRA', 1], ['DEU', 1]] }),
  C({ code: 'PRT', weight: 2, group: 'portuguese', script: 'latin', secondGiven: 0.4, twoFamilies: true, eu: true, passport: 'LDDDDDD', idCard: 'DDDDDDDD', plate: 'DD-LL-DD', abroad: 0.1, abroadIn: [['FRA', 3], ['LUX', 1], ['DEU', 1]] }),
  C({ code: 'POL', weight: 6, group: 'polish', script: 'latin', feminine: 'polish', secondGiven: 0.2, eu: true, passport: 'LLDDDDDDD', idCard: 'LLLDDDDDD', plate: '{WA|WE|KR|PO|WR|GD|LU|SZ|SK|EL|BI} [DDDDD|DDDLL|DDLLL]', abroad: 0.15, abroadIn: [['DEU', 4], ['NLD', 2], ['IRL', 1], ['SWE', 1], ['BEL', 1]] }),
  C({ code: 'CZE', weight: 2, group: 'czech', script: 'latin', feminine: 'czech', secondGiven: 0.05, eu: true, passport: 'DDDDDDDD', idCard: 'DDDDDDDDD', plate: 'NLN DDDD', abroad: 0.04, abroadIn: [['DEU', 2], ['AUT', 1]] }),
  C({ code: 'SVK', weight: 1, group: 'czech', script: 'latin', feminine: 'czech', secondGiven: 0.05, eu: true, passport: 'LLDDDDDDD', idCard: 'LLDDDDDD', plate: '{BA|KE|PO|ZA|NR|TT|BB}-DDDLL', abroad: 0.08, abroadIn: [['CZE', 2], ['AUT', 1], ['DEU', 1]] }),
  C({ code: 'HUN', weight: 2, group: 'hungarian', script: 'latin', secondGiven: 0.1, familyFirst: true, eu: true, passport: 'LLDDDDDDD', idCard: 'DDDDDDLL', plate: '[LLL-DDD|LLLL-DDD]', abroad: 0.05, abroadIn: [['AUT', 2], ['DEU', 2]] }),
  C({ code: 'ROU', weight: 5, group: 'romanian', script: 'latin', secondGiven: 0.25, eu: true, passport: 'DDDDDDDDD', idCard: 'LLDDDDDD', plate: '{B|CJ|TM|IS|CT|BV|DJ|PH}-DD-LLL', abroad: 0.2, abroadIn: [['ITA', 4], ['ESP', 3], ['DEU', 3], ['FRA', 1], ['AUT', 1]] }),
  C({ code: 'BGR', weight: 2, group: 'bulgarian', script: 'cyrillic', cyrillic: 'bg', feminine: 'bulgarian', secondGiven: 0.02, eu: true, passport: 'DDDDDDDDD', idCard: 'DDDDDDDDD', plate: '{CA|CB|PB|B|A|E} DDDD LL', abroad: 0.15, abroadIn: [['DEU', 3], ['ESP', 2], ['GRC', 1], ['ITA', 1]] }),
  C({ code: 'HRV', weight: 1, group: 'croatian', script: 'latin', secondGiven: 0.03, eu: true, passport: 'DDDDDDDDD', idCard: 'DDDDDDDDD', plate: '{ZG|ST|RI|OS|ZD|PU} DDDD-LL', abroad: 0.1, abroadIn: [['DEU', 3], ['AUT', 1]] }),
  C({ code: 'SVN', weight: 0.5, group: 'croatian', script: 'latin', secondGiven: 0.03, eu: true, passport: 'LLDDDDDDD', idCard: 'LLDDDDDDD', plate: '{LJ|MB|CE|KR|KP} LL-DDD', abroad: 0.05, abroadIn: [['AUT', 1], ['DEU', 1]] }),
  C({ code: 'GRC', weight: 2, group: 'greek', script: 'greek', feminine: 'greek', secondGiven: 0.05, eu: true, passport: 'LLDDDDDDD', idCard: 'LL DDDDDD', plate: '{ABE|BEZ|IKM|NOP|TXY|ZHK}-DDDD', abroad: 0.05, abroadIn: [['DEU', 3], ['BEL', 1], ['CYP', 1]] }),
  C({ code: 'CYP', weight: 0.3, group: 'greek', script: 'greek', feminine: 'greek', secondGiven: 0.05, eu: true, passport: 'KDDDDDDD', idCard: 'DDDDDDDDD', plate: 'LLL DDD', abroad: 0.05, abroadIn: [['GRC', 2]] }),
  C({ code: 'SWE', weight: 2, group: 'nordic', script: 'latin', secondGiven: 0.35, eu: true, passport: 'DDDDDDDD', idCard: 'DDDDDDDD', plate: '[LLL DDD|LLL DDL]', abroad: 0.02, abroadIn: [['DNK', 1], ['ESP', 1]] }),
  C({ code: 'DNK', weight: 1, group: 'nordic', script: 'latin', secondGiven: 0.35, eu: true, passport: 'DDDDDDDDD', plate: 'LL DD DDD', abroad: 0.02, abroadIn: [['SWE', 1], ['DEU', 1]] }),
  C({ code: 'FIN', weight: 1, group: 'finnish', script: 'latin', secondGiven: 0.5, eu: true, passport: 'LLDDDDDDD', idCard: 'DDDDDDDDD', plate: 'LLL-DDD', abroad: 0.03, abroadIn: [['SWE', 2], ['EST', 1]] }),
  C({ code: 'IRL', weight: 1, group: 'english', script: 'latin', secondGiven: 0.2, eu: true, passport: 'LLDDDDDDD', plate: 'DDN-{D|C|G|L|KY|MO|WX}-NDDD', abroad: 0.03, abroadIn: [['ESP', 1], ['FRA', 1]] }),
  C({ code: 'MLT', weight: 0.2, group: 'english', script: 'latin', secondGiven: 0.2, eu: true, passport: 'DDDDDDD', idCard: 'DDDDDDDL', plate: 'LLL DDD', abroad: 0.03, abroadIn: [['ITA', 1]] }),
  C({ code: 'LTU', weight: 1, group: 'baltic', script: 'latin', feminine: 'lithuanian', secondGiven: 0.05, eu: true, passport: 'DDDDDDDD', idCard: 'DDDDDDDD', plate: 'LLL DDD', abroad: 0.15, abroadIn: [['IRL', 2], ['DEU', 2], ['NLD', 1], ['SWE', 1]] }),
  C({ code: 'LVA', weight: 0.5, group: 'baltic', script: 'latin', feminine: 'latvian', secondGiven: 0.05, eu: true, passport: 'LLDDDDDDD', idCard: 'LLDDDDDDD', plate: 'LL-NDDD', abroad: 0.12, abroadIn: [['IRL', 1], ['DEU', 1]] }),
  C({ code: 'EST', weight: 0.4, group: 'baltic', script: 'latin', secondGiven: 0.05, eu: true, passport: 'LDDDDDDD', idCard: 'LLDDDDDDD', plate: 'DDD LLL', abroad: 0.08, abroadIn: [['FIN', 3], ['SWE', 1]] }),
  C({ code: 'UKR', weight: 5, group: 'ukrainian', script: 'cyrillic', cyrillic: 'uk', feminine: 'east_slavic', patronymic: true, secondGiven: 0, eu: false, passport: 'LLDDDDDD', idCard: 'DDDDDDDDD', plate: '{AA|KA|AX|BH|BC|AE|AI|BI} DDDD {AA|BC|XK|OP|MT|EH|KI}', abroad: 0.45, abroadIn: [['POL', 6], ['DEU', 5], ['CZE', 2], ['ITA', 1], ['ESP', 1], ['NLD', 1]] }),
  C({ code: 'RUS', weight: 1.5, group: 'russian', script: 'cyrillic', cyrillic: 'ru', feminine: 'east_slavic', patronymic: true, secondGiven: 0, eu: false, passport: 'DDDDDDDDD', plate: 'LDDDLL DDD', abroad: 0.2, abroadIn: [['DEU', 3], ['LVA', 1], ['EST', 1], ['FIN', 1], ['CYP', 1]] }),
  C({ code: 'BLR', weight: 0.8, group: 'belarusian', script: 'cyrillic', cyrillic: 'be', feminine: 'belarusian', patronymic: true, secondGiven: 0, eu: false, passport: 'LLDDDDDDD', plate: 'DDDD LL-N', abroad: 0.3, abroadIn: [['POL', 3], ['LTU', 2], ['DEU', 1]] }),
  C({ code: 'SRB', weight: 1, group: 'serbian', script: 'cyrillic', cyrillic: 'sr', secondGiven: 0.02, eu: false, passport: 'DDDDDDDDD', idCard: 'DDDDDDDDD', plate: '{BG|NS|NI|KG|SU} DDD-LL', abroad: 0.2, abroadIn: [['DEU', 3], ['AUT', 3], ['HUN', 1]] }),
  C({ code: 'ALB', weight: 1.5, group: 'albanian', script: 'latin', secondGiven: 0.02, eu: false, passport: 'LLDDDDDDD', idCard: 'LDDDDDDDL', plate: 'LL DDDD L', abroad: 0.4, abroadIn: [['ITA', 4], ['GRC', 4], ['DEU', 1], ['BEL', 1]] }),
  C({ code: 'TUR', weight: 3, group: 'turkish', script: 'latin', secondGiven: 0.15, eu: false, passport: 'LDDDDDDDD', idCard: 'LDDLDDDDD', plate: 'DD LLL DDD', abroad: 0.35, abroadIn: [['DEU', 6], ['NLD', 2], ['AUT', 1], ['FRA', 1], ['BEL', 1]] }),
  C({ code: 'GEO', weight: 0.8, group: 'georgian', script: 'latin', secondGiven: 0, eu: false, passport: 'DDLLDDDDD', idCard: 'DDLLDDDDD', plate: 'LL-DDD-LL', abroad: 0.3, abroadIn: [['GRC', 2], ['DEU', 1], ['ITA', 1], ['FRA', 1]] }),
  C({ code: 'MAR', weight: 3, group: 'arabic-maghreb', script: 'arabic', secondGiven: 0.05, eu: false, passport: 'LLDDDDDDD', idCard: 'LLDDDDDD', abroad: 0.45, abroadIn: [['FRA', 4], ['ESP', 4], ['BEL', 2], ['NLD', 2], ['ITA', 2], ['DEU', 1]] }),
  C({ code: 'DZA', weight: 2, group: 'arabic-maghreb', script: 'arabic', secondGiven: 0.05, eu: false, passport: 'DDDDDDDDD', abroad: 0.45, abroadIn: [['FRA', 8], ['BEL', 1], ['ESP', 1]] }),
  C({ code: 'TUN', weight: 1, group: 'arabic-maghreb', script: 'arabic', secondGiven: 0.05, eu: false, passport: 'LDDDDDDD', abroad: 0.4, abroadIn: [['FRA', 4], ['ITA', 3], ['DEU', 1]] }),
  C({ code: 'EGY', weight: 1, group: 'arabic-mashriq', script: 'arabic', secondGiven: 0.1, eu: false, passport: 'LDDDDDDDD', abroad: 0.3, abroadIn: [['ITA', 3], ['GRC', 1], ['DEU', 1], ['FRA', 1]] }),
  C({ code: 'SYR', weight: 2, group: 'arabic-mashriq', script: 'arabic', secondGiven: 0.1, eu: false, passport: 'NDDDDDDDD', abroad: 0.6, abroadIn: [['DEU', 6], ['SWE', 2], ['AUT', 1], ['NLD', 1], ['GRC', 1]] }),
  C({ code: 'IRQ', weight: 1, group: 'arabic-mashriq', script: 'arabic', secondGiven: 0.1, eu: false, passport: 'LDDDDDDD', abroad: 0.5, abroadIn: [['DEU', 4], ['SWE', 1], ['FIN', 1], ['NLD', 1]] }),
  C({ code: 'AFG', weight: 1.5, group: 'dari', script: 'arabic', secondGiven: 0.05, eu: false, passport: 'PDDDDDDDD', abroad: 0.6, abroadIn: [['DEU', 5], ['AUT', 2], ['FRA', 1], ['SWE', 1], ['GRC', 1]] }),
  C({ code: 'NGA', weight: 1, group: 'nigerian', script: 'latin', secondGiven: 0.3, eu: false, passport: 'LDDDDDDDD', abroad: 0.4, abroadIn: [['ITA', 4], ['IRL', 1], ['DEU', 1], ['ESP', 1]] }),
];

export const COUNTRY_BY_CODE = new Map(COUNTRIES.map((c) => [c.code, c]));
export const NATIONALITY_TABLE: WeightedTable<CountryProfile> = weightedTable(COUNTRIES.map((c) => [c, c.weight] as const));
export const ABROAD_TABLES = new Map(
  COUNTRIES.filter((c) => c.abroadIn).map((c) => [c.code, weightedTable(c.abroadIn!.map(([code, w]) => [code, w] as const))]),
);

export function country(code: string): CountryProfile {
  const c = COUNTRY_BY_CODE.get(code);
  if (!c) throw new Error(`unknown country ${code}`);
  return c;
}
