// Renders one registry's record of an entity, with the variation real
// registries show. The first record of an entity is written as its own
// documents have it; each further record (another source, another clerk,
// another decade) carries one to three deliberate variations on top of the
// habits of the writing office, and says which ones it got.
import type { z } from 'zod';
import type { PersonLine } from '../domain/import-record.ts';
import type { SourceSpec } from './authorities.ts';
import { formatYm, formatYmd, parseYmd, type Ymd } from './dates.ts';
import type { Entity, EntityDocument } from './entity.ts';
import { CYRILLIC_SCHEMES, transliterateCyrillic, type CyrillicLang, type CyrillicScheme } from './names/cyrillic.ts';
import { memoise } from './memo.ts';
import { GREEK_SCHEMES, transliterateGreek, type GreekScheme } from './names/greek.ts';
import { mrzStyle, respellArabic, respellArticle, stripDiacritics, type ArabicSpellingHabit } from './names/latin.ts';
import { nameGroup, type NameEntry } from './names/name-lists.ts';
import { typo } from './names/typo.ts';
import { feminineFamily } from './names/feminine.ts';
import { weightedTable, type Rng, type WeightedTable } from './prng.ts';

export type PersonLineData = z.infer<typeof PersonLine>;

export const VARIATIONS = [
  'typo', 'transliteration', 'script', 'swap', 'diacritics', 'mrz_style', 'partial_date', 'placeholder_date',
  'day_month_swap', 'date_digit', 'document_renewed', 'nationality_missing', 'maiden_name', 'double_name',
  'initials', 'given_dropped', 'patronymic', 'article', 'address_changed', 'alias',
] as const;
export type Variation = (typeof VARIATIONS)[number];

/** Deliberate variations and how often each is chosen for a duplicate record (where it applies). */
const CHOSEN: Array<[Variation, number]> = [
  ['typo', 20], ['transliteration', 22], ['script', 10], ['swap', 6], ['diacritics', 10], ['partial_date', 10],
  ['placeholder_date', 4], ['day_month_swap', 5], ['date_digit', 6], ['document_renewed', 8], ['nationality_missing', 6],
  ['maiden_name', 25], ['double_name', 10], ['initials', 4], ['given_dropped', 8], ['patronymic', 8], ['article', 8],
  ['address_changed', 4], ['alias', 0.5],
];

type Habit = 'german' | 'french' | 'polish' | 'english' | 'icao' | 'national';

/** How the writing office spells foreign names. */
function habitOf(source: SourceSpec): Habit {
  if (source.line.kind === 'passenger_data' && source.country !== 'UKR') return 'icao';
  switch (source.country) {
    case 'DEU':
    case 'AUT':
      return 'german';
    case 'FRA':
    case 'BEL':
      return 'french';
    case 'POL':
      return 'polish';
    case 'UKR':
      return 'national';
    case 'NLD':
    case 'SWE':
      return 'english';
    default:
      return 'icao';
  }
}

/** Sources of the person's own country write names in the person's own script. */
function homeScript(entity: Entity, source: SourceSpec): boolean {
  const n = entity.nationality.code;
  if (source.country === 'UKR') return n === 'UKR' || n === 'RUS' || n === 'BLR';
  if (source.country === 'GRC') return n === 'GRC' || n === 'CYP';
  return false;
}

interface Spelling {
  cyrillic?: CyrillicScheme;
  greek?: GreekScheme;
  /** Index into NameEntry.spellings, or a clerk's re-spelling of the first one. */
  arabic?: number | ArabicSpellingHabit;
}

/** As the person's own passport writes it: the national system, ELOT 743, the usual spelling. */
const DOCUMENT_SPELLING: Spelling = { cyrillic: 'national', greek: 'elot', arabic: 0 };

function habitSpelling(habit: Habit): Spelling {
  switch (habit) {
    case 'german':
      return { cyrillic: 'german', greek: 'german', arabic: 'german' };
    case 'french':
      return { cyrillic: 'french', greek: 'classical', arabic: 'french' };
    case 'polish':
      return { cyrillic: 'polish', greek: 'elot', arabic: 0 };
    case 'english':
      return { cyrillic: 'english', greek: 'phonetic', arabic: 'english' };
    case 'icao':
      return { cyrillic: 'icao', greek: 'elot', arabic: 0 };
    case 'national':
      return DOCUMENT_SPELLING;
  }
}

function randomSpelling(rng: Rng): Spelling {
  return {
    cyrillic: rng.pick(CYRILLIC_SCHEMES),
    greek: rng.pick(GREEK_SCHEMES),
    arabic: rng.chance(0.5) ? rng.int(4) : rng.pick(['german', 'french', 'english'] as const),
  };
}

const cyrillicMemo = memoise((key) => {
  const [lang, scheme, text] = key.split('\u0000');
  return transliterateCyrillic(text, lang as CyrillicLang, scheme as CyrillicScheme);
});
const greekMemo = memoise((key) => {
  const [scheme, text] = key.split('\u0000');
  return transliterateGreek(text, scheme as GreekScheme);
});
const arabicMemo = memoise((key) => {
  const [habit, text] = key.split('\u0000');
  return respellArabic(text, habit as ArabicSpellingHabit);
});
const stripMemo = memoise(stripDiacritics);
const mrzMemo = memoise(mrzStyle);

function latinOf(entity: Entity, entry: NameEntry | string, sp: Spelling): string {
  const text = typeof entry === 'string' ? entry : entry.text;
  switch (entity.nationality.script) {
    case 'cyrillic':
      return cyrillicMemo(`${entity.nationality.cyrillic}\u0000${sp.cyrillic ?? 'icao'}\u0000${text}`);
    case 'greek':
      return greekMemo(`${sp.greek ?? 'elot'}\u0000${text}`);
    case 'arabic': {
      const spellings = typeof entry === 'string' ? undefined : entry.spellings;
      if (!spellings) return text;
      const a = sp.arabic ?? 0;
      if (typeof a === 'number') return spellings[Math.min(a, spellings.length - 1)];
      return arabicMemo(`${a}\u0000${spellings[0]}`);
    }
    default:
      return text;
  }
}

const variationTables = new Map<number, WeightedTable<Variation>>();

function pickVariations(rng: Rng, entity: Entity, latinNative: boolean): Set<Variation> {
  let mask = entity.nationality.familyFirst ? 1 << 30 : 0;
  CHOSEN.forEach(([v], i) => {
    if (applies(v, entity, latinNative)) mask |= 1 << i;
  });
  let table = variationTables.get(mask);
  if (!table) {
    table = weightedTable(
      CHOSEN.filter((_, i) => mask & (1 << i)).map(([v, w]) => [v, entity.nationality.familyFirst && v === 'swap' ? w * 3 : w] as [Variation, number]),
    );
    variationTables.set(mask, table);
  }
  const n = rng.weighted(COUNT_TABLE);
  const out = new Set<Variation>();
  for (let tries = 0; out.size < n && tries < 12 && table.items.length > 0; tries++) out.add(rng.weighted(table));
  return out;
}

function applies(v: Variation, entity: Entity, latinNative: boolean): boolean {
  switch (v) {
    case 'transliteration':
    case 'script':
      return !latinNative;
    case 'diacritics':
      return latinNative;
    case 'partial_date':
    case 'placeholder_date':
      return entity.birthKnown === 'full';
    case 'day_month_swap':
      return entity.birthKnown === 'full' && entity.birth.d <= 12 && entity.birth.d !== entity.birth.m;
    case 'date_digit':
      return entity.birthKnown !== 'year';
    case 'document_renewed':
      return entity.documents.length > 0;
    case 'maiden_name':
      return entity.birthFamily !== undefined;
    case 'double_name':
      return entity.family.length > 1 || entity.given.some((g) => g.text.includes('-'));
    case 'given_dropped':
      return entity.given.length > 1;
    case 'patronymic':
      return entity.patronymic !== undefined;
    case 'article':
      return entity.family.some((f) => /^(al|el)[- ]/i.test(f.spellings?.[0] ?? ''));
    default:
      return true;
  }
}
const COUNT_TABLE = weightedTable([[1, 45], [2, 35], [3, 20]] as const);

function variedDate(rng: Rng, birth: Ymd, kind: Variation): string | undefined {
  switch (kind) {
    case 'partial_date':
      return rng.chance(0.6) ? String(birth.y) : formatYm(birth);
    case 'placeholder_date':
      return birth.m === 1 && birth.d === 1 ? undefined : `${birth.y}-01-01`;
    case 'day_month_swap':
      return formatYmd({ y: birth.y, m: birth.d, d: birth.m });
    case 'date_digit': {
      const s = formatYmd(birth);
      const positions = [2, 3, 5, 6, 8, 9];
      for (let t = 0; t < 10; t++) {
        const p = rng.pick(positions);
        const digit = String((+s[p] + rng.range(1, 9)) % 10);
        const candidate = s.slice(0, p) + digit + s.slice(p + 1);
        if (parseYmd(candidate) && candidate !== s) return candidate;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

const DATE_VARIATIONS: Variation[] = ['partial_date', 'placeholder_date', 'day_month_swap', 'date_digit'];

function birthDateOf(rng: Rng, entity: Entity, chosen: Set<Variation>, applied: Variation[]): string {
  const base = entity.birthKnown === 'year' ? String(entity.birth.y) : formatYmd(entity.birth);
  for (const kind of DATE_VARIATIONS) {
    if (!chosen.has(kind)) continue;
    const d = variedDate(rng, entity.birth, kind);
    if (d !== undefined && d !== base) {
      applied.push(kind);
      return d;
    }
  }
  return base;
}

function docLine(d: EntityDocument, renewed: boolean, withExpiry: boolean) {
  const expiry = renewed ? d.previousExpiry : d.expiry;
  return {
    type: d.type,
    number: renewed ? d.previousNumber : d.number,
    issuingCountry: d.issuingCountry,
    ...(withExpiry ? { expiry: formatYmd(expiry) } : {}),
  };
}

export interface RenderedPerson {
  line: PersonLineData;
  variations: Variation[];
}

/** What one rendering decided; passed to the helpers instead of closures (this runs millions of times). */
interface Draft {
  rng: Rng;
  entity: Entity;
  chosen: Set<Variation>;
  applied: Variation[];
}

function joinFamily(d: Draft, parts: string[]): string {
  if (parts.length === 1) return parts[0];
  const spaced = d.entity.nationality.twoFamilies;
  if (d.chosen.has('double_name')) {
    if (d.rng.chance(0.5)) return parts[0];
    return parts.join(spaced ? '-' : ' ');
  }
  return parts.join(spaced ? ' ' : '-');
}

function joinGiven(d: Draft, parts: string[]): string {
  const g = parts.join(' ');
  return d.chosen.has('double_name') && g.includes('-') ? g.replace(/-/g, ' ') : g;
}

function latinGiven(d: Draft, entries: Array<NameEntry | string>, sp: Spelling): string {
  return joinGiven(d, entries.map((g) => latinOf(d.entity, g, sp)));
}

function latinFamily(d: Draft, entries: NameEntry[], sp: Spelling, withArticle: boolean): string {
  let parts = entries.map((f) => latinOf(d.entity, f, sp));
  if (withArticle && d.chosen.has('article')) {
    const form = d.rng.int(5);
    const before = parts.join(' ');
    parts = parts.map((p) => respellArticle(p, form));
    if (parts.join(' ') !== before) d.applied.push('article');
  }
  return joinFamily(d, parts);
}

const PLACE_SHARE: Partial<Record<string, number>> = { persons_index: 0.8, police_records: 0.6, alerts: 0.5, passenger_data: 0.03 };
const ADDRESS_SHARE: Partial<Record<string, number>> = { persons_index: 0.85, police_records: 0.6, alerts: 0.3, passenger_data: 0.1 };
const DOCUMENT_SHARE: Partial<Record<string, number>> = { persons_index: 0.7, police_records: 0.3, alerts: 0.4, passenger_data: 1 };

/** Upper case as registries write it; Greek capitals carry no accents. */
function upper(s: string): string {
  const u = s.toUpperCase();
  return /[\u0370-\u03ff]/.test(u) ? u.normalize('NFD').replace(/\u0301/g, '').normalize('NFC') : u;
}

export function renderPerson(rng: Rng, entity: Entity, source: SourceSpec, primary: boolean): RenderedPerson {
  const nat = entity.nationality;
  const latinNative = nat.script === 'latin';
  const kind = source.line.kind;
  const passenger = kind === 'passenger_data';
  const chosen = primary ? new Set<Variation>() : pickVariations(rng, entity, latinNative);
  if (primary && rng.chance(0.02)) chosen.add('typo'); // even first records carry the odd keying error
  const applied: Variation[] = [];

  // Spelling of non-Latin names: the first record follows the person's documents,
  // later ones the writing office's habit or, when chosen, any other system.
  let spelling = passenger ? habitSpelling('icao') : primary ? DOCUMENT_SPELLING : habitSpelling(habitOf(source));
  if (chosen.has('transliteration')) spelling = randomSpelling(rng);
  const d: Draft = { rng, entity, chosen, applied };

  // Which name parts this record holds.
  let givenEntries: Array<NameEntry | string> = entity.given;
  if (chosen.has('given_dropped') && givenEntries.length > 1) {
    givenEntries = givenEntries.slice(0, 1);
    applied.push('given_dropped');
  }
  const home = homeScript(entity, source);
  if (entity.patronymic && (home || chosen.has('patronymic'))) {
    givenEntries = [...givenEntries, entity.patronymic];
    if (!home) applied.push('patronymic');
  }
  let familyEntries = entity.family;
  if (chosen.has('maiden_name') && entity.birthFamily) {
    familyEntries = entity.birthFamily;
    applied.push('maiden_name');
  }
  if (chosen.has('alias')) {
    // A second identity: another name from the same language, the rest (birth date, nationality) kept.
    const names = nameGroup(nat.group);
    if (rng.chance(0.7)) {
      const f = rng.zipf(names.family);
      familyEntries = [entity.sex === 'F' && nat.feminine ? { ...f, text: feminineFamily(f.text, nat.feminine) } : f];
    }
    else givenEntries = [rng.zipf(entity.sex === 'M' ? names.male : names.female)];
    applied.push('alias');
  }

  // Migration registries keep the name as the person's own documents write it, next to a Latin rendering.
  const migrationOriginal = source.thirdCountryOnly === true && nat.script === 'arabic' && rng.chance(0.4);
  const useNativeScript = !latinNative && (home || migrationOriginal || chosen.has('script'));
  let given: string;
  let family: string;
  let script: 'latin' | 'cyrillic' | 'greek' | 'arabic' = 'latin';
  if (useNativeScript) {
    given = joinGiven(d, givenEntries.map((g) => (typeof g === 'string' ? g : g.text)));
    family = joinFamily(d, familyEntries.map((f) => f.text));
    script = nat.script as typeof script;
    applied.push('script');
  } else {
    given = latinGiven(d, givenEntries, spelling);
    family = latinFamily(d, familyEntries, spelling, true);
    if (!latinNative) {
      const docSpelling = DOCUMENT_SPELLING;
      const differs = (entries: Array<NameEntry | string>) => entries.some((e) => latinOf(entity, e, docSpelling) !== latinOf(entity, e, spelling));
      if (differs(givenEntries) || differs(familyEntries)) applied.push('transliteration');
    }
  }
  if (chosen.has('double_name') && (familyEntries.length > 1 || entity.given.some((g) => g.text.includes('-')))) applied.push('double_name');

  if (!useNativeScript) {
    if (passenger) {
      const g2 = mrzMemo(given);
      const f2 = mrzMemo(family);
      if (g2 !== given || f2 !== family) applied.push('mrz_style');
      given = g2;
      family = f2;
    } else if (chosen.has('diacritics')) {
      const g2 = stripMemo(given);
      const f2 = stripMemo(family);
      if (g2 !== given || f2 !== family) applied.push('diacritics');
      given = g2;
      family = f2;
    }
  }
  if (chosen.has('typo')) {
    if (rng.chance(0.55)) family = typo(rng, family);
    else given = typo(rng, given);
    applied.push('typo');
  }
  if (chosen.has('initials') && given !== '') {
    given = [...given][0] + (rng.chance(0.7) ? '.' : '');
    applied.push('initials');
  }
  if (passenger || (kind === 'police_records' && rng.chance(0.3))) {
    given = upper(given);
    family = upper(family);
  }
  if (chosen.has('swap')) {
    [given, family] = [family, given];
    applied.push('swap');
  }

  const names: PersonLineData['names'] = [{ given, family, script, kind: 'primary' }];
  if (useNativeScript && (migrationOriginal || rng.chance(0.6))) {
    names.push({ given: latinGiven(d, givenEntries, spelling), family: latinFamily(d, familyEntries, spelling, false), script: 'latin', kind: 'transliteration' });
  }
  if (entity.birthFamily && !chosen.has('maiden_name') && kind === 'persons_index' && rng.chance(0.6)) {
    const birthFamily = useNativeScript ? joinFamily(d, entity.birthFamily.map((f) => f.text)) : latinFamily(d, entity.birthFamily, spelling, false);
    names.push({ given: names[0].given, family: birthFamily, script, kind: 'birth' });
  }

  const birthDate = birthDateOf(rng, entity, chosen, applied);

  let nationalities: string[] = [nat.code];
  if (entity.secondNationality && rng.chance(0.5)) nationalities.push(entity.secondNationality);
  if (chosen.has('nationality_missing') && !passenger) {
    nationalities = [];
    applied.push('nationality_missing');
  }

  const line: PersonLineData = { type: 'person', source: source.line.id, ref: '', names, birthDate, nationalities, addresses: [], documents: [] };
  const sexRoll = rng.float();
  if (sexRoll > 0.025) line.sex = entity.sex;
  else if (sexRoll > 0.02) line.sex = 'U';
  if (rng.chance(PLACE_SHARE[kind] ?? 0.3)) line.placeOfBirth = useNativeScript ? entity.placeOfBirth.native : entity.placeOfBirth.latin;
  if (rng.chance(ADDRESS_SHARE[kind] ?? 0.3)) {
    let a = entity.address;
    if (chosen.has('address_changed')) {
      // Moved within the town: same street, another house.
      a = { ...a, line: a.line.replace(/\d+/, (n) => String((+n % 97) + 3)) };
      applied.push('address_changed');
    }
    line.addresses.push(a.postcode ? { line: a.line, city: a.city, postcode: a.postcode, country: a.country } : { line: a.line, city: a.city, country: a.country });
  }

  const docs = entity.documents;
  const renewed = chosen.has('document_renewed');
  let included: EntityDocument[];
  if (passenger) {
    included = docs.filter((x) => x.type === 'passport').slice(0, 1);
    if (included.length === 0) included = docs.slice(0, 1);
  } else {
    const share = DOCUMENT_SHARE[kind] ?? 0.3;
    included = docs.filter(() => rng.chance(share));
  }
  if (renewed && included.length === 0 && docs.length > 0) included = [docs[0]];
  if (chosen.has('alias')) included = [];
  for (let i = 0; i < included.length; i++) {
    // A renewal shows as the old document on this record.
    line.documents.push(docLine(included[i], renewed && i === 0, passenger || rng.chance(0.8)));
  }
  if (renewed && included.length > 0) applied.push('document_renewed');
  return { line, variations: applied };
}
