// Creating and maintaining alerts: create (active or proposed), update,
// extend, expire, delete, and the review of proposed alerts. Each change
// runs in one transaction with its history row and audit entry, so a
// refused change leaves nothing behind.
import type { Transaction } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { authorize } from '../../access/policy.ts';
import { AccessDeniedError, ConflictError, NotFoundError, ValidationError, issuesFromZod, type FieldIssue } from '../../domain/errors.ts';
import { recordId } from '../../store/ids.ts';
import type { Schema } from '../../store/schema.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { isoDay } from '../clock.ts';
import type { NodeContext } from '../context.ts';
import { checkCategoryRules, type RuleSubject } from './category-rules.ts';
import { diffFields, recordAlertChange } from './history.ts';
import { readAlert, type AlertView } from './read.ts';
import {
  AlertChanges,
  ApproveAlertRequest,
  CreateAlertRequest,
  ExtendAlertRequest,
  ReasonRequest,
  UpdateAlertRequest,
} from './schemas.ts';
import { resolveSubject } from './subject.ts';
import type { AlertCategory } from '../../domain/alert.ts';
import { notifyWatchers } from '../exchange/watch.ts';

/**
 * After an alert becomes active, recent searchers it matches are told (the
 * exchange area's watch). Outside the transaction: a failure here must not
 * undo the alert, and the watch sweep catches anything missed.
 */
async function afterActivation(node: NodeContext, view: AlertView): Promise<AlertView> {
  if (view.status !== 'active') return view;
  try {
    await notifyWatchers(node, view.id);
  } catch (err) {
    node.logger.warn('watch notification failed; the sweep will retry', { alertId: view.id, err });
  }
  return view;
}

type Trx = Transaction<Schema>;

function parse<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, input: unknown, what: string): T {
  const r = schema.safeParse(input);
  if (!r.success) throw new ValidationError(`The ${what} is not valid.`, issuesFromZod(r.error));
  return r.data;
}

/** The stored form of an alert's own fields (alerts.record). */
interface AlertRecord {
  ref: string;
  source: string;
  subject: { type: 'person' | 'object'; source: string; ref: string };
  category: AlertCategory;
  reason?: string;
  crimeArea?: string;
  action: string;
  legalBasis?: string;
  protectiveMeasures?: string;
  handlingCode: string;
  validFrom?: string;
  expiresAt: string;
  reviewAt?: string;
  links: string[];
}

function dateIssues(r: { validFrom?: string; expiresAt: string; reviewAt?: string }, today: string, checkExpiry: boolean): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (checkExpiry && r.expiresAt <= today) issues.push({ path: 'expiresAt', message: `must be after today (${today})` });
  if (r.validFrom && r.validFrom >= r.expiresAt) issues.push({ path: 'validFrom', message: `must be before expiresAt (${r.expiresAt})` });
  if (r.reviewAt && r.reviewAt > r.expiresAt) issues.push({ path: 'reviewAt', message: `must be on or before expiresAt (${r.expiresAt})` });
  if (r.reviewAt && checkExpiry && r.reviewAt < today) issues.push({ path: 'reviewAt', message: `must not be in the past (today is ${today})` });
  return issues;
}

async function sourceOf(trx: Trx, sourceId: string) {
  return trx.selectFrom('sources').select(['id', 'authority_id', 'kind', 'hit_no_hit']).where('id', '=', sourceId).executeTakeFirst();
}

function requireIssuer(actor: Actor, authorityId: string, what: string): void {
  if (actor.authorityId !== authorityId) throw new AccessDeniedError(`Only the issuing authority (${authorityId}) may ${what} this alert.`);
}

interface LockedAlert {
  id: string;
  status: string;
  source_id: string;
  issuing_authority_id: string;
  subject_type: 'person' | 'object';
  person_id: string | null;
  object_id: string | null;
  expires_at: string;
  record: AlertRecord;
}

async function lockAlert(trx: Trx, id: string): Promise<LockedAlert> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFoundError(`No alert with id ${id}.`);
  const r = await trx
    .selectFrom('alerts')
    .select(['id', 'status', 'source_id', 'issuing_authority_id', 'subject_type', 'person_id', 'object_id', 'expires_at', 'record'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!r) throw new NotFoundError(`No alert with id ${id}.`);
  const record = (typeof r.record === 'string' ? JSON.parse(r.record) : r.record) as AlertRecord;
  return { ...r, record };
}

async function ruleSubjectOf(trx: Trx, a: LockedAlert): Promise<RuleSubject> {
  if (a.person_id) {
    const p = await trx.selectFrom('persons').select(['birth_date']).where('id', '=', a.person_id).executeTakeFirst();
    return { type: 'person', birthDate: p?.birth_date ?? null };
  }
  const o = await trx.selectFrom('objects').select(['kind', 'record']).where('id', '=', a.object_id!).executeTakeFirst();
  const rec = o ? ((typeof o.record === 'string' ? JSON.parse(o.record) : o.record) as Record<string, unknown>) : undefined;
  return { type: 'object', objectKind: o?.kind, objectRecord: rec };
}

function assertRules(record: AlertRecord, subject: RuleSubject, today: string, full: boolean): void {
  let issues = checkCategoryRules(record, subject, today);
  // A proposal may still lack what only the reviewing authority can add (legal basis, measures).
  if (!full) issues = issues.filter((i) => i.path.startsWith('subject'));
  if (issues.length) throw new ValidationError(`The alert does not meet the rules of category ${record.category}.`, issues);
}

async function finish(node: NodeContext, trx: Trx, actor: Actor, alertId: string, change: string, changes: Record<string, { from: unknown; to: unknown }>, reason: string | null, extra: { changed?: { type: string; id: string }[] } = {}): Promise<AlertView> {
  const now = node.clock.now();
  await recordAlertChange(trx, { alertId, actor, at: now, change, changes, reason });
  await appendAudit(trx, {
    at: node.clock.now(),
    actor,
    action: `alert.${change}`,
    outcome: 'ok',
    purpose: 'alert_management',
    changed: [{ type: 'alert', id: alertId }, ...(extra.changed ?? [])],
    details: { reason, fields: Object.keys(changes) },
  });
  return (await readAlert(trx, alertId, isoDay(now)))!;
}

export async function createAlert(node: NodeContext, actor: Actor | null, input: unknown): Promise<AlertView> {
  authorize(actor, 'alert.create');
  const req = parse(CreateAlertRequest, input, 'alert');
  const now = node.clock.now();
  const today = isoDay(now);
  const created = await node.database.db.transaction().execute(async (trx) => {
    const source = await sourceOf(trx, req.source);
    if (!source) throw new ValidationError('Unknown source.', [{ path: 'source', message: `no source ${req.source} on this node` }]);
    authorize(actor, 'alert.create', { sourceId: source.id, sourceKind: source.kind, authorityId: source.authority_id, alertCategory: req.category });
    requireIssuer(actor, source.authority_id, 'create');
    const dates = dateIssues(req, today, true);
    if (dates.length) throw new ValidationError('The alert dates are not consistent.', dates);
    const id = recordId('alert', source.id, req.ref);
    const dup = await trx.selectFrom('alerts').select('id').where('id', '=', id).executeTakeFirst();
    if (dup) throw new ConflictError(`Alert ${req.ref} already exists in source ${source.id} (id ${id}).`);

    const subject = await resolveSubject(trx, actor, req.subject, source.id);
    const record: AlertRecord = {
      ref: req.ref,
      source: source.id,
      subject: { type: subject.type, source: subject.sourceId, ref: subject.ref },
      category: req.category,
      reason: req.reason,
      crimeArea: req.crimeArea,
      action: req.action,
      legalBasis: req.legalBasis,
      protectiveMeasures: req.protectiveMeasures,
      handlingCode: req.handlingCode,
      validFrom: req.validFrom,
      expiresAt: req.expiresAt,
      reviewAt: req.reviewAt,
      links: req.links,
    };
    assertRules(record, subject, today, req.status === 'active');

    const linkIds: string[] = [];
    for (const [i, ref] of req.links.entries()) {
      const linkId = recordId('alert', source.id, ref);
      const exists = await trx.selectFrom('alerts').select('id').where('id', '=', linkId).executeTakeFirst();
      if (!exists) throw new ValidationError('A linked alert does not exist.', [{ path: `links/${i}`, message: `no alert ${ref} in source ${source.id}` }]);
      linkIds.push(linkId);
    }

    await trx
      .insertInto('alerts')
      .values({
        id,
        source_id: source.id,
        ref: req.ref,
        subject_type: subject.type,
        person_id: subject.type === 'person' ? subject.id : null,
        object_id: subject.type === 'object' ? subject.id : null,
        category: req.category,
        crime_area: req.crimeArea ?? null,
        action: req.action,
        handling_code: req.handlingCode,
        issuing_authority_id: source.authority_id,
        valid_from: req.validFrom ?? null,
        expires_at: req.expiresAt,
        review_at: req.reviewAt ?? null,
        status: req.status,
        record: JSON.stringify(record),
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (const other of linkIds) {
      const [a, b] = id < other ? [id, other] : [other, id];
      await trx.insertInto('alert_links').values({ alert_a: a, alert_b: b, created_by: actor.id, created_at: now }).onConflict((oc) => oc.doNothing()).execute();
    }
    const changed = subject.created ? [{ type: subject.type, id: subject.id }] : [];
    return finish(node, trx, actor, id, req.status === 'proposed' ? 'propose' : 'create', diffFields({}, { ...record, status: req.status }), null, { changed });
  });
  return afterActivation(node, created);
}

const COLUMN_OF: Partial<Record<keyof AlertChanges, string>> = {
  category: 'category',
  crimeArea: 'crime_area',
  action: 'action',
  handlingCode: 'handling_code',
  validFrom: 'valid_from',
  reviewAt: 'review_at',
};

async function applyChanges(node: NodeContext, trx: Trx, a: LockedAlert, changes: AlertChanges, status: string, full: boolean, checkExpiry: boolean) {
  const now = node.clock.now();
  const today = isoDay(now);
  const next: AlertRecord = { ...a.record, ...changes } as AlertRecord;
  const dates = dateIssues(next, today, checkExpiry);
  const changedDates = dates.filter((i) => i.path in changes || i.path === 'expiresAt');
  if (changedDates.length) throw new ValidationError('The alert dates are not consistent.', changedDates);
  assertRules(next, await ruleSubjectOf(trx, a), today, full);
  const set: Record<string, unknown> = { record: JSON.stringify(next), updated_at: now, status };
  for (const [k, col] of Object.entries(COLUMN_OF)) if (k in changes) set[col!] = (changes as Record<string, unknown>)[k] ?? null;
  await trx.updateTable('alerts').set(set).where('id', '=', a.id).execute();
  return diffFields({ ...a.record, status: a.status }, { ...next, status });
}

export async function updateAlert(node: NodeContext, actor: Actor | null, id: string, input: unknown): Promise<AlertView> {
  authorize(actor, 'alert.update');
  const req = parse(UpdateAlertRequest, input, 'change');
  return node.database.db.transaction().execute(async (trx) => {
    const a = await lockAlert(trx, id);
    authorize(actor, 'alert.update', { sourceId: a.source_id, authorityId: a.issuing_authority_id, alertCategory: a.record.category });
    requireIssuer(actor, a.issuing_authority_id, 'change');
    if (a.status !== 'active' && a.status !== 'proposed') throw new ConflictError(`The alert is ${a.status}; only active or proposed alerts can be changed.`);
    const diff = await applyChanges(node, trx, a, req.changes, a.status, a.status === 'active', false);
    return finish(node, trx, actor, a.id, 'update', diff, req.reason);
  });
}

export async function extendAlert(node: NodeContext, actor: Actor | null, id: string, input: unknown): Promise<AlertView> {
  authorize(actor, 'alert.update');
  const req = parse(ExtendAlertRequest, input, 'extension');
  const now = node.clock.now();
  const today = isoDay(now);
  const extended = await node.database.db.transaction().execute(async (trx) => {
    const a = await lockAlert(trx, id);
    authorize(actor, 'alert.update', { sourceId: a.source_id, authorityId: a.issuing_authority_id, alertCategory: a.record.category });
    requireIssuer(actor, a.issuing_authority_id, 'extend');
    if (a.status !== 'active' && a.status !== 'expired') throw new ConflictError(`The alert is ${a.status}; only active or expired alerts can be extended.`);
    const issues: FieldIssue[] = [];
    if (req.expiresAt <= a.expires_at) issues.push({ path: 'expiresAt', message: `must be after the current expiry (${a.expires_at})` });
    if (req.expiresAt <= today) issues.push({ path: 'expiresAt', message: `must be after today (${today})` });
    const reviewAt = req.reviewAt ?? a.record.reviewAt;
    if (reviewAt && reviewAt > req.expiresAt) issues.push({ path: 'reviewAt', message: `must be on or before expiresAt (${req.expiresAt})` });
    if (req.reviewAt && req.reviewAt < today) issues.push({ path: 'reviewAt', message: `must not be in the past (today is ${today})` });
    if (issues.length) throw new ValidationError('The extension is not valid.', issues);
    const next: AlertRecord = { ...a.record, expiresAt: req.expiresAt, ...(req.reviewAt ? { reviewAt: req.reviewAt } : {}) };
    await trx
      .updateTable('alerts')
      .set({ expires_at: req.expiresAt, review_at: next.reviewAt ?? null, status: 'active', record: JSON.stringify(next), updated_at: now })
      .where('id', '=', a.id)
      .execute();
    const diff = diffFields({ ...a.record, expiresAt: a.expires_at, status: a.status }, { ...next, status: 'active' });
    return finish(node, trx, actor, a.id, 'extend', diff, req.reason);
  });
  return afterActivation(node, extended);
}

async function setStatus(node: NodeContext, actor: Actor | null, id: string, input: unknown, change: 'expire' | 'delete' | 'reject', to: string, allowed: string[]): Promise<AlertView> {
  const action = change === 'reject' ? 'alert.approve' : 'alert.update';
  authorize(actor, action);
  const req = parse(ReasonRequest, input, 'request');
  const now = node.clock.now();
  return node.database.db.transaction().execute(async (trx) => {
    const a = await lockAlert(trx, id);
    authorize(actor, action, { sourceId: a.source_id, authorityId: a.issuing_authority_id, alertCategory: a.record.category });
    requireIssuer(actor, a.issuing_authority_id, change);
    if (!allowed.includes(a.status)) throw new ConflictError(`The alert is ${a.status}; ${change} applies to ${allowed.join(' or ')} alerts.`);
    await trx.updateTable('alerts').set({ status: to, updated_at: now }).where('id', '=', a.id).execute();
    return finish(node, trx, actor, a.id, change, { status: { from: a.status, to } }, req.reason);
  });
}

export const expireAlert = (node: NodeContext, actor: Actor | null, id: string, input: unknown) =>
  setStatus(node, actor, id, input, 'expire', 'expired', ['active', 'proposed']);
export const deleteAlert = (node: NodeContext, actor: Actor | null, id: string, input: unknown) =>
  setStatus(node, actor, id, input, 'delete', 'deleted', ['active', 'proposed', 'expired', 'rejected']);
export const rejectAlert = (node: NodeContext, actor: Actor | null, id: string, input: unknown) =>
  setStatus(node, actor, id, input, 'reject', 'rejected', ['proposed']);

/** Turns a proposed alert into an active one, optionally completing it (legal basis, measures…). */
export async function approveAlert(node: NodeContext, actor: Actor | null, id: string, input: unknown): Promise<AlertView> {
  authorize(actor, 'alert.approve');
  const req = parse(ApproveAlertRequest, input, 'approval');
  const approved = await node.database.db.transaction().execute(async (trx) => {
    const a = await lockAlert(trx, id);
    authorize(actor, 'alert.approve', { sourceId: a.source_id, authorityId: a.issuing_authority_id, alertCategory: a.record.category });
    requireIssuer(actor, a.issuing_authority_id, 'approve');
    if (a.status !== 'proposed') throw new ConflictError(`The alert is ${a.status}; only proposed alerts can be approved.`);
    const diff = await applyChanges(node, trx, a, req.changes ?? {}, 'active', true, true);
    return finish(node, trx, actor, a.id, 'approve', diff, req.reason);
  });
  return afterActivation(node, approved);
}

/** The review queue: proposed alerts, oldest first. */
export async function reviewQueue(node: NodeContext, actor: Actor | null, limit = 100): Promise<AlertView[]> {
  authorize(actor, 'alert.review');
  const db = node.database.db;
  const today = isoDay(node.clock.now());
  const ids = await db.selectFrom('alerts').select('id').where('status', '=', 'proposed').orderBy('created_at').orderBy('id').limit(limit).execute();
  const out: AlertView[] = [];
  for (const { id } of ids) out.push((await readAlert(db, id, today))!);
  await appendAudit(db, { at: node.clock.now(), actor, action: 'alert.review_queue', outcome: 'ok', returned: out.map((a) => ({ type: 'alert', id: a.id })) });
  return out;
}

