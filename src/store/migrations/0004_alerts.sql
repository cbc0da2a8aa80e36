-- Alerts area: the history of every change to an alert, partners' flags,
-- links between alerts, and the log of searches (which the exchange area's
-- "watch" and the threat picture read).

-- Append-only: one row per change, kept after the alert itself is purged so
-- the supervisor can still see who did what and why.
create table alert_history (
  id bigint generated always as identity primary key,
  alert_id uuid not null,
  changed_at timestamptz not null,
  actor_id text not null,
  actor_name text not null,
  authority_id text not null,
  -- create, propose, update, extend, expire, delete, approve, reject, flag, unflag, link, purge
  change text not null,
  -- field → { from, to } for the fields that changed
  changes jsonb not null default '{}',
  reason text
);
create index alert_history_alert on alert_history (alert_id, id);

-- "Not to be executed on our territory": one flag per partner authority.
create table alert_flags (
  alert_id uuid not null references alerts (id) on delete cascade,
  authority_id text not null references authorities (id),
  reason text not null,
  flagged_by text not null,
  flagged_at timestamptz not null,
  primary key (alert_id, authority_id)
);

-- Alerts that belong together (a person and their vehicle); stored once per
-- pair, lower id first.
create table alert_links (
  alert_a uuid not null references alerts (id) on delete cascade,
  alert_b uuid not null references alerts (id) on delete cascade,
  created_by text not null,
  created_at timestamptz not null,
  primary key (alert_a, alert_b),
  check (alert_a < alert_b)
);
create index alert_links_b on alert_links (alert_b);

-- Every search run on this node: who, why, what (as blocking keys and
-- normalised identifiers, so a new alert can be matched against recent
-- searches without re-reading the criteria), and how many hits.
create table searches (
  id uuid primary key,
  actor_id text not null,
  actor_name text not null,
  authority_id text not null,
  purpose text not null,
  case_reference text not null,
  criteria jsonb not null,
  keys text[] not null default '{}',
  identifiers text[] not null default '{}',
  hit_count int not null,
  alert_hit_count int not null default 0,
  searched_at timestamptz not null
);
create index searches_time on searches (searched_at);
create index searches_keys on searches using gin (keys);
create index searches_identifiers on searches using gin (identifiers);
