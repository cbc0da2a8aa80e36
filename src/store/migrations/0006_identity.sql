-- Multiple-identity detection: pairs of person records (from different
-- sources) that may be one person. New links are yellow; an officer decides
-- green (different persons), white (same person, lawfully) or red (same
-- person, identity fraud).
create table identity_links (
  id uuid primary key,
  person_a uuid not null references persons (id) on delete cascade,
  person_b uuid not null references persons (id) on delete cascade,
  probability double precision not null,
  explanation jsonb not null,
  status text not null default 'yellow' check (status in ('yellow', 'green', 'white', 'red')),
  created_at timestamptz not null,
  decided_by text,
  decided_at timestamptz,
  reason text,
  unique (person_a, person_b),
  check (person_a < person_b)
);
create index identity_links_status on identity_links (status, created_at);
create index identity_links_b on identity_links (person_b);

-- Each detection run, so the background job continues where the last one
-- ended (persons changed since it started) and an operator sees what ran.
create table identity_detection_runs (
  id uuid primary key,
  started_at timestamptz not null,
  finished_at timestamptz,
  examined int not null default 0,
  candidate_pairs int not null default 0,
  links_created int not null default 0,
  triggered_by text not null
);
create index identity_detection_runs_started on identity_detection_runs (started_at);
