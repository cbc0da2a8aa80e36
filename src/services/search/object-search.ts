// Object identifiers in the single search: normalised and validated first
// (IBAN check digits, VIN rules, plate formats, serials, document numbers),
// then looked up exactly and by the key that folds letter/digit confusions.
import type { FieldIssue } from '../../domain/errors.ts';
import {
  documentNumberKey,
  foldConfusables,
  normaliseDocumentNumber,
  normaliseIban,
  normalisePlate,
  normaliseSerial,
  normaliseVin,
  plateKey,
  serialKey,
  toCountryCode,
} from '../../identifiers/index.ts';
import type { Database } from '../../store/database.ts';
import type { ObjectQuery } from './schemas.ts';
import type { HitExplanation } from './types.ts';

/** A validated identifier ready for lookup. */
export interface ObjectLookup {
  /** What it was read as: vin, plate, serial, iban, document_number. */
  matchedOn: 'vin' | 'plate' | 'serial' | 'iban' | 'document_number';
  value: string;
  key: string;
  kinds: string[];
  country?: string;
  warnings: string[];
}

export type LookupResult = { ok: true; lookup: ObjectLookup } | { ok: false; issues: FieldIssue[] };

const LABEL: Record<ObjectLookup['matchedOn'], string> = {
  vin: 'VIN',
  plate: 'number plate',
  serial: 'serial number',
  iban: 'IBAN',
  document_number: 'document number',
};

/** The normalised identifier and where to look for it; a precise issue when it is not valid. */
export function prepareObjectLookup(q: ObjectQuery, path = 'object'): LookupResult {
  let country: string | undefined;
  if (q.country !== undefined) {
    const c = toCountryCode(q.country);
    if (!c.ok) return { ok: false, issues: [{ path: `${path}/country`, message: c.error }] };
    country = c.value;
  }
  const bad = (message: string): LookupResult => ({ ok: false, issues: [{ path: `${path}/value`, message }] });
  switch (q.kind) {
    case 'iban': {
      const r = normaliseIban(q.value);
      if (!r.ok) return bad(r.error);
      return { ok: true, lookup: { matchedOn: 'iban', value: r.value, key: r.value, kinds: ['bank_account'], warnings: r.warnings ?? [] } };
    }
    case 'firearm': {
      const r = normaliseSerial(q.value);
      if (!r.ok) return bad(r.error);
      return { ok: true, lookup: { matchedOn: 'serial', value: r.value, key: serialKey(r.value), kinds: ['firearm'], warnings: r.warnings ?? [] } };
    }
    case 'document': {
      const r = normaliseDocumentNumber(q.value);
      if (!r.ok) return bad(r.error);
      return { ok: true, lookup: { matchedOn: 'document_number', value: r.value, key: documentNumberKey(r.value), kinds: ['document'], country, warnings: r.warnings ?? [] } };
    }
    case 'vehicle': {
      const compact = q.value.replace(/[\s\-.]/g, '');
      if (compact.length === 17) {
        const r = normaliseVin(q.value);
        if (!r.ok) return bad(r.error);
        return { ok: true, lookup: { matchedOn: 'vin', value: r.value, key: foldConfusables(r.value), kinds: ['vehicle'], warnings: r.warnings ?? [] } };
      }
      return platelookup(q.value, country, ['vehicle', 'number_plate'], path);
    }
    case 'plate':
      return platelookup(q.value, country, ['vehicle', 'number_plate'], path);
  }
}

function platelookup(value: string, country: string | undefined, kinds: string[], path: string): LookupResult {
  const r = normalisePlate(value, country);
  if (!r.ok) return { ok: false, issues: [{ path: `${path}/value`, message: r.error }] };
  return { ok: true, lookup: { matchedOn: 'plate', value: r.value, key: plateKey(r.value), kinds, country, warnings: r.warnings ?? [] } };
}

export interface ObjectMatch {
  id: string;
  sourceId: string;
  ref: string;
  kind: string;
  display: string;
  probability: number;
  explanation: HitExplanation;
  matchedOn: ObjectLookup['matchedOn'];
}

export interface ObjectRow {
  id: string;
  source_id: string;
  ref: string;
  kind: string;
  identifier: string | null;
  identifier2: string | null;
  country: string | null;
  display_name: string;
}

/**
 * The objects whose identifier (or its letter/digit-folded key) is the
 * lookup's, in the sources given by `sourcesParam`. `param` adds a parameter
 * and returns its placeholder.
 */
export function objectCandidatesSql(l: ObjectLookup, limit: number, sourcesParam: string, param: (v: unknown) => string): string {
  const key = param(l.key);
  return `select id, source_id, ref, kind, identifier, identifier2, country, display_name from objects
        where (identifier_key = ${key} or identifier2_key = ${key} or identifier = ${param(l.value)})
          and kind = any(${param(l.kinds)}::text[]) and source_id = any(${sourcesParam}::text[]) and deleted_at is null
        limit ${param(limit * 4)}`;
}

/** Ranks and explains the objects found for one lookup. */
export function objectMatches(l: ObjectLookup, rows: ObjectRow[], limit: number): ObjectMatch[] {
  const label = LABEL[l.matchedOn];
  const out: ObjectMatch[] = rows.map((r) => {
    const stored = r.identifier === l.value || r.identifier2 === l.value ? l.value : (r.identifier2 && foldedEq(r.identifier2, l) ? r.identifier2 : r.identifier) ?? '';
    const exact = stored === l.value;
    let probability = exact ? 0.99 : 0.9;
    const fields: HitExplanation['fields'] = [
      { field: l.matchedOn, label, levelLabel: exact ? 'identical' : 'equal up to letter/digit confusions (O/0, I/1, S/5, B/8)', values: `${l.value} ~ ${stored}` },
    ];
    if (l.country && r.country && r.country !== l.country && (l.matchedOn === 'plate' || l.matchedOn === 'document_number')) {
      // The same characters on a plate or document of another country are most likely another object.
      probability *= 0.3;
      fields.push({ field: 'country', label: 'country', levelLabel: 'different', values: `${l.country} ~ ${r.country}` });
    } else if (l.country && r.country === l.country) {
      fields.push({ field: 'country', label: 'country', levelLabel: 'identical', values: `${l.country} ~ ${r.country}` });
    }
    const summary = fields.map((f) => `${f.label} ${f.levelLabel} (${f.values})`).join('; ');
    return {
      id: r.id,
      sourceId: r.source_id,
      ref: r.ref,
      kind: r.kind,
      display: r.display_name,
      probability: Math.round(probability * 1000) / 1000,
      explanation: { summary, fields },
      matchedOn: l.matchedOn,
    };
  });
  return out.sort((a, b) => b.probability - a.probability).slice(0, limit);
}

export async function searchObjects(database: Database, l: ObjectLookup, sourceIds: string[], limit: number): Promise<ObjectMatch[]> {
  if (!sourceIds.length) return [];
  const params: unknown[] = [sourceIds];
  const param = (v: unknown) => `$${params.push(v)}`;
  return objectMatches(l, await database.query<ObjectRow>(objectCandidatesSql(l, limit, '$1', param), params), limit);
}

function foldedEq(stored: string, l: ObjectLookup): boolean {
  return l.matchedOn === 'plate' ? plateKey(stored) === l.key : foldConfusables(stored) === foldConfusables(l.value);
}
