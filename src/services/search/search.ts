// The single search: one call over every source the searcher may see for
// the stated purpose. Persons go through the matching engine, identifiers
// through their validators and key lookups; hits carry the alerts on them
// and what to do; hit/no-hit sources say only whom to ask. Each search is
// logged in `searches` and in the audit trail with everything it showed.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../access/actor.ts';
import { authorize, searchableSources } from '../../access/policy.ts';
import { ValidationError, issuesFromZod, type FieldIssue } from '../../domain/errors.ts';
import type { MatchRecord } from '../../domain/match-record.ts';
import { detectIdentifier, normaliseDocumentNumber, parseMrz, toCountryCode, type DetectedQuery, type ParsedMrz } from '../../identifiers/index.ts';
import { effectiveAlertsOn } from '../alerts/read.ts';
import { auditBody, withAuditAppend } from '../audit/audit-log.ts';
import { isoDay } from '../clock.ts';
import { prepared, rawQuery } from '../../store/database.ts';
import { blockingKeysOf, extractFeatures } from '../../matching/index.ts';
import type { NodeContext } from '../context.ts';
import { lookUpCandidates } from './lookup.ts';
import { searchModel } from './model.ts';
import { objectMatches, prepareObjectLookup, type ObjectLookup } from './object-search.ts';
import { personCandidateQuery, scorePersonCandidates } from './person-search.ts';
import { knownSources, readSources, type SourceRegister } from './sources.ts';
import { SearchRequest, type ObjectQueryKind, type PersonQuery } from './schemas.ts';
import type { MrzSummary, RecordHit, SearchHit, SearchInterpretation, SearchResult } from './types.ts';

const RECORD_SEARCH = prepared(
  withAuditAppend(
    `insert into searches (id, actor_id, actor_name, authority_id, purpose, case_reference, criteria, keys, identifiers, hit_count, alert_hit_count, searched_at)
     values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::text[], $9::text[], $10, $11, $12)`,
    '$13',
  ),
);

/** Readings of free text as a name below this confidence are listed but not searched (unless nothing scores higher). */
const TEXT_CONFIDENCE = 0.5;
/** Identifier readings cost one index lookup each, so weaker ones are searched too: a serial typed alone reads as a plate first. */
const TEXT_IDENTIFIER_CONFIDENCE = 0.3;

interface PersonTask {
  record: MatchRecord;
  matchedOn: string;
}

interface Plan {
  persons: PersonTask[];
  objects: ObjectLookup[];
  warnings: string[];
  interpretations?: SearchInterpretation[];
  mrz?: MrzSummary;
}

function emptyRecord(): MatchRecord {
  return { id: 'query', names: [], birthDate: '', sex: '', nationalities: [], placeOfBirth: '', documentNumbers: [], address: '' };
}

function personQueryRecord(p: PersonQuery, issues: FieldIssue[]): MatchRecord {
  const rec = emptyRecord();
  const names = p.names === undefined ? [] : Array.isArray(p.names) ? p.names : [p.names];
  rec.names = names.map((n) => ({ given: n.given?.trim() ?? '', family: n.family?.trim() ?? '' }));
  rec.birthDate = p.birthDate ?? '';
  rec.sex = p.sex === 'M' || p.sex === 'F' ? p.sex : '';
  if (p.nationality !== undefined) {
    const c = toCountryCode(p.nationality);
    if (c.ok) rec.nationalities = [c.value];
    else issues.push({ path: 'person/nationality', message: c.error });
  }
  if (p.documentNumber !== undefined) {
    const d = normaliseDocumentNumber(p.documentNumber);
    if (d.ok) rec.documentNumbers = [d.value];
    else issues.push({ path: 'person/documentNumber', message: d.error });
  }
  return rec;
}

function mrzSummary(m: ParsedMrz, warnings: string[]): MrzSummary {
  const failed = m.checks.filter((c) => !c.valid).map((c) => c.field);
  return { format: m.format, documentType: m.documentType, documentNumber: m.documentNumber, issuingCountry: m.issuingCountry, valid: failed.length === 0, failedChecks: failed, warnings };
}

function mrzPlan(m: ParsedMrz, warnings: string[], plan: Plan): void {
  const summary = mrzSummary(m, warnings);
  plan.mrz = summary;
  if (!summary.valid) {
    plan.warnings.push(`MRZ check digit failed for ${summary.failedChecks.join(', ')}: the document may be forged or misread; searched anyway on what it says`);
  }
  plan.warnings.push(...warnings.filter((w) => !plan.warnings.includes(w)));
  const rec = emptyRecord();
  rec.names = [{ given: m.givenNames, family: m.surname }];
  rec.birthDate = m.birthDate;
  rec.sex = m.sex === 'M' || m.sex === 'F' ? m.sex : '';
  rec.nationalities = m.nationality ? [m.nationality] : [];
  rec.documentNumbers = m.documentNumber ? [m.documentNumber] : [];
  plan.persons.push({ record: rec, matchedOn: 'mrz' });
  if (m.documentNumber) {
    const l = prepareObjectLookup({ kind: 'document', value: m.documentNumber, country: m.issuingCountry }, 'mrz');
    if (l.ok) plan.objects.push(l.lookup);
  }
}

/** "Müller, Anna" is family-first; "Anna Müller" and "MÜLLER Anna" are left to the engine, which sees swapped order. */
function nameFromText(value: string): { given: string; family: string } {
  const comma = value.indexOf(',');
  if (comma > 0) return { family: value.slice(0, comma).trim(), given: value.slice(comma + 1).trim() };
  const tokens = value.split(/\s+/u).filter(Boolean);
  if (tokens.length === 1) return { given: '', family: tokens[0] };
  return { given: tokens.slice(0, -1).join(' '), family: tokens[tokens.length - 1] };
}

const TEXT_OBJECT_KIND: Partial<Record<DetectedQuery['kind'], ObjectQueryKind>> = {
  iban: 'iban',
  vin: 'vehicle',
  plate: 'plate',
  document_number: 'document',
  serial: 'firearm',
};

function textPlan(text: string, today: Date, plan: Plan): void {
  const readings = detectIdentifier(text, { today });
  if (!readings.length) {
    plan.warnings.push('the text could not be read as a name, MRZ, IBAN, VIN, plate, document or serial number');
    plan.interpretations = [];
    return;
  }
  const best = readings[0].confidence;
  plan.interpretations = readings.map((r) => {
    const searched = r.confidence >= (r.kind === 'name' ? TEXT_CONFIDENCE : TEXT_IDENTIFIER_CONFIDENCE) || r.confidence === best;
    return { kind: r.kind, value: r.value, confidence: r.confidence, searched, ...(r.warnings ? { warnings: r.warnings } : {}) };
  });
  for (const [i, r] of readings.entries()) {
    if (!plan.interpretations[i].searched) continue;
    if (r.kind === 'mrz') {
      if (r.mrz) mrzPlan(r.mrz, r.warnings ?? [], plan);
      else plan.warnings.push(`the text looks like an MRZ but cannot be read: ${(r.warnings ?? []).join('; ')}`);
    } else if (r.kind === 'name') {
      const rec = emptyRecord();
      rec.names = [nameFromText(r.value)];
      rec.birthDate = r.birthDate ?? '';
      plan.persons.push({ record: rec, matchedOn: 'person' });
    } else {
      const kind = TEXT_OBJECT_KIND[r.kind];
      if (!kind) continue;
      const l = prepareObjectLookup({ kind, value: r.value }, 'text');
      if (l.ok) plan.objects.push(l.lookup);
      if (r.kind === 'document_number') {
        const rec = emptyRecord();
        rec.documentNumbers = [r.value];
        plan.persons.push({ record: rec, matchedOn: 'document_number' });
      }
    }
  }
}

function buildPlan(req: SearchRequest, today: Date): Plan {
  const plan: Plan = { persons: [], objects: [], warnings: [] };
  const issues: FieldIssue[] = [];
  if (req.person) plan.persons.push({ record: personQueryRecord(req.person, issues), matchedOn: 'person' });
  if (req.mrz !== undefined) {
    const m = parseMrz(req.mrz, { today });
    if (!m.ok) issues.push({ path: 'mrz', message: m.error });
    else mrzPlan(m.value, m.warnings ?? [], plan);
  }
  if (req.object) {
    const l = prepareObjectLookup(req.object);
    if (!l.ok) issues.push(...l.issues);
    else {
      plan.objects.push(l.lookup);
      plan.warnings.push(...l.lookup.warnings);
      if (l.lookup.matchedOn === 'document_number') {
        const rec = emptyRecord();
        rec.documentNumbers = [l.lookup.value];
        plan.persons.push({ record: rec, matchedOn: 'document_number' });
      }
    }
  }
  if (issues.length) throw new ValidationError('The search cannot run as asked.', issues);
  if (req.text !== undefined) textPlan(req.text, today, plan);
  return plan;
}

/** The keys and identifiers a search is recorded under, for "watch" (src/services/exchange). */
export function identifierToken(l: Pick<ObjectLookup, 'matchedOn' | 'key'>): string {
  return `${l.matchedOn}:${l.key}`;
}

function criteriaSummary(req: SearchRequest, plan: Plan) {
  return {
    person: req.person,
    mrz: plan.mrz ? { documentNumber: plan.mrz.documentNumber, issuingCountry: plan.mrz.issuingCountry, valid: plan.mrz.valid } : undefined,
    object: req.object,
    text: req.text,
    interpretations: plan.interpretations?.filter((i) => i.searched).map((i) => `${i.kind}:${i.value}`),
  };
}

export async function search(node: NodeContext, actor: Actor | null, input: unknown): Promise<SearchResult> {
  authorize(actor, 'search.run');
  const parsed = SearchRequest.safeParse(input);
  if (!parsed.success) throw new ValidationError('The search request is not valid.', issuesFromZod(parsed.error));
  return runSearch(node, actor, parsed.data);
}

/** The search of a request already parsed by SearchRequest (the HTTP route validates its body on the way in). */
export async function runSearch(node: NodeContext, actor: Actor | null, req: SearchRequest): Promise<SearchResult> {
  authorize(actor, 'search.run', { purpose: req.purpose });
  const now = node.clock.now();
  const today = isoDay(now);
  const plan = buildPlan(req, now);

  const cm = await searchModel(node);
  const inner = Math.max(req.limit * 2, 50);
  const personQueries = plan.persons.map((task) => {
    const qf = extractFeatures(task.record);
    const keys = blockingKeysOf(qf);
    return { task, qf, keys, lookup: personCandidateQuery(task.record, keys) };
  });
  const lookUp = (register: SourceRegister) => {
    const access = searchableSources(actor, req.purpose, register.rows);
    return lookUpCandidates(node.database, access.allowed.map((s) => s.id), personQueries.map((q) => q.lookup), plan.objects, inner, today).then((c) => ({ access, candidates: c }));
  };
  // The register read last time, checked by the lookup itself; re-read and looked up again only when it changed.
  let register = await knownSources(node.database);
  let { access, candidates } = await lookUp(register);
  if (candidates.sourcesVersion !== register.version) {
    register = await readSources(node.database);
    ({ access, candidates } = await lookUp(register));
  }
  const sources = register.rows;
  const { allowed, refused } = access;
  const byId = new Map(sources.map((s) => [s.id, s]));
  const allowedIds = allowed.map((s) => s.id);

  const personHits = new Map<string, RecordHit>();
  const keys = new Set<string>();
  let total = 0;
  for (const [i, q] of personQueries.entries()) {
    const { task } = q;
    const out = scorePersonCandidates(cm, task.record, q.qf, q.keys, candidates.persons[i]!, { limit: inner });
    out.keys.forEach((k) => keys.add(k));
    total += out.total;
    if (task.record.names.length > 0 && out.keys.length === 0 && task.record.documentNumbers.length === 0) {
      plan.warnings.push('too little to search a person on: give a given name with the family name, or a birth year');
    }
    for (const m of out.matches) {
      const prev = personHits.get(m.id);
      if (prev && prev.probability >= m.probability) continue;
      personHits.set(m.id, { source: m.sourceId, kind: 'person', recordId: m.id, ref: m.ref, probability: round(m.probability), explanation: m.explanation, alerts: [], display: m.display, matchedOn: task.matchedOn });
    }
  }
  const objectHits = new Map<string, RecordHit>();
  for (const [i, l] of plan.objects.entries()) {
    for (const m of objectMatches(l, candidates.objects[i]!, inner)) {
      const prev = objectHits.get(m.id);
      if (prev && prev.probability >= m.probability) continue;
      objectHits.set(m.id, { source: m.sourceId, kind: 'object', recordId: m.id, ref: m.ref, objectKind: m.kind, probability: m.probability, explanation: m.explanation, alerts: [], display: m.display, matchedOn: m.matchedOn });
    }
  }

  const personAlerts = await effectiveAlertsOn(node.database.db, [...personHits.keys()], [], today, allowedIds);
  const alerts = (id: string) => personAlerts.get(id) ?? candidates.objectAlerts.get(id) ?? [];
  const ranked = [...personHits.values(), ...objectHits.values()];
  // An alert kept in a hit/no-hit register shows as that register's hit, not with its content.
  const hitNoHitAlerts = new Map<string, number>();
  for (const [i, h] of ranked.entries()) {
    const all = alerts(h.recordId);
    h.alerts = all.filter((a) => !byId.get(a.source)?.hitNoHit);
    for (const a of all) if (byId.get(a.source)?.hitNoHit && !hitNoHitAlerts.has(a.source)) hitNoHitAlerts.set(a.source, i);
  }
  ranked.sort((a, b) => b.probability - a.probability || (b.explanation.weight ?? 0) - (a.explanation.weight ?? 0) || b.alerts.length - a.alerts.length || a.recordId.localeCompare(b.recordId));
  const totalHits = Math.max(total, personHits.size) + objectHits.size;

  // Hit/no-hit sources: one entry per source, where its best hit ranks, and nothing of the record.
  const hits: SearchHit[] = [];
  const hitNoHitShown = new Set<string>();
  const hiddenRecords: { type: string; id: string }[] = [];
  let recordHits = 0;
  const showHitNoHit = (sourceId: string) => {
    if (hitNoHitShown.has(sourceId)) return;
    const src = byId.get(sourceId)!;
    hitNoHitShown.add(sourceId);
    hits.push({ source: sourceId, hit: true, contact: { authorityId: src.authorityId, name: src.authorityName, country: src.country } });
  };
  for (const [i, h] of ranked.entries()) {
    for (const [sourceId, at] of hitNoHitAlerts) if (at === i) showHitNoHit(sourceId);
    const src = byId.get(h.source);
    if (src?.hitNoHit) {
      hiddenRecords.push({ type: h.kind, id: h.recordId });
      showHitNoHit(h.source);
      continue;
    }
    if (recordHits >= req.limit) continue;
    recordHits++;
    hits.push(h);
  }

  const searchId = randomUUID();
  const shown = hits.filter((h): h is RecordHit => 'recordId' in h);
  const alertHitCount = shown.reduce((n, h) => n + h.alerts.length, 0);
  const identifiers = plan.objects.map(identifierToken);
  const criteria = criteriaSummary(req, plan);
  const audit = auditBody({
    at: node.clock.now(),
    actor,
    action: 'search',
    outcome: 'ok',
    purpose: req.purpose,
    caseReference: req.caseReference,
    query: criteria,
    returned: [
      ...shown.map((h) => ({ type: h.kind, id: h.recordId })),
      ...shown.flatMap((h) => h.alerts.map((a) => ({ type: 'alert', id: a.id }))),
      ...[...hitNoHitShown].map((id) => ({ type: 'hit_no_hit_source', id })),
    ],
    details: { searchId, hits: hits.length, alertHits: alertHitCount, sourcesSearched: allowedIds, sourcesRefused: refused.map((r) => r.source.id), hitNoHitRecords: hiddenRecords },
  });
  // The search's record and its audit entry in one statement: both or neither, in one round trip.
  await rawQuery(
    node.database.db,
    RECORD_SEARCH,
    [searchId, actor.id, actor.name, actor.authorityId, req.purpose, req.caseReference, JSON.stringify(criteria), [...keys], identifiers, hits.length, alertHitCount, now, audit],
  );

  return {
    searchId,
    purpose: req.purpose,
    caseReference: req.caseReference,
    searchedAt: now.toISOString(),
    sources: {
      searched: allowed.map((s) => ({ id: s.id, name: byId.get(s.id)?.name ?? s.id, authorityId: s.authorityId, hitNoHit: s.hitNoHit })),
      notSearched: refused.map((r) => ({ id: r.source.id, name: byId.get(r.source.id)?.name ?? r.source.id, reason: r.reason })),
    },
    ...(plan.interpretations ? { interpretations: plan.interpretations } : {}),
    ...(plan.mrz ? { mrz: plan.mrz } : {}),
    warnings: [...new Set(plan.warnings)],
    hits,
    totalHits,
  };
}

function round(p: number): number {
  return Math.round(p * 1000) / 1000;
}
