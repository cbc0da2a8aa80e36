// The population as a stream: authorities, sources, then persons, objects
// and alerts in the order a registry export would show them. Further
// records of one person are held back for a while (other sources report
// at other times), so neighbours in the file are not a hint for matching.
// Memory stays bounded by that hold-back window, whatever the size.
import type { ImportLine } from '../domain/import-record.ts';
import { AUTHORITIES, SOURCES, personSourceTable, sourcesOfKind, type SourceSpec } from './authorities.ts';
import { personAlert, objectAlert, type AlertLineData } from './alerts.ts';
import { parseYmd, toDays, type Ymd } from './dates.ts';
import { RefMaker } from './refs.ts';
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
  | { kind: 'person'; line: PersonLineData; source: SourceSpec; truth: TruthRow; slot: number }
  | { kind: 'object'; line: ObjectLineData; source: SourceSpec; slot: number }
  | { kind: 'alert'; line: AlertLineData; source: SourceSpec; subject: number; links: number[]; slot: number };

/**
 * What one entity contributes, in creation order: its person records
 * (first one first, each with the alerts and linked objects that belong
 * to it), then the objects around it. Refs are final.
 */
export interface EntityBundle {
  /** Entity number after which the bundle is written (further records are held back). */
  releaseAt: number;
  /** Person records in the bundle (1, or 0 for the objects bundle). */
  persons: number;
  items: PopulationItem[];
}

// Slots (see refs.ts): person records 0–4, their alerts 5–9, linked vehicles
// 10–14 and their alerts 15–19, objects 20–25 and their alerts 26–31.
const MAX_RECORDS = 5;
const SLOT_ALERT = 5;
const SLOT_LINKED_VEHICLE = 10;
const SLOT_LINKED_ALERT = 15;
const SLOT_OBJECT = 20;
const SLOT_OBJECT_ALERT = 26;

export function parseToday(today: string | undefined): Ymd {
  const d = parseYmd(today ?? DEFAULT_TODAY);
  if (!d) throw new Error(`today must be a valid YYYY-MM-DD date, got '${today}'`);
  return d;
}

const ALERT_SOURCES = sourcesOfKind('alerts');
const VEHICLE_REGISTERS = sourcesOfKind('vehicle_register');
const DOCUMENT_REGISTERS = sourcesOfKind('documents');
const ACCOUNT_REGISTERS = sourcesOfKind('bank_accounts');
const FIREARM_REGISTERS = sourcesOfKind('firearms_register');
const CULTURAL_REGISTERS = sourcesOfKind('cultural_goods');
const UNKNOWN_SUSPECT_SHARE = 0.002;

/** Alerts name the authority that issued them, not its registry. */
function issuerName(source: SourceSpec): string {
  return AUTHORITIES.find((a) => a.id === source.line.authorityId)?.name ?? source.line.name;
}

function ageOn(e: Entity, today: Ymd): number {
  return Math.floor((toDays(today) - toDays(e.birth)) / 365.25);
}

/** A Latin rendering of the entity's name for account holders and the like. */
function holderName(lines: PersonLineData[]): string | undefined {
  const n = lines[0]?.names.find((x) => x.script === 'latin');
  return n ? [n.given, n.family].filter(Boolean).join(' ') : undefined;
}

function finish(items: Item[], index: number, refs: RefMaker): PopulationItem[] {
  const refOf = (it: Item) => refs.ref(it.source.refPrefix, it.kind === 'person' ? 'P' : it.kind === 'object' ? 'O' : 'A', index, it.slot);
  const out: PopulationItem[] = [];
  const itemRefs = items.map(refOf);
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    it.line.ref = itemRefs[i];
    it.line.source = it.source.line.id;
    if (it.kind === 'alert') {
      it.line.subject.ref = itemRefs[it.subject];
      const subjectSource = items[it.subject].source;
      if (subjectSource !== it.source) it.line.subject.source = subjectSource.line.id;
      it.line.links = it.links.map((l) => itemRefs[l]);
    }
    out.push(it.line as ImportLine);
    if (it.kind === 'person') {
      it.truth.source = it.source.line.id;
      it.truth.ref = itemRefs[i];
      out.push(it.truth);
    }
  }
  return out;
}

/**
 * Everything entity `index` contributes, as bundles in creation order. A
 * pure function of (seed, index, today): any worker can compute any entity.
 */
export function entityBundles(seed: number, index: number, today: Ymd, refs: RefMaker): EntityBundle[] {
  const rng = new Rng(seed, index);
  const entity = createEntity(rng, index, today);
  if (rng.chance(UNKNOWN_SUSPECT_SHARE)) {
    // Known only by traces (prints, DNA): the record carries a placeholder, not a name.
    const source = rng.pick(ALERT_SOURCES);
    const line: PersonLineData = {
      type: 'person', source: '', ref: '', names: [{ family: 'UNKNOWN', script: 'latin', kind: 'primary' }],
      birthDate: String(entity.birth.y), nationalities: [], addresses: [], documents: [], sex: entity.sex,
    };
    const items: Item[] = [
      { kind: 'person', line, source, slot: 0, truth: { type: 'truth', source: '', ref: '', entity: entity.id, record: 1, variations: [] } },
      { kind: 'alert', line: personAlert(rng, today, { minor: false, thirdCountry: false, issuer: issuerName(source), unknownSuspect: true }), source, subject: 0, links: [], slot: SLOT_ALERT },
    ];
    return [{ releaseAt: index, persons: 1, items: finish(items, index, refs) }];
  }
  const thirdCountry = !entity.nationality.eu;
  const minor = ageOn(entity, today) < 18;
  const k = rng.weighted(RECORD_COUNT);
  const table = personSourceTable(entity.nationality.code, entity.residence, thirdCountry);
  const used: SourceSpec[] = [];
  const personLines: PersonLineData[] = [];
  const bundles: EntityBundle[] = [];
  for (let j = 0; j < k && j < MAX_RECORDS; j++) {
    let source = rng.weighted(table);
    // Mostly another source; now and then the same registry holds the person twice.
    for (let t = 0; t < 4 && used.includes(source) && !rng.chance(0.05); t++) source = rng.weighted(table);
    used.push(source);
    const rendered = renderPerson(rng, entity, source, j === 0);
    personLines.push(rendered.line);
    const items: Item[] = [{
      kind: 'person', line: rendered.line, source, slot: j,
      truth: { type: 'truth', source: '', ref: '', entity: entity.id, record: j + 1, variations: rendered.variations },
    }];
    if (source.line.kind === 'alerts' && rng.chance(0.95)) {
      items.push({ kind: 'alert', line: personAlert(rng, today, { minor, thirdCountry, issuer: issuerName(source) }), source, subject: 0, links: [], slot: SLOT_ALERT + j });
      // A wanted person's car often has its own alert, linked to theirs.
      if (!minor && rng.chance(0.12)) {
        items.push({ kind: 'object', line: vehicle(rng, today, entity), source, slot: SLOT_LINKED_VEHICLE + j });
        items.push({ kind: 'alert', line: objectAlert(rng, today, 'vehicle', issuerName(source)), source, subject: 2, links: [1], slot: SLOT_LINKED_ALERT + j });
        (items[1] as { links: number[] }).links.push(3);
      }
    }
    bundles.push({ releaseAt: j === 0 ? index : index + 1 + rng.int(MAX_DELAY), persons: 1, items: finish(items, index, refs) });
  }

  // Objects around the person: stolen cars, lost documents, accounts, weapons.
  const objects: Item[] = [];
  let objectSlot = 0;
  const addObject = (line: ObjectLineData, registry: SourceSpec[], alertShare: number) => {
    const inAlerts = rng.chance(alertShare);
    const source = inAlerts ? rng.pick(ALERT_SOURCES) : rng.pick(registry);
    objects.push({ kind: 'object', line, source, slot: SLOT_OBJECT + objectSlot });
    if (inAlerts) objects.push({ kind: 'alert', line: objectAlert(rng, today, line.kind, issuerName(source)), source, subject: objects.length - 1, links: [], slot: SLOT_OBJECT_ALERT + objectSlot });
    objectSlot++;
  };
  if (rng.chance(0.06)) addObject(vehicle(rng, today, rng.chance(0.5) ? entity : undefined), VEHICLE_REGISTERS, 0.45);
  if (rng.chance(0.05)) addObject(travelDocument(rng, today, rng.chance(0.5) ? entity : undefined), DOCUMENT_REGISTERS, 0.4);
  if (rng.chance(0.03)) addObject(bankAccount(rng, rng.chance(0.5) ? holderName(personLines) : undefined), ACCOUNT_REGISTERS, 0.35);
  if (rng.chance(0.015)) addObject(firearm(rng), FIREARM_REGISTERS, 0.4);
  if (rng.chance(0.01)) addObject(numberPlate(rng), VEHICLE_REGISTERS, 0.7);
  if (rng.chance(0.004)) addObject(culturalGood(rng), CULTURAL_REGISTERS, 0.3);
  if (objects.length > 0) bundles.push({ releaseAt: index, persons: 0, items: finish(objects, index, refs) });
  return bundles;
}

/**
 * Puts entities' bundles into file order: by the entity after which they
 * are due, then in creation order. Cuts the last entity's records so the
 * population has exactly the requested number of person records.
 */
export class ReleaseQueue<T> {
  private heap: Array<{ releaseAt: number; seq: number; payload: T }> = [];
  private seq = 0;
  persons = 0;

  constructor(private readonly limit: number) {}

  get full(): boolean {
    return this.persons >= this.limit;
  }

  /** Adds one entity's bundles (creation order), dropping person records beyond the limit. */
  add(bundles: ReadonlyArray<{ releaseAt: number; persons: number; payload: T }>): void {
    for (const b of bundles) {
      if (b.persons > 0 && this.persons >= this.limit) continue;
      this.persons += b.persons;
      this.push({ releaseAt: b.releaseAt, seq: this.seq++, payload: b.payload });
    }
  }

  /** Bundles due at or before entity `index`, in file order. */
  *due(index: number): Generator<T> {
    while (this.heap.length > 0 && this.heap[0].releaseAt <= index) yield this.pop().payload;
  }

  *drain(): Generator<T> {
    while (this.heap.length > 0) yield this.pop().payload;
  }

  private less(i: number, j: number): boolean {
    const x = this.heap[i];
    const y = this.heap[j];
    return x.releaseAt < y.releaseAt || (x.releaseAt === y.releaseAt && x.seq < y.seq);
  }

  private push(e: { releaseAt: number; seq: number; payload: T }): void {
    const a = this.heap;
    a.push(e);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }

  private pop(): { releaseAt: number; seq: number; payload: T } {
    const a = this.heap;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.less(l, m)) m = l;
        if (r < a.length && this.less(r, m)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
}

/** The authority and source lines every population starts with. */
export function headerLines(): ImportLine[] {
  return [...AUTHORITIES, ...SOURCES.map((s) => s.line)];
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
  yield* headerLines();
  const refs = new RefMaker(opts.seed);
  const queue = new ReleaseQueue<PopulationItem[]>(opts.persons);
  for (let index = 1; !queue.full; index++) {
    for (const items of queue.due(index)) yield* items;
    queue.add(entityBundles(opts.seed, index, today, refs).map((b) => ({ ...b, payload: b.items })));
    for (const items of queue.due(index)) yield* items;
  }
  for (const items of queue.drain()) yield* items;
}
