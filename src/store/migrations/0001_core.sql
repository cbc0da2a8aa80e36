-- Core registry: who holds what. Every record belongs to one source, every
-- source to one authority. Records keep the validated domain object as JSON
-- (`record`) plus the columns that searching and listing need.

create table authorities (
  id text primary key,
  country text not null check (country ~ '^[A-Z]{3}$'),
  name text not null,
  kind text not null check (kind in ('police', 'border', 'customs', 'judicial', 'migration', 'eu_agency')),
  created_at timestamptz not null default now()
);

create table sources (
  id text primary key,
  authority_id text not null references authorities (id),
  name text not null,
  kind text not null,
  hit_no_hit boolean not null default false,
  created_at timestamptz not null default now()
);

-- Ids are derived from (source, ref) so that an import computes them without a
-- round trip and re-importing the same line lands on the same row.
create table persons (
  id uuid primary key,
  source_id text not null references sources (id),
  ref text not null,
  record jsonb not null,
  display_name text not null,
  birth_date text,
  sex text,
  nationalities text[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  unique (source_id, ref)
);

-- Blocking keys from src/matching/blocking.ts: a person search touches only the
-- persons sharing a key with the query.
create table person_keys (
  key text not null,
  person_id uuid not null references persons (id) on delete cascade,
  primary key (key, person_id)
);
create index person_keys_person on person_keys (person_id);

create table identity_documents (
  person_id uuid not null references persons (id) on delete cascade,
  position int not null,
  doc_type text not null,
  number text not null,
  -- letter/digit-confusion folded form (src/identifiers/document-number.ts)
  number_key text not null,
  issuing_country text not null,
  expiry date,
  primary key (person_id, position)
);
create index identity_documents_number_key on identity_documents (number_key);

create table objects (
  id uuid primary key,
  source_id text not null references sources (id),
  ref text not null,
  kind text not null check (kind in ('vehicle', 'firearm', 'document', 'bank_account', 'cultural_good', 'number_plate')),
  -- normalised primary identifier (VIN or plate, serial, document number, IBAN, inventory number)
  identifier text,
  -- confusion-folded identifier for tolerant lookup
  identifier_key text,
  -- a second identifier: a vehicle's plate when the VIN is primary
  identifier2 text,
  identifier2_key text,
  country text,
  record jsonb not null,
  display_name text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  unique (source_id, ref)
);
create index objects_identifier on objects (identifier);
create index objects_identifier_key on objects (identifier_key);
create index objects_identifier2_key on objects (identifier2_key);

create table alerts (
  id uuid primary key,
  source_id text not null references sources (id),
  ref text not null,
  subject_type text not null check (subject_type in ('person', 'object')),
  person_id uuid references persons (id),
  object_id uuid references objects (id),
  category text not null,
  crime_area text,
  action text not null,
  handling_code text not null default 'H0',
  issuing_authority_id text not null references authorities (id),
  valid_from date,
  expires_at date not null,
  review_at date,
  status text not null check (status in ('proposed', 'active', 'expired', 'deleted', 'rejected')),
  record jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (source_id, ref),
  check ((subject_type = 'person') = (person_id is not null)),
  check ((subject_type = 'object') = (object_id is not null))
);
create index alerts_person on alerts (person_id) where person_id is not null;
create index alerts_object on alerts (object_id) where object_id is not null;
create index alerts_status_expiry on alerts (status, expires_at);
