// Watch: when a new alert matches a person or object that someone searched
// for recently under a case that is still open, that searcher's authority is
// told (a watch_match message in its inbox, and an event naming the user).
// The alerts area calls notifyWatchers after creating an alert; a periodic
// sweep catches any alert whose call was lost (a crash after the commit).
//
// A search matches when it holds one of the subject's identifiers (document
// number, VIN, plate, serial, IBAN — normalised and confusion-folded), shares
// a document blocking key, or shares at least two person blocking keys (say
// name + birth year and the unordered name pair). One shared name key alone
// is too common a coincidence to disturb an officer with.
import { sql } from 'kysely';
import { systemActor, type Actor } from '../../access/actor.ts';
import { appendAudit } from '../audit/audit-log.ts';
import type { NodeContext } from '../context.ts';
import { exchangeSettings } from './config.ts';
import { deliverSoon } from './delivery.ts';
import { insertEvent, wakeSubscribers } from './events.ts';
import { createThread, writeMessage } from './outbox.ts';
import type { AuthorityKind } from '../../domain/authority.ts';

export interface WatchMatch {
  alertId: string;
  searchId: string;
  authorityId: string;
  userId: string;
  messageId: string;
}

interface SubjectTerms {
  keys: string[];
  identifiers: string[];
}

async function subjectTerms(node: NodeContext, alert: { person_id: string | null; object_id: string | null }): Promise<SubjectTerms> {
  const { db } = node.database;
  if (alert.person_id) {
    const keys = await db.selectFrom('person_keys').select('key').where('person_id', '=', alert.person_id).execute();
    const docs = await db.selectFrom('identity_documents').select(['number', 'number_key']).where('person_id', '=', alert.person_id).execute();
    return { keys: keys.map((k) => k.key), identifiers: [...new Set(docs.flatMap((d) => [d.number, d.number_key]))] };
  }
  if (alert.object_id) {
    const o = await db.selectFrom('objects').select(['identifier', 'identifier_key', 'identifier2', 'identifier2_key']).where('id', '=', alert.object_id).executeTakeFirst();
    const ids = o ? [o.identifier, o.identifier_key, o.identifier2, o.identifier2_key].filter((v): v is string => Boolean(v)) : [];
    return { keys: [], identifiers: [...new Set(ids)] };
  }
  return { keys: [], identifiers: [] };
}

export interface NotifyOptions {
  /** How far back a search keeps watching, in days (default from PONTIS_WATCH_WINDOW_DAYS, 30). */
  windowDays?: number;
}

/**
 * Tells every recent searcher (under an open case) whose search the alert
 * matches. Idempotent: a (alert, search) pair is notified once, however often
 * this runs. Returns the notifications made now.
 */
export async function notifyWatchers(node: NodeContext, alertId: string, opts: NotifyOptions = {}): Promise<WatchMatch[]> {
  const { db } = node.database;
  const alert = await db
    .selectFrom('alerts')
    .innerJoin('authorities', 'authorities.id', 'alerts.issuing_authority_id')
    .select(['alerts.id', 'alerts.ref', 'alerts.category', 'alerts.action', 'alerts.status', 'alerts.person_id', 'alerts.object_id', 'alerts.created_at', 'alerts.issuing_authority_id', 'authorities.name as issuer_name'])
    .where('alerts.id', '=', alertId)
    .executeTakeFirst();
  if (!alert || alert.status !== 'active') return [];
  const terms = await subjectTerms(node, alert);
  // Searches after the alert became active saw it in their results; a proposed
  // alert becomes active when approved, so that moment counts, not its creation.
  const approved = await db
    .selectFrom('alert_history')
    .select((eb) => eb.fn.max('changed_at').as('at'))
    .where('alert_id', '=', alert.id)
    .where('change', '=', 'approve')
    .executeTakeFirst();
  const activeSince = approved?.at ? new Date(approved.at as Date) : new Date(alert.created_at);
  if (terms.keys.length === 0 && terms.identifiers.length === 0) return [];
  const now = node.clock.now();
  const windowDays = opts.windowDays ?? exchangeSettings().watchWindowDays;
  const since = new Date(now.getTime() - windowDays * 86_400_000);
  const docKeys = terms.keys.filter((k) => k.startsWith('doc:') || k.startsWith('dt:'));
  const candidates = await sql<{
    id: string;
    actor_id: string;
    actor_name: string;
    authority_id: string;
    authority_kind: string;
    country: string;
    purpose: string;
    case_reference: string;
    searched_at: Date;
    by_identifier: boolean;
    shared_keys: number;
    by_document_key: boolean;
  }>`
    select s.id, s.actor_id, s.actor_name, s.authority_id, a.kind as authority_kind, a.country, s.purpose, s.case_reference, s.searched_at,
      exists (select 1 from unnest(s.identifiers) i
              where i = any(${terms.identifiers}::text[]) or split_part(i, ':', 2) = any(${terms.identifiers}::text[])) as by_identifier,
      cardinality(array(select unnest(s.keys) intersect select unnest(${terms.keys}::text[])))::int as shared_keys,
      s.keys && ${docKeys}::text[] as by_document_key
    from searches s
    join authorities a on a.id = s.authority_id
    where s.searched_at >= ${since} and s.searched_at <= ${activeSince}
      and not exists (select 1 from closed_cases c where c.authority_id = s.authority_id and c.case_reference = s.case_reference)
      and not exists (select 1 from watch_notifications w where w.alert_id = ${alert.id} and w.search_id = s.id)
    order by s.searched_at
  `.execute(db);
  const matches = candidates.rows.filter((s) => s.by_identifier || s.by_document_key || s.shared_keys >= 2);
  const made: WatchMatch[] = [];
  for (const s of matches) {
    const matchedOn = s.by_identifier ? 'identifier' : s.by_document_key ? 'document number' : 'name and birth date';
    const actor: Actor = systemActor('watch', s.authority_id, s.country, s.authority_kind as AuthorityKind);
    actor.name = 'Pontis watch';
    const at = node.clock.now();
    const result = await db.transaction().execute(async (trx) => {
      const claimed = await sql`select 1 from watch_notifications where alert_id = ${alert.id} and search_id = ${s.id} for update`.execute(trx);
      if (claimed.rows.length) return null;
      const subject = `New alert ${alert.ref} matches your search (case ${s.case_reference})`;
      const threadId = await createThread(trx, { kind: 'watch', subject, alertId: alert.id, creatorAuthorityId: s.authority_id, participants: [], at });
      const msg = await writeMessage(trx, actor, {
        threadId,
        kind: 'watch_match',
        subject,
        body:
          `${alert.issuer_name} issued alert ${alert.ref} (${alert.category}) that matches a search by ${s.actor_name} ` +
          `on ${new Date(s.searched_at).toISOString().slice(0, 10)} under case ${s.case_reference} (matched on ${matchedOn}). Action on a hit: ${alert.action}`,
        handlingCode: 'H0',
        classification: 'restricted',
        requiresAck: false,
        payload: { alertId: alert.id, alertRef: alert.ref, searchId: s.id, userId: s.actor_id, userName: s.actor_name, caseReference: s.case_reference, matchedOn },
        recipients: [s.authority_id],
        toOwnAuthority: true,
        at,
      });
      const inserted = await trx
        .insertInto('watch_notifications')
        .values({ alert_id: alert.id, search_id: s.id, message_id: msg.id, created_at: at })
        .onConflict((oc) => oc.columns(['alert_id', 'search_id']).doNothing())
        .returning('message_id')
        .execute();
      if (inserted.length === 0) throw new WatchRace();
      await insertEvent(trx, {
        authorityId: s.authority_id,
        kind: 'watch_match',
        userId: s.actor_id,
        messageId: msg.id,
        payload: { messageId: msg.id, threadId, alertId: alert.id, searchId: s.id, userId: s.actor_id, userName: s.actor_name, caseReference: s.case_reference, matchedOn },
        at,
      });
      await appendAudit(trx, {
        at,
        actor,
        action: 'watch.notify',
        outcome: 'ok',
        caseReference: s.case_reference,
        changed: [{ type: 'message', id: msg.id }],
        details: { alertId: alert.id, searchId: s.id, userId: s.actor_id, matchedOn },
      });
      return { messageId: msg.id };
    }).catch((err) => {
      if (err instanceof WatchRace) return null; // another run notified this pair first
      throw err;
    });
    if (!result) continue;
    wakeSubscribers(node, [s.authority_id]);
    await deliverSoon(node, result.messageId);
    made.push({ alertId: alert.id, searchId: s.id, authorityId: s.authority_id, userId: s.actor_id, messageId: result.messageId });
  }
  return made;
}

class WatchRace extends Error {}

/** How far the sweep got, per node process; a restart sweeps the lookback again (pairs already notified are skipped). */
const sweepCursors = new WeakMap<NodeContext, { at: Date; id: string }>();

/**
 * The safety net: alerts created since the last sweep (at first, within the
 * lookback, default a day) are matched again, a bounded batch per run so a
 * bulk import of alerts is worked off over several runs.
 */
export async function sweepWatches(node: NodeContext, opts: NotifyOptions & { lookbackMs?: number; batch?: number } = {}): Promise<WatchMatch[]> {
  const now = node.clock.now();
  const cursor = sweepCursors.get(node) ?? { at: new Date(now.getTime() - (opts.lookbackMs ?? 24 * 3_600_000)), id: '00000000-0000-0000-0000-000000000000' };
  const alerts = await node.database.db
    .selectFrom('alerts')
    .select(['id', 'created_at'])
    .where('status', '=', 'active')
    .where(sql<boolean>`(created_at, id) > (${cursor.at}, ${cursor.id}::uuid)`)
    .orderBy('created_at')
    .orderBy('id')
    .limit(opts.batch ?? 500)
    .execute();
  const made: WatchMatch[] = [];
  for (const a of alerts) {
    made.push(...(await notifyWatchers(node, a.id, opts)));
    sweepCursors.set(node, { at: new Date(a.created_at), id: a.id });
  }
  return made;
}
