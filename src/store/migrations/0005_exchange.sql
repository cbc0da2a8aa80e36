-- Follow-up exchange between authorities after a hit: hits, threads of
-- messages, a transactional outbox with one row per recipient, the recipients'
-- inboxes (deliveries), read receipts, acknowledgements, attachments, the
-- per-authority event log that server-sent events replay, closed cases and
-- watch notifications. A sent message is immutable: triggers refuse updates
-- and deletes of messages, their attachments and deliveries' identity.

-- Cases are open unless closed; a closed case stops watch notifications.
create table closed_cases (
  authority_id text not null references authorities (id),
  case_reference text not null,
  closed_at timestamptz not null,
  closed_by text not null,
  closed_by_name text not null,
  reason text,
  primary key (authority_id, case_reference)
);

create table threads (
  id uuid primary key,
  kind text not null check (kind in ('hit', 'rapid_alert', 'watch', 'general')),
  subject text not null,
  alert_id uuid references alerts (id),
  created_by_authority_id text not null references authorities (id),
  created_at timestamptz not null
);

-- Only these authorities may read or write in a thread.
create table thread_participants (
  thread_id uuid not null references threads (id),
  authority_id text not null references authorities (id),
  primary key (thread_id, authority_id)
);
create index thread_participants_authority on thread_participants (authority_id);

create table messages (
  id uuid primary key,
  -- total order of sending, for listing threads in the order written
  seq bigint generated always as identity,
  thread_id uuid not null references threads (id),
  kind text not null check (kind in ('hit_notification', 'message', 'rapid_alert', 'watch_match')),
  sender_authority_id text not null references authorities (id),
  sender_user_id text not null,
  sender_name text not null,
  subject text not null,
  body text not null,
  handling_code text not null check (handling_code in ('H0', 'H1', 'H2', 'H3')),
  classification text not null check (classification in ('unclassified', 'restricted', 'confidential', 'secret')),
  requires_ack boolean not null default false,
  -- kind-specific facts: the alert and action taken of a hit, a rapid alert's severity …
  payload jsonb not null default '{}',
  created_at timestamptz not null
);
create index messages_thread on messages (thread_id, seq);

create table hits (
  id uuid primary key,
  alert_id uuid not null references alerts (id),
  search_id uuid,
  record_id uuid not null,
  decision text not null check (decision in ('confirm', 'dismiss')),
  action_taken text,
  reason text,
  purpose text not null,
  case_reference text not null,
  officer_id text not null,
  officer_name text not null,
  authority_id text not null references authorities (id),
  thread_id uuid references threads (id),
  message_id uuid references messages (id),
  created_at timestamptz not null
);
create index hits_alert on hits (alert_id, created_at);

-- Uploaded once, referenced by at most one message, never changed.
create table attachments (
  id uuid primary key,
  authority_id text not null references authorities (id),
  uploaded_by text not null,
  filename text not null,
  content_type text not null,
  size_bytes int not null,
  sha256 text not null,
  data bytea not null,
  created_at timestamptz not null
);

create table message_attachments (
  message_id uuid not null references messages (id),
  attachment_id uuid not null unique references attachments (id),
  position int not null,
  primary key (message_id, position)
);

-- The transactional outbox: written with the message, one row per recipient
-- authority, worked off by the delivery worker through the row's transport.
create table outbox (
  id bigint generated always as identity primary key,
  message_id uuid not null references messages (id),
  recipient_authority_id text not null references authorities (id),
  transport text not null default 'local' check (transport in ('local', 'peer')),
  status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
  attempts int not null default 0,
  next_attempt_at timestamptz not null,
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz not null,
  unique (message_id, recipient_authority_id)
);
create index outbox_pending on outbox (next_attempt_at) where status = 'pending';

-- The recipient's inbox. The unique key makes a redelivery (after a crash,
-- or a peer resending) a no-op: a message reaches an authority exactly once.
create table deliveries (
  message_id uuid not null references messages (id),
  recipient_authority_id text not null references authorities (id),
  delivered_at timestamptz not null,
  primary key (message_id, recipient_authority_id)
);
create index deliveries_recipient on deliveries (recipient_authority_id, delivered_at);

create table message_reads (
  message_id uuid not null references messages (id),
  authority_id text not null references authorities (id),
  user_id text not null,
  user_name text not null,
  read_at timestamptz not null,
  primary key (message_id, user_id)
);

create table acknowledgements (
  message_id uuid not null references messages (id),
  authority_id text not null references authorities (id),
  user_id text not null,
  user_name text not null,
  note text,
  acknowledged_at timestamptz not null,
  primary key (message_id, authority_id)
);

-- What each authority's live stream carries; the monotonic id is the SSE
-- event id, so a client that returns with Last-Event-ID gets what it missed.
create table exchange_events (
  id bigint generated always as identity primary key,
  authority_id text not null references authorities (id),
  kind text not null,
  -- a user of the authority the event is about (the searcher of a watch match)
  user_id text,
  message_id uuid references messages (id),
  payload jsonb not null default '{}',
  created_at timestamptz not null
);
create index exchange_events_authority on exchange_events (authority_id, id);

-- One watch notification per (alert, search), whether the alert service or
-- the sweep found it first.
create table watch_notifications (
  alert_id uuid not null references alerts (id),
  search_id uuid not null,
  message_id uuid not null references messages (id),
  created_at timestamptz not null,
  primary key (alert_id, search_id)
);

-- Sent is sent: no one alters or deletes a message, its attachments or the
-- record of its delivery, acknowledgement or reading. Retention may purge, and
-- only after setting pontis.allow_purge for its transaction.
create function exchange_refuse_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and coalesce(current_setting('pontis.allow_purge', true), '') = 'on' then
    return old;
  end if;
  raise exception 'a sent % cannot be altered or deleted', tg_table_name using errcode = 'P0001';
end
$$;

create trigger messages_immutable before update or delete on messages
  for each row execute function exchange_refuse_change();
create trigger attachments_immutable before update or delete on attachments
  for each row execute function exchange_refuse_change();
create trigger message_attachments_immutable before update or delete on message_attachments
  for each row execute function exchange_refuse_change();
create trigger deliveries_immutable before update or delete on deliveries
  for each row execute function exchange_refuse_change();
create trigger message_reads_immutable before update or delete on message_reads
  for each row execute function exchange_refuse_change();
create trigger acknowledgements_immutable before update or delete on acknowledgements
  for each row execute function exchange_refuse_change();
