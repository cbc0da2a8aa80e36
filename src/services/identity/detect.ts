// Multiple-identity detection inside a node: persons in different sources
// that share a blocking key are scored by the matching engine; pairs at or
// above the threshold become yellow links for an officer to verify. Blocks
// of very common keys are skipped (they carry little evidence and would
// make the work quadratic); the stronger keys of the same persons still meet.
import { randomUUID } from 'node:crypto';
import { nodeActor } from '../access/system-actor.ts';
import type { Actor } from '../../access/actor.ts';
import { authorize } from '../../access/policy.ts';
import { ValidationError, issuesFromZod } from '../../domain/errors.ts';
import { personToMatchRecord, type MatchRecord } from '../../domain/match-record.ts';
import type { PersonRecord } from '../../domain/person.ts';
import { explainFeatures, extractFeatures, scorePair, type RecordFeatures } from '../../matching/index.ts';
import { appendAudit } from '../audit/audit-log.ts';
import type { NodeContext } from '../context.ts';
import { searchModel } from '../search/model.ts';
import { toHitExplanation } from '../search/person-search.ts';
import { z } from 'zod';

export const DEFAULT_LINK_THRESHOLD = 0.8;
/** Keys shared by more persons than this are not used to form pairs. */
export const MAX_BLOCK = 200;
const BATCH = 500;

export const DetectRequest = z
  .object({
    /** Only these persons (e.g. just imported); default all. */
    personIds: z.array(z.uuid()).max(10_000).optional(),
    /** Only persons of this source. */
    source: z.string().min(1).max(63).optional(),
    /** Probability at or above which a pair becomes a yellow link. */
    threshold: z.number().gt(0).lt(1).default(DEFAULT_LINK_THRESHOLD),
  })
  .strict()
  .meta({ id: 'DetectIdentitiesRequest' });
export type DetectRequest = z.input<typeof DetectRequest>;

export interface DetectionSummary {
  runId: string;
  examined: number;
  candidatePairs: number;
  linksCreated: number;
  threshold: number;
}

interface PersonRow {
  id: string;
  source_id: string;
  record: PersonRecord | string;
}

interface Loaded {
  source: string;
  rec: MatchRecord;
  f: RecordFeatures;
}

async function loadPersons(node: NodeContext, ids: string[], into: Map<string, Loaded>): Promise<void> {
  const missing = ids.filter((id) => !into.has(id));
  if (!missing.length) return;
  const rows = await node.database.query<PersonRow>('select id, source_id, record from persons where id = any($1::uuid[]) and deleted_at is null', [missing]);
  for (const r of rows) {
    const rec = personToMatchRecord(r.id, (typeof r.record === 'string' ? JSON.parse(r.record) : r.record) as PersonRecord);
    into.set(r.id, { source: r.source_id, rec, f: extractFeatures(rec) });
  }
}

/** Examines a batch of persons against everyone sharing a key with them; returns [pairs scored, links created]. */
async function examineBatch(node: NodeContext, batch: string[], threshold: number, now: Date, created: string[]): Promise<number> {
  const cm = await searchModel(node);
  const own = await node.database.query<{ person_id: string; key: string }>('select person_id, key from person_keys where person_id = any($1::uuid[])', [batch]);
  const keys = [...new Set(own.map((r) => r.key))];
  if (!keys.length) return 0;
  const sizes = await node.database.query<{ key: string; n: number }>('select key, count(*)::int as n from person_keys where key = any($1::text[]) group by key', [keys]);
  const usable = sizes.filter((s) => s.n > 1 && s.n <= MAX_BLOCK).map((s) => s.key);
  if (!usable.length) return 0;
  const members = await node.database.query<{ person_id: string; key: string }>('select person_id, key from person_keys where key = any($1::text[])', [usable]);
  const byKey = new Map<string, string[]>();
  for (const m of members) (byKey.get(m.key) ?? byKey.set(m.key, []).get(m.key)!).push(m.person_id);
  const inBatch = new Set(batch);
  const pairs = new Set<string>();
  for (const r of own) {
    for (const other of byKey.get(r.key) ?? []) {
      if (other === r.person_id) continue;
      // A pair inside the batch is formed once, from its lower id.
      if (inBatch.has(other) && other < r.person_id) continue;
      pairs.add(r.person_id < other ? `${r.person_id}|${other}` : `${other}|${r.person_id}`);
    }
  }
  const loaded = new Map<string, Loaded>();
  const ids = new Set<string>();
  for (const p of pairs) for (const id of p.split('|')) ids.add(id);
  await loadPersons(node, [...ids], loaded);
  const rows: { id: string; person_a: string; person_b: string; probability: number; explanation: string; status: 'yellow'; created_at: Date }[] = [];
  let scored = 0;
  for (const p of pairs) {
    const [a, b] = p.split('|');
    const la = loaded.get(a), lb = loaded.get(b);
    if (!la || !lb || la.source === lb.source) continue;
    scored++;
    const s = scorePair(cm, la.f, lb.f);
    if (s.probability < threshold) continue;
    const explanation = toHitExplanation(explainFeatures(cm, la.rec, lb.rec, la.f, lb.f));
    rows.push({ id: randomUUID(), person_a: a, person_b: b, probability: Math.round(s.probability * 10000) / 10000, explanation: JSON.stringify(explanation), status: 'yellow', created_at: now });
  }
  if (rows.length) {
    // A pair already decided (or already waiting) keeps its link and decision.
    const inserted = await node.database.db.insertInto('identity_links').values(rows).onConflict((oc) => oc.columns(['person_a', 'person_b']).doNothing()).returning('id').execute();
    created.push(...inserted.map((i) => i.id));
  }
  return scored;
}

async function runDetection(node: NodeContext, actor: Actor, personIds: () => AsyncGenerator<string[]>, threshold: number): Promise<DetectionSummary> {
  const runId = randomUUID();
  const started = node.clock.now();
  // The watermark is the database's own time, as persons.updated_at is: the next run starts from it.
  await node.database.query('insert into identity_detection_runs (id, started_at, triggered_by) values ($1, now(), $2)', [runId, actor.id]);
  let examined = 0, candidatePairs = 0;
  const created: string[] = [];
  for await (const batch of personIds()) {
    examined += batch.length;
    candidatePairs += await examineBatch(node, batch, threshold, started, created);
  }
  await node.database.db
    .updateTable('identity_detection_runs')
    .set({ finished_at: node.clock.now(), examined, candidate_pairs: candidatePairs, links_created: created.length })
    .where('id', '=', runId)
    .execute();
  await appendAudit(node.database.db, {
    at: node.clock.now(),
    actor,
    action: 'identity.detect',
    outcome: 'ok',
    changed: created.map((id) => ({ type: 'identity_link', id })),
    details: { runId, examined, candidatePairs, linksCreated: created.length, threshold },
  });
  return { runId, examined, candidatePairs, linksCreated: created.length, threshold };
}

function pagedPersons(node: NodeContext, where: { source?: string; since?: Date }): () => AsyncGenerator<string[]> {
  return async function* () {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const params: unknown[] = [after, BATCH];
      let sqlText = 'select id from persons where id > $1::uuid and deleted_at is null';
      if (where.source) {
        params.push(where.source);
        sqlText += ` and source_id = $${params.length}`;
      }
      if (where.since) {
        params.push(where.since);
        sqlText += ` and updated_at >= $${params.length}`;
      }
      const rows = await node.database.query<{ id: string }>(`${sqlText} order by id limit $2`, params);
      if (!rows.length) return;
      yield rows.map((r) => r.id);
      after = rows[rows.length - 1].id;
      if (rows.length < BATCH) return;
    }
  };
}

/** Detects multiple identities among the given persons (or a source, or all); for the API and after imports. */
export async function detectMultipleIdentities(node: NodeContext, actor: Actor | null, input: unknown = {}): Promise<DetectionSummary> {
  authorize(actor, 'identity.detect');
  const parsed = DetectRequest.safeParse(input);
  if (!parsed.success) throw new ValidationError('The detection request is not valid.', issuesFromZod(parsed.error));
  const { personIds, source, threshold } = parsed.data;
  if (source) {
    const s = await node.database.db.selectFrom('sources').select('id').where('id', '=', source).executeTakeFirst();
    if (!s) throw new ValidationError('Unknown source.', [{ path: 'source', message: `no source ${source} on this node` }]);
  }
  const ids = personIds
    ? async function* () {
        for (let i = 0; i < personIds.length; i += BATCH) yield personIds.slice(i, i + BATCH);
      }
    : pagedPersons(node, { source });
  return runDetection(node, actor, ids, threshold);
}

/** The background job: persons added or changed since the previous run started. */
export async function detectNewMultipleIdentities(node: NodeContext): Promise<DetectionSummary> {
  const last = await node.database.db
    .selectFrom('identity_detection_runs')
    .select('started_at')
    .where('finished_at', 'is not', null)
    .where('triggered_by', '=', 'system:identity-detection')
    .orderBy('started_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const actor = await nodeActor(node, 'identity-detection');
  const since = last ? new Date(last.started_at) : undefined;
  return runDetection(node, actor, pagedPersons(node, { since }), DEFAULT_LINK_THRESHOLD);
}
