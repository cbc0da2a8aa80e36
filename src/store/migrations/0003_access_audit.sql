-- Safeguards: accounts, sessions, API tokens, the hash-chained audit log and
-- its signed checkpoints. Secrets (passwords, session ids, tokens) are stored
-- only as hashes.

create table users (
  id uuid primary key,
  username text not null unique check (username ~ '^[a-z0-9][a-z0-9._@-]{1,63}$'),
  display_name text,
  authority_id text not null references authorities (id),
  roles text[] not null check (cardinality(roles) > 0),
  -- argon2id PHC string; null for accounts that sign in through OpenID Connect only
  password_hash text,
  disabled boolean not null default false,
  failed_logins int not null default 0,
  locked_until timestamptz,
  last_login_at timestamptz,
  created_at timestamptz not null default now()
);

create table sessions (
  -- SHA-256 of the cookie value: a database leak does not hand out live sessions
  id_hash bytea primary key,
  user_id uuid not null references users (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  expires_at timestamptz not null
);
create index sessions_user on sessions (user_id);
create index sessions_expires on sessions (expires_at);

create table api_tokens (
  id uuid primary key,
  token_hash bytea not null unique,
  label text not null,
  authority_id text not null references authorities (id),
  roles text[] not null check (cardinality(roles) > 0),
  -- action patterns the token is limited to; null = whatever its roles allow
  scopes text[],
  user_id uuid references users (id) on delete set null,
  created_at timestamptz not null,
  expires_at timestamptz,
  revoked_at timestamptz,
  last_used_at timestamptz
);

-- Ids of the records an entry returned or changed, for "who saw this person".
create function audit_record_ids(body jsonb) returns text[]
language plpgsql immutable parallel safe as $$
begin
  return coalesce(
    (select array_agg(distinct r ->> 'id')
     from jsonb_array_elements(coalesce(body -> 'returned', '[]'::jsonb) || coalesce(body -> 'changed', '[]'::jsonb)) as r),
    '{}');
end
$$;

-- The audit log. `body` is the canonical JSON of the entry exactly as hashed:
--   hash = SHA-256(previous hash || seq as 8 bytes big-endian || body)
-- Every queryable column is generated from `body`, so none can be edited
-- without the chain noticing.
create table audit_log (
  seq bigint primary key,
  body text not null,
  hash bytea not null,
  at text generated always as ((body::jsonb) ->> 'at') stored,
  actor_id text generated always as ((body::jsonb) #>> '{actor,id}') stored,
  authority_id text generated always as ((body::jsonb) #>> '{actor,authorityId}') stored,
  action text generated always as ((body::jsonb) ->> 'action') stored,
  outcome text generated always as ((body::jsonb) ->> 'outcome') stored,
  purpose text generated always as ((body::jsonb) ->> 'purpose') stored,
  case_reference text generated always as ((body::jsonb) ->> 'caseReference') stored,
  record_ids text[] generated always as (audit_record_ids(body::jsonb)) stored
);
create index audit_log_at on audit_log (at);
create index audit_log_actor on audit_log (actor_id, seq);
create index audit_log_case on audit_log (case_reference, seq) where case_reference is not null;
create index audit_log_records on audit_log using gin (record_ids);

-- The head of the chain, one row. An append updates it and inserts the entry
-- in one statement: the row lock serialises appends until the writing
-- transaction commits, and the UPDATE re-reads the row after waiting, so every
-- append chains onto the last committed one. A tampered head only makes the
-- next entry fail verification.
create table audit_head (
  id int primary key check (id = 1),
  seq bigint not null,
  hash bytea not null
);
insert into audit_head (id, seq, hash) values (1, 0, decode(repeat('00', 32), 'hex'));

-- Append-only: the application never updates or deletes entries, and the
-- database refuses it too. The retention job alone may delete, after it has
-- appended its own entry, by setting `pontis.audit_retention = 'on'` for its
-- transaction (set local), which the trigger checks.
create function audit_log_guard() returns trigger
language plpgsql as $$
begin
  if tg_op = 'DELETE' and coalesce(current_setting('pontis.audit_retention', true), '') = 'on' then
    return old;
  end if;
  raise exception 'audit_log is append-only (% refused)', tg_op using errcode = '42501';
end
$$;
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function audit_log_guard();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_guard();

-- Checkpoints: the node signs (seq, hash, time) with its Ed25519 key, so a
-- rewrite of the whole chain after a checkpoint is caught.
create table audit_checkpoints (
  seq bigint primary key,
  hash bytea not null,
  at timestamptz not null,
  key_id text not null,
  signature bytea not null
);
create trigger audit_checkpoints_append_only before update or delete on audit_checkpoints
  for each row execute function audit_log_guard();
