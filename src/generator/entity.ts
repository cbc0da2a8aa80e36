// One real person of the synthetic world ("entity"): who they truly are,
// before any registry writes them down. Records are renderings of this.
import { ABROAD_TABLES, COUNTRIES, NATIONALITY_TABLE, type CountryProfile } from './countries.ts';
import { addDays, addYears, daysInMonth, toDays, fromDays, type Ymd } from './dates.ts';
import { documentNumber } from './documents.ts';
import { feminineFamily, patronymic as makePatronymic } from './names/feminine.ts';
import { nameGroup, type NameEntry } from './names/name-lists.ts';
import { placesOf, type City } from './places.ts';
import { weightedTable, type Rng } from './prng.ts';
import { fillTemplate } from './template.ts';

export interface EntityDocument {
  type: 'passport' | 'id_card' | 'residence_permit';
  issuingCountry: string;
  /** Current document, then the one it replaced (renewal). */
  number: string;
  expiry: Ymd;
  previousNumber: string;
  previousExpiry: Ymd;
}

export interface EntityAddress {
  line: string;
  city: string;
  postcode?: string;
  country: string;
}

export interface Entity {
  index: number;
  id: string;
  nationality: CountryProfile;
  secondNationality?: string;
  residence: string;
  sex: 'M' | 'F';
  given: NameEntry[];
  family: NameEntry[];
  /** Family name(s) at birth, when different (married women). */
  birthFamily?: NameEntry[];
  /** Native-script patronymic (East Slavic registries). */
  patronymic?: string;
  birth: Ymd;
  /** How well the birth date is known to every registry. */
  birthKnown: 'full' | 'year' | 'placeholder';
  placeOfBirth: City;
  address: EntityAddress;
  documents: EntityDocument[];
}

const AGE_BUCKETS = weightedTable<[number, number]>([
  [[0, 13], 4], [[14, 17], 6], [[18, 24], 18], [[25, 34], 26], [[35, 44], 22], [[45, 54], 13], [[55, 64], 7], [[65, 90], 4],
]);

const REFUGEE_ORIGINS = new Set(['AFG', 'SYR', 'IRQ', 'NGA']);

export function entityId(index: number): string {
  return 'E' + String(index).padStart(9, '0');
}

function pickName(rng: Rng, nat: CountryProfile, sex: 'M' | 'F'): NameEntry {
  const g = nameGroup(nat.group);
  return rng.zipf(sex === 'M' ? g.male : g.female);
}

function pickFamily(rng: Rng, nat: CountryProfile, sex: 'M' | 'F'): NameEntry[] {
  const g = nameGroup(nat.group);
  const count = nat.twoFamilies ? 2 : rng.chance(0.015) ? 2 : 1; // a few double-barrelled names everywhere
  const out: NameEntry[] = [];
  for (let i = 0; i < count; i++) {
    let e = rng.zipf(g.family);
    if (out.some((o) => o.text === e.text)) e = rng.zipf(g.family);
    if (sex === 'F' && nat.feminine) e = { ...e, text: feminineFamily(e.text, nat.feminine) };
    out.push(e);
  }
  return out;
}

function pickResidence(rng: Rng, nat: CountryProfile): string {
  const abroad = ABROAD_TABLES.get(nat.code);
  if (abroad && rng.chance(nat.abroad)) return rng.weighted(abroad);
  return nat.code;
}

function address(rng: Rng, residence: string): EntityAddress {
  const p = placesOf(residence);
  const profile = COUNTRIES.find((c) => c.code === residence);
  const city = rng.pick(p.cities);
  const line = p.streetPattern.replace('{s}', rng.pick(p.streets)).replace('{n}', String(rng.chance(0.8) ? rng.range(1, 120) : rng.range(121, 400)));
  return {
    line,
    city: profile?.script === 'cyrillic' ? city.native : city.latin,
    postcode: p.postcode === '-' ? undefined : fillTemplate(rng, p.postcode),
    country: residence,
  };
}

function document(rng: Rng, type: EntityDocument['type'], issuer: string, today: Ymd, minor: boolean): EntityDocument {
  const validity = type === 'residence_permit' ? rng.range(1, 5) : minor ? 5 : 10;
  // Issued at some point in the last validity period, a few expired and not yet renewed.
  const issued = addDays(today, -rng.int(validity * 365 + 200));
  const expiry = addYears(issued, validity);
  return {
    type,
    issuingCountry: issuer,
    number: documentNumber(rng, issuer, type),
    expiry,
    previousNumber: documentNumber(rng, issuer, type),
    previousExpiry: addDays(issued, -rng.int(60)),
  };
}

export function createEntity(rng: Rng, index: number, today: Ymd): Entity {
  const nat = rng.weighted(NATIONALITY_TABLE);
  const sex: 'M' | 'F' = rng.chance(nat.eu ? 0.58 : 0.68) ? 'M' : 'F'; // police and border data skew male
  const [lo, hi] = rng.weighted(AGE_BUCKETS);
  const age = rng.range(lo, hi);
  const birthDays = toDays({ y: today.y - age - 1, m: today.m, d: today.d }) + rng.int(365);
  const birth = fromDays(birthDays);
  const given = [pickName(rng, nat, sex)];
  if (rng.chance(nat.secondGiven)) {
    const second = pickName(rng, nat, sex);
    if (second.text !== given[0].text) given.push(second);
  }
  const family = pickFamily(rng, nat, sex);
  let birthFamily: NameEntry[] | undefined;
  if (sex === 'F' && age >= 22 && rng.chance(0.12)) birthFamily = pickFamily(rng, nat, sex);
  let patronymic: string | undefined;
  if (nat.patronymic && nat.cyrillic && nat.cyrillic !== 'bg' && nat.cyrillic !== 'sr') {
    patronymic = makePatronymic(rng.zipf(nameGroup(nat.group).male).text, nat.cyrillic, sex === 'F');
  }
  const residence = pickResidence(rng, nat);
  let secondNationality: string | undefined;
  if (residence !== nat.code && rng.chance(0.15)) secondNationality = residence;
  else if (rng.chance(0.01)) secondNationality = rng.weighted(NATIONALITY_TABLE).code;
  if (secondNationality === nat.code) secondNationality = undefined;
  const refugee = REFUGEE_ORIGINS.has(nat.code);
  const birthKnown = refugee ? (rng.chance(0.3) ? 'placeholder' : rng.chance(0.07) ? 'year' : 'full') : rng.chance(0.01) ? 'year' : 'full';
  const home = placesOf(nat.code);
  const minor = age < 18;
  const documents: EntityDocument[] = [];
  if (rng.chance(nat.eu ? 0.55 : 0.75)) documents.push(document(rng, 'passport', nat.code, today, minor));
  if (nat.idCard && age >= 12 && rng.chance(nat.eu ? 0.9 : 0.5)) documents.push(document(rng, 'id_card', nat.code, today, minor));
  if (!nat.eu && residence !== nat.code && rng.chance(0.7)) documents.push(document(rng, 'residence_permit', residence, today, minor));
  if (birthKnown === 'placeholder') birth.m = birth.d = 1;
  return {
    index,
    id: entityId(index),
    nationality: nat,
    secondNationality,
    residence,
    sex,
    given,
    family,
    birthFamily,
    patronymic,
    birth: { y: birth.y, m: birth.m, d: Math.min(birth.d, daysInMonth(birth.y, birth.m)) },
    birthKnown,
    placeOfBirth: rng.pick(home.cities),
    address: address(rng, residence),
    documents,
  };
}
