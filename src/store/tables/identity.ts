// Row types of the identity tables (0006_identity.sql), as Kysely sees them.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface IdentityTables {
  identity_links: {
    id: string;
    person_a: string;
    person_b: string;
    probability: number;
    explanation: ColumnType<unknown, string, string>;
    status: 'yellow' | 'green' | 'white' | 'red';
    created_at: Timestamp;
    decided_by: ColumnType<string | null, string | null | undefined, string | null>;
    decided_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
    reason: ColumnType<string | null, string | null | undefined, string | null>;
  };
  identity_detection_runs: {
    id: string;
    started_at: Timestamp;
    finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
    examined: Generated<number>;
    candidate_pairs: Generated<number>;
    links_created: Generated<number>;
    triggered_by: string;
  };
}
