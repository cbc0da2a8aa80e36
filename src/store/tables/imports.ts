// Row types of the imports tables (0002_imports.sql), as Kysely sees them.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface ImportsTables {
  import_runs: {
    file_key: string;
    file_name: string;
    file_size: number;
    format: 'jsonl' | 'csv';
    committed_bytes: Generated<number>;
    committed_lines: Generated<number>;
    counts: unknown;
    status: 'running' | 'completed';
    bulk: Generated<boolean>;
    started_at: Generated<Date>;
    updated_at: Timestamp;
    completed_at: Date | null;
  };
}
