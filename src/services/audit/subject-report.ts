// The data-subject access report: for one person and their identity cluster,
// every record the node holds (person records with their documents, alerts
// on them) and every audit entry showing who accessed or changed them, when
// and why. Producing the report is itself audited.
import type { NodeContext } from '../context.ts';
import type { Actor } from '../../access/actor.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { appendAudit } from './audit-log.ts';
import { identityCluster } from './cluster.ts';
import { toEntry, type AuditEntry } from './query.ts';

export interface SubjectReport {
  generatedAt: string;
  node: { name: string; authorityId: string };
  personId: string;
  persons: {
    id: string;
    source: { id: string; name: string; kind: string; authorityId: string };
    ref: string;
    displayName: string;
    birthDate: string | null;
    nationalities: string[];
    record: unknown;
    createdAt: string;
    deletedAt: string | null;
    documents: { type: string; number: string; issuingCountry: string; expiry: string | null }[];
  }[];
  alerts: { id: string; sourceId: string; personId: string; category: string; status: string; action: string; issuingAuthorityId: string; expiresAt: string; createdAt: string }[];
  accesses: AuditEntry[];
  /** True when there were more audit entries than the report lists. */
  accessesTruncated: boolean;
}

const MAX_ACCESSES = 10_000;

export async function subjectReport(node: NodeContext, personId: string, by: Actor, requestId?: string): Promise<SubjectReport> {
  const database = node.database;
  const exists = await database.query<{ id: string }>('select id::text as id from persons where id = $1::uuid', [personId]);
  if (!exists.length) throw new NotFoundError(`No person ${personId} on this node.`);
  const cluster = await identityCluster(database, personId);
  const persons = await database.query<{
    id: string; source_id: string; source_name: string; source_kind: string; authority_id: string; ref: string; display_name: string;
    birth_date: string | null; nationalities: string[]; record: unknown; created_at: Date; deleted_at: Date | null;
  }>(
    `select p.id::text as id, p.source_id, s.name as source_name, s.kind as source_kind, s.authority_id, p.ref, p.display_name, p.birth_date,
            p.nationalities, p.record, p.created_at, p.deleted_at
     from persons p join sources s on s.id = p.source_id where p.id = any($1::uuid[]) order by p.created_at`,
    [cluster],
  );
  const docs = await database.query<{ person_id: string; doc_type: string; number: string; issuing_country: string; expiry: string | null }>(
    `select person_id::text as person_id, doc_type, number, issuing_country, expiry from identity_documents where person_id = any($1::uuid[]) order by person_id, position`,
    [cluster],
  );
  const alerts = await database.query<{
    id: string; source_id: string; person_id: string; category: string; status: string; action: string; issuing_authority_id: string; expires_at: string; created_at: Date;
  }>(
    `select id::text as id, source_id, person_id::text as person_id, category, status, action, issuing_authority_id, expires_at, created_at
     from alerts where person_id = any($1::uuid[]) order by created_at`,
    [cluster],
  );
  const ids = [...cluster, ...alerts.map((a) => a.id)];
  const rows = await database.query<{ seq: number; body: string; hash: Uint8Array | null }>(
    `select seq, body, hash from audit_log where record_ids && $1::text[] order by seq limit ${MAX_ACCESSES + 1}`,
    [ids],
  );
  const report: SubjectReport = {
    generatedAt: node.clock.now().toISOString(),
    node: { name: node.config.nodeName, authorityId: node.config.nodeAuthorityId },
    personId,
    persons: persons.map((p) => ({
      id: p.id,
      source: { id: p.source_id, name: p.source_name, kind: p.source_kind, authorityId: p.authority_id },
      ref: p.ref,
      displayName: p.display_name,
      birthDate: p.birth_date,
      nationalities: p.nationalities,
      record: p.record,
      createdAt: new Date(p.created_at).toISOString(),
      deletedAt: p.deleted_at ? new Date(p.deleted_at).toISOString() : null,
      documents: docs.filter((d) => d.person_id === p.id).map((d) => ({ type: d.doc_type, number: d.number, issuingCountry: d.issuing_country, expiry: d.expiry })),
    })),
    alerts: alerts.map((a) => ({
      id: a.id, sourceId: a.source_id, personId: a.person_id, category: a.category, status: a.status, action: a.action,
      issuingAuthorityId: a.issuing_authority_id, expiresAt: a.expires_at, createdAt: new Date(a.created_at).toISOString(),
    })),
    accesses: rows.slice(0, MAX_ACCESSES).map(toEntry),
    accessesTruncated: rows.length > MAX_ACCESSES,
  };
  await appendAudit(database.db, {
    actor: by,
    action: 'subject_report.read',
    outcome: 'ok',
    purpose: 'data_protection_review',
    query: { personId },
    returned: ids.map((id, i) => ({ type: i < cluster.length ? 'person' : 'alert', id })),
    details: { entries: report.accesses.length },
    at: node.clock.now(),
    requestId,
  });
  return report;
}
