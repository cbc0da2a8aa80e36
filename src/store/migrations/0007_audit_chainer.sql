-- The audit chain is built after commit instead of inside every writing
-- transaction. Before, each append advanced the locked chain head, so all
-- writers queued on one row lock until their commit, and each append paid for
-- SHA-256 and every derived column inside the caller's transaction.
--
-- Now an append inserts the bare entry into audit_pending, in the caller's
-- transaction (the record and its audit entry still commit or roll back
-- together; no lock, no shared row). One chainer at a time (the node's
-- audit-chain job, and verify/checkpoint/retention before they look) takes
-- the committed pending entries in id order, gives each the next chain
-- position and its hash, inserts them into audit_entries and deletes them from
-- audit_pending, all in one transaction under the row lock of audit_head.
-- Pending ids commit out of order (a transaction holding id 5 may commit after
-- 6): the chain order is the chainer's order, never the raw id.
--
-- audit_entries is the former audit_log table, unchanged: seq is the chain
-- position, hash = SHA-256(previous hash || seq as int8 || body). audit_log
-- becomes a view over chained and pending entries, so every reader sees an
-- entry as soon as its transaction commits.

alter table audit_log rename to audit_entries;

create table audit_pending (
  id bigint generated always as identity primary key,
  body text not null
);

-- Pending entries are numbered provisionally after the chain head, in id
-- order; the chainer gives them these same positions unless an entry with a
-- lower id commits in between.
create view audit_log as
  select seq, body, hash, at, actor_id, authority_id, action, outcome, purpose, case_reference, record_ids
  from audit_entries
  union all
  select h.seq + row_number() over (order by p.id),
    p.body,
    null::bytea,
    (p.body::jsonb) ->> 'at',
    (p.body::jsonb) #>> '{actor,id}',
    (p.body::jsonb) #>> '{actor,authorityId}',
    (p.body::jsonb) ->> 'action',
    (p.body::jsonb) ->> 'outcome',
    (p.body::jsonb) ->> 'purpose',
    (p.body::jsonb) ->> 'caseReference',
    audit_record_ids(p.body::jsonb)
  from audit_pending p cross join audit_head h;

create function audit_view_guard() returns trigger
language plpgsql as $$
begin
  raise exception 'audit_log is append-only (% refused)', tg_op using errcode = '42501';
end
$$;
create trigger audit_log_append_only instead of update or delete on audit_log
  for each row execute function audit_view_guard();

-- Pending entries are never updated; only the chainer deletes them, in the
-- transaction that inserts them into the chain, under `pontis.audit_chainer`
-- set local. (A database administrator deleting a pending entry in the second
-- before it is chained goes unnoticed: the documented limit of this design.)
create function audit_pending_guard() returns trigger
language plpgsql as $$
begin
  if tg_op = 'DELETE' and coalesce(current_setting('pontis.audit_chainer', true), '') = 'on' then
    return old;
  end if;
  raise exception 'audit_pending is append-only (% refused)', tg_op using errcode = '42501';
end
$$;
create trigger audit_pending_append_only before update or delete on audit_pending
  for each row execute function audit_pending_guard();
create trigger audit_pending_no_truncate before truncate on audit_pending
  for each statement execute function audit_pending_guard();
