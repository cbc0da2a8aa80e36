// The population as a stream: authorities, sources, then persons, objects
// and alerts in the order a registry export would show them. Further
// records of one person are held back for a while (other sources report
// at other times), so neighbours in the file are not a hint for matching.
// Memory stays bounded by that hold-back window, whatever the size.
import type { ImportLine } from '../domain/import-record.ts';
import { AUTHORITIES, SOURCES, personSourceTable, sourcesOfKind, type SourceSpec } from './authorities.ts';
import { personAlert, objectAlert, type AlertLineData } from './alerts.ts';
import { parseYmd, toDays, type Ymd } from './dates.ts';
import { createEntity, type Entity } from './entity.ts';
import { bankAccount, culturalGood, firearm, numberPlate, travelDocument, vehicle, type ObjectLineData } from './objects/objects.ts';
import { renderPerson, type PersonLineData, type Variation } from './person-record.ts';
import { Rng, weightedTable } from './prng.ts';

export interface PopulationOptions {
  /** Number of person records (lines of type `person`) to produce. */
  persons: number;
  seed: number;
  /** Reference date (YYYY-MM-DD) that ages, validity and expiry are relative to; default 2026-01-01. */
  today?: string;
}

/** Which entity (real person) a person record belongs to: the ground truth. */
export interface TruthRow {
  type: 'truth';
  source: string;
  ref: string;
  entity: string;
  /** 1 for the entity's first record, 2… for the further ones. */
  record: number;
  variations: Variation[];
}

export type PopulationItem = ImportLine | TruthRow;

export const DEFAULT_TODAY = '2026-01-01';

/** Records per entity: most registries know a person once, some 2–4 times, a few more. */
const RECORD_COUNT = weightedTable([[1, 70], [2, 18], [3, 8], [4, 3], [5, 1]] as const);
/** How many entities later a further record of the same person turns up, at most. */
const MAX_DELAY = 3000;

type Item =
  | { kind: 'person'; line: PersonLineData; source: SourceSpec; truth: TruthRow }
  | { kind: 'object'; line: ObjectLineData; source: SourceSpec }
  | { kind: 'alert'; line: AlertLineData; source: SourceSpec; subject: number; links: number[] };

interface Bundle {
  releaseAt: number;
  seq: number;
  items: Item[];
}

class BundleHeap {
  private a: Bundle[] = [];
  get size() {
    return this.a.length;
  }
  private less(x: Bundle, y: Bundle) {
    return x.releaseAt < y.releaseAt || (x.releaseAt === y.releaseAt && x.seq < y.seq);
  }
  push(b: Bundle) {
    const a = this.a;
    a.push(b);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(a[i], a[p])) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }
  peek(): Bundle | undefined {
    return this.a[0];
  }
  pop(): Bundle | undefined {
    const a = this.a;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.less(a[l], a[m])) m = l;
        if (r < a.length && this.less(a[r], a[m])) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
}

export function parseToday(today: string | undefined): Ymd {
  const d = parseYmd(today ?? DEFAULT_TODAY);
  if (!d) throw new Error(`today must be a valid YYYY-MM-DD date, got '${today}'`);
  return d;
}

const ALERT_SOURCES = sourcesOfKind('alerts');
const UNKNOWN_SUSPECT_SHARE = 0.002;

/** Alerts name the authority that issued them, not its registry. */
function issuerName(source: SourceSpec): string {
  return AUTHORITIES.find((a) => a.id === source.line.authorityId)?.name ?? source.line.name;
}
const PERSON_PREFIX = 'P';

function ageOn(e: Entity, today: Ymd): number {
  return Math.floor((toDays(today) - toDays(e.birth)) / 365.25);
}

/** A Latin rendering of the entity's name for account holders and the like. */
function holderName(lines: PersonLineData[]): string | undefined {
  const n = lines[0]?.names.find((x) => x.script === 'latin');
  return n ? [n.given, n.family].filter(Boolean).join(' ') : undefined;
}

/**
 * Yields the population line by line. Every `person` line is followed by a
 * `truth` row naming its entity (never part of the import). Same options,
 * same sequence; a larger `persons` with the same seed extends the entities
 * of a smaller one.
 */
export function* generatePopulation(opts: PopulationOptions): Generator<PopulationItem> {
  const today = parseToday(opts.today);
  if (!Number.isInteger(opts.persons) || opts.persons < 0) throw new Error('persons must be a non-negative integer');
  for (const a of AUTHORITIES) yield a;
  for (const s of SOURCES) yield s.line;

  const counters = new Map<string, number>();
  const nextRef = (source: SourceSpec, kind: 'P' | 'O' | 'A'): string => {
    const key = source.line.id + kind;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    return `${source.refPrefix}-${kind}${String(n).padStart(9, '0')}`;
  };

  function* release(b: Bundle): Generator<PopulationItem> {
    const refs = b.items.map((it) => (it.kind === 'person' ? nextRef(it.source, PERSON_PREFIX) : it.kind === 'object' ? nextRef(it.source, 'O') : nextRef(it.source, 'A')));
    for (let i = 0; i < b.items.length; i++) {
      const it = b.items[i];
      it.line.ref = refs[i];
      it.line.source = it.source.line.id;
      if (it.kind === 'alert') {
        it.line.subject.ref = refs[it.subject];
        const subjectSource = b.items[it.subject].source;
        if (subjectSource !== it.source) it.line.subject.source = subjectSource.line.id;
        it.line.links = it.links.map((l) => refs[l]);
      }
      yield it.line as ImportLine;
      if (it.kind === 'person') {
        it.truth.source = it.source.line.id;
        it.truth.ref = refs[i];
        yield it.truth;
      }
    }
  }

  const heap = new BundleHeap();
  let seq = 0;
  let created = 0;
  for (let index = 1; created < opts.persons; index++) {
    while (heap.size > 0 && heap.peek()!.releaseAt <= index) yield* release(heap.pop()!);
    const rng = new Rng(opts.seed, index);
    const entity = createEntity(rng, index, today);
    if (rng.chance(UNKNOWN_SUSPECT_SHARE)) {
      // Known only by traces (prints, DNA): the record carries a placeholder, not a name.
      created += 1;
      const source = rng.pick(ALERT_SOURCES);
      const line: PersonLineData = {
        type: 'person', source: '', ref: '', names: [{ family: 'UNKNOWN', script: 'latin', kind: 'primary' }],
        birthDate: String(entity.birth.y), nationalities: [], addresses: [], documents: [], sex: entity.sex,
      };
      yield* release({
        releaseAt: index, seq: seq++, items: [
          { kind: 'person', line, source, truth: { type: 'truth', source: '', ref: '', entity: entity.id, record: 1, variations: [] } },
          { kind: 'alert', line: personAlert(rng, today, { minor: false, thirdCountry: false, issuer: issuerName(source), unknownSuspect: true }), source, subject: 0, links: [] },
        ],
      });
      continue;
    }
    const thirdCountry = !entity.nationality.eu;
    const minor = ageOn(entity, today) < 18;
    const k = Math.min(rng.weighted(RECORD_COUNT), opts.persons - created);
    created += k;
    const table = personSourceTable(entity.nationality.code, entity.residence, thirdCountry);
    const used: SourceSpec[] = [];
    const personLines: PersonLineData[] = [];
    let firstBundle: Bundle | undefined;
    for (let j = 0; j < k; j++) {
      let source = rng.weighted(table);
      // Mostly another source; now and then the same registry holds the person twice.
      for (let t = 0; t < 4 && used.includes(source) && !rng.chance(0.05); t++) source = rng.weighted(table);
      used.push(source);
      const rendered = renderPerson(rng, entity, source, j === 0);
      personLines.push(rendered.line);
      const items: Item[] = [{
        kind: 'person', line: rendered.line, source,
        truth: { type: 'truth', source: '', ref: '', entity: entity.id, record: j + 1, variations: rendered.variations },
      }];
      if (source.line.kind === 'alerts' && rng.chance(0.95)) {
        items.push({ kind: 'alert', line: personAlert(rng, today, { minor, thirdCountry, issuer: issuerName(source) }), source, subject: 0, links: [] });
        // A wanted person's car often has its own alert, linked to theirs.
        if (!minor && rng.chance(0.12)) {
          items.push({ kind: 'object', line: vehicle(rng, today, entity), source });
          items.push({ kind: 'alert', line: objectAlert(rng, today, 'vehicle', issuerName(source)), source, subject: 2, links: [1] });
          (items[1] as { links: number[] }).links.push(3);
        }
      }
      const bundle: Bundle = { releaseAt: j === 0 ? index : index + 1 + rng.int(MAX_DELAY), seq: seq++, items };
      if (j === 0) firstBundle = bundle;
      else heap.push(bundle);
    }

    // Objects around the person: stolen cars, lost documents, accounts, weapons.
    const objects: Item[] = [];
    const addObject = (line: ObjectLineData, registryKind: Parameters<typeof sourcesOfKind>[0], alertShare: number) => {
      const inAlerts = rng.chance(alertShare);
      const source = inAlerts ? rng.pick(ALERT_SOURCES) : rng.pick(sourcesOfKind(registryKind));
      objects.push({ kind: 'object', line, source });
      if (inAlerts) objects.push({ kind: 'alert', line: objectAlert(rng, today, line.kind, issuerName(source)), source, subject: objects.length - 1, links: [] });
    };
    if (rng.chance(0.06)) addObject(vehicle(rng, today, rng.chance(0.5) ? entity : undefined), 'vehicle_register', 0.45);
    if (rng.chance(0.05)) addObject(travelDocument(rng, today, rng.chance(0.5) ? entity : undefined), 'documents', 0.4);
    if (rng.chance(0.03)) addObject(bankAccount(rng, rng.chance(0.5) ? holderName(personLines) : undefined), 'bank_accounts', 0.35);
    if (rng.chance(0.015)) addObject(firearm(rng), 'firearms_register', 0.4);
    if (rng.chance(0.01)) addObject(numberPlate(rng), 'vehicle_register', 0.7);
    if (rng.chance(0.004)) addObject(culturalGood(rng), 'cultural_goods', 0.3);

    if (firstBundle) yield* release(firstBundle);
    if (objects.length > 0) yield* release({ releaseAt: index, seq: seq++, items: objects });
  }
  while (heap.size > 0) yield* release(heap.pop()!);
}
