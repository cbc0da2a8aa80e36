-- Import progress: one row per imported file, keyed by the file's identity
-- (sha256 of its first 64 KiB + its size), so a rerun after a crash or Ctrl-C
-- resumes after the last committed batch. Each batch updates its row in the
-- batch's own transaction: the marker never runs ahead of the data.
create table import_runs (
  file_key text primary key,
  file_name text not null,
  file_size bigint not null,
  format text not null check (format in ('jsonl', 'csv')),
  -- bytes and lines of the file whose effects are committed
  committed_bytes bigint not null default 0,
  committed_lines bigint not null default 0,
  -- running totals (ImportSummary counts) of the committed part
  counts jsonb not null default '{}',
  status text not null check (status in ('running', 'completed')),
  -- an initial load that dropped the person_keys indexes, to rebuild them at the end
  bulk boolean not null default false,
  started_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  completed_at timestamptz
);
