// The verification queue of multiple-identity links and their resolution:
// yellow (to verify) → green (different persons), white (same person,
// lawfully) or red (same person, identity fraud), with who, when and why.
// Linked records (white, red and still-yellow) form one identity view.
import { z } from 'zod';
import type { Actor } from '../../access/actor.ts';
import { authorize, isAllowed } from '../../access/policy.ts';
import { ConflictError, NotFoundError, ValidationError, issuesFromZod } from '../../domain/errors.ts';
import type { PersonRecord } from '../../domain/person.ts';
import { appendAudit } from '../audit/audit-log.ts';
import type { NodeContext } from '../context.ts';
import type { HitExplanation } from '../search/types.ts';
import { rawQuery } from '../../store/database.ts';

export const LinkStatus = z.enum(['yellow', 'green', 'white', 'red']);
export type LinkStatus = z.infer<typeof LinkStatus>;

export const ResolveLinkRequest = z
  .object({
    status: z.enum(['green', 'white', 'red'], { error: 'status must be green (different persons), white (same person, lawfully) or red (identity fraud)' }),
    reason: z.string().trim().min(3, 'say why, in at least 3 characters').max(2000),
  })
  .strict()
  .meta({ id: 'ResolveLinkRequest' });

export const ListLinksQuery = z.object({
  status: LinkStatus.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ListLinksQuery = z.infer<typeof ListLinksQuery>;

export interface LinkedPerson {
  id: string;
  source: string;
  ref: string;
  display: string;
  /** Null when the viewer may not read records of that source (hit/no-hit, or not granted): only the source is shown. */
  record: PersonRecord | null;
}

export interface IdentityLinkView {
  id: string;
  status: LinkStatus;
  probability: number;
  explanation: HitExplanation;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
  a: LinkedPerson;
  b: LinkedPerson;
}

const UUID = /^[0-9a-f-]{36}$/i;
const iso = (v: unknown) => (v == null ? null : v instanceof Date ? v.toISOString() : String(v));
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

interface LinkRow {
  id: string;
  status: LinkStatus;
  probability: number;
  explanation: unknown;
  created_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  reason: string | null;
  a_id: string;
  a_source: string;
  a_ref: string;
  a_display: string;
  a_record: unknown;
  b_id: string;
  b_source: string;
  b_ref: string;
  b_display: string;
  b_record: unknown;
}

const SELECT = `select l.id, l.status, l.probability, l.explanation, l.created_at, l.decided_by, l.decided_at, l.reason,
  pa.id as a_id, pa.source_id as a_source, pa.ref as a_ref, pa.display_name as a_display, pa.record as a_record,
  pb.id as b_id, pb.source_id as b_source, pb.ref as b_ref, pb.display_name as b_display, pb.record as b_record
  from identity_links l join persons pa on pa.id = l.person_a join persons pb on pb.id = l.person_b`;

function toView(r: LinkRow): IdentityLinkView {
  return {
    id: r.id,
    status: r.status,
    probability: Number(r.probability),
    explanation: json<HitExplanation>(r.explanation),
    createdAt: iso(r.created_at)!,
    decidedBy: r.decided_by,
    decidedAt: iso(r.decided_at),
    reason: r.reason,
    a: { id: r.a_id, source: r.a_source, ref: r.a_ref, display: r.a_display, record: json<PersonRecord>(r.a_record) },
    b: { id: r.b_id, source: r.b_source, ref: r.b_ref, display: r.b_display, record: json<PersonRecord>(r.b_record) },
  };
}

interface SourceAccess {
  kind: string;
  authorityId: string;
  hitNoHit: boolean;
}

async function sourceAccess(node: NodeContext): Promise<Map<string, SourceAccess>> {
  const rows = await node.database.query<{ id: string; kind: string; authority_id: string; hit_no_hit: boolean }>('select id, kind, authority_id, hit_no_hit from sources');
  return new Map(rows.map((r) => [r.id, { kind: r.kind, authorityId: r.authority_id, hitNoHit: r.hit_no_hit }]));
}

/** A linked record the viewer may not read keeps its source and id, nothing of the person. */
function redact(actor: Actor, sources: Map<string, SourceAccess>, p: LinkedPerson): LinkedPerson {
  const s = sources.get(p.source);
  const own = s?.authorityId === actor.authorityId;
  const readable = s !== undefined && (own || (!s.hitNoHit && isAllowed(actor, 'record.read', { sourceKind: s.kind, sourceId: p.source, authorityId: s.authorityId })));
  return readable ? p : { id: p.id, source: p.source, ref: '', display: `record in ${p.source}: ask ${s?.authorityId ?? 'its authority'}`, record: null };
}

function redactLink<T extends { a: LinkedPerson; b: LinkedPerson }>(actor: Actor, sources: Map<string, SourceAccess>, l: T): T {
  return { ...l, a: redact(actor, sources, l.a), b: redact(actor, sources, l.b) };
}

function returned(links: IdentityLinkView[]) {
  return links.flatMap((l) => [{ type: 'identity_link', id: l.id }, { type: 'person', id: l.a.id }, { type: 'person', id: l.b.id }]);
}

/** The verification queue (status yellow by default order: most probable first). */
export async function listLinks(node: NodeContext, actor: Actor | null, q: ListLinksQuery): Promise<{ items: IdentityLinkView[]; total: number }> {
  authorize(actor, 'identity.read');
  const where = q.status ? 'where l.status = $1' : 'where $1::text is null';
  const rows = await node.database.query<LinkRow>(`${SELECT} ${where} order by l.probability desc, l.created_at, l.id limit $2 offset $3`, [q.status ?? null, q.limit, q.offset]);
  const count = await node.database.query<{ n: number }>(`select count(*)::int as n from identity_links l ${where}`, [q.status ?? null]);
  const sources = await sourceAccess(node);
  const items = rows.map((r) => redactLink(actor, sources, toView(r)));
  await appendAudit(node.database.db, { at: node.clock.now(), actor, action: 'identity.links.read', outcome: 'ok', query: q, returned: returned(items) });
  return { items, total: count[0]?.n ?? 0 };
}

export async function getLink(node: NodeContext, actor: Actor | null, id: string): Promise<IdentityLinkView> {
  authorize(actor, 'identity.read');
  const rows = UUID.test(id) ? await node.database.query<LinkRow>(`${SELECT} where l.id = $1`, [id]) : [];
  if (!rows.length) throw new NotFoundError(`No identity link with id ${id}.`);
  const view = redactLink(actor, await sourceAccess(node), toView(rows[0]));
  await appendAudit(node.database.db, { at: node.clock.now(), actor, action: 'identity.link.read', outcome: 'ok', returned: returned([view]) });
  return view;
}

export async function resolveLink(node: NodeContext, actor: Actor | null, id: string, input: unknown): Promise<IdentityLinkView> {
  authorize(actor, 'identity.resolve');
  const parsed = ResolveLinkRequest.safeParse(input);
  if (!parsed.success) throw new ValidationError('The decision is not valid.', issuesFromZod(parsed.error));
  const { status, reason } = parsed.data;
  const now = node.clock.now();
  // Read before the transaction: on the embedded engine a query outside it would wait for it forever.
  const sources = await sourceAccess(node);
  return node.database.db.transaction().execute(async (trx) => {
    const link = UUID.test(id) ? await trx.selectFrom('identity_links').select(['id', 'status', 'person_a', 'person_b']).where('id', '=', id).forUpdate().executeTakeFirst() : undefined;
    if (!link) throw new NotFoundError(`No identity link with id ${id}.`);
    if (link.status === status) throw new ConflictError(`The link is already ${status}.`);
    await trx.updateTable('identity_links').set({ status, decided_by: actor.id, decided_at: now, reason }).where('id', '=', link.id).execute();
    await appendAudit(trx, {
      at: node.clock.now(),
      actor,
      action: 'link.resolve',
      outcome: 'ok',
      changed: [{ type: 'identity_link', id: link.id }],
      details: { from: link.status, to: status, reason, persons: [link.person_a, link.person_b] },
    });
    const rows = await rawQuery<LinkRow>(trx, `${SELECT} where l.id = $1`, [link.id]);
    return redactLink(actor, sources, toView(rows[0]));
  });
}

export type ClusterLink = Omit<IdentityLinkView, 'a' | 'b'> & { personA: string; personB: string };

export interface IdentityCluster {
  personId: string;
  persons: LinkedPerson[];
  links: ClusterLink[];
}

/** Records linked white, red or (still) yellow to this one, transitively: one identity view. */
export async function getCluster(node: NodeContext, actor: Actor | null, personId: string, maxSize = 100): Promise<IdentityCluster> {
  authorize(actor, 'identity.read');
  const db = node.database;
  const start = UUID.test(personId) ? await db.query<{ id: string }>('select id from persons where id = $1 and deleted_at is null', [personId]) : [];
  if (!start.length) throw new NotFoundError(`No person with id ${personId}.`);
  const seen = new Set([personId]);
  let frontier = [personId];
  const links = new Map<string, LinkRow>();
  while (frontier.length && seen.size < maxSize) {
    const rows = await db.query<LinkRow>(
      `${SELECT} where l.status in ('yellow', 'white', 'red') and (l.person_a = any($1::uuid[]) or l.person_b = any($1::uuid[]))`,
      [frontier],
    );
    const next: string[] = [];
    for (const r of rows) {
      links.set(r.id, r);
      for (const id of [r.a_id, r.b_id]) {
        if (!seen.has(id) && seen.size < maxSize) {
          seen.add(id);
          next.push(id);
        }
      }
    }
    frontier = next;
  }
  const persons = new Map<string, LinkedPerson>();
  const views = [...links.values()].map(toView);
  for (const v of views) for (const p of [v.a, v.b]) if (seen.has(p.id)) persons.set(p.id, p);
  if (!persons.size) {
    const [p] = await db.query<{ id: string; source_id: string; ref: string; display_name: string; record: unknown }>('select id, source_id, ref, display_name, record from persons where id = $1', [personId]);
    persons.set(p.id, { id: p.id, source: p.source_id, ref: p.ref, display: p.display_name, record: json<PersonRecord>(p.record) });
  }
  const sources = await sourceAccess(node);
  const out: IdentityCluster = {
    personId,
    persons: [...persons.values()].map((p) => redact(actor, sources, p)),
    links: views.map(({ a, b, ...rest }) => ({ ...rest, personA: a.id, personB: b.id })),
  };
  await appendAudit(node.database.db, { at: node.clock.now(), actor, action: 'identity.cluster.read', outcome: 'ok', returned: out.persons.map((p) => ({ type: 'person', id: p.id })) });
  return out;
}
