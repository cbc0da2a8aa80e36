// Row types of the alerts tables (0004_alerts.sql), as Kysely sees them.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

export interface AlertsTables {
  alert_history: {
    id: Generated<number>;
    alert_id: string;
    changed_at: Timestamp;
    actor_id: string;
    actor_name: string;
    authority_id: string;
    change: string;
    changes: Json<Record<string, { from: unknown; to: unknown }>>;
    reason: string | null;
  };
  alert_flags: {
    alert_id: string;
    authority_id: string;
    reason: string;
    flagged_by: string;
    flagged_at: Timestamp;
  };
  alert_links: {
    alert_a: string;
    alert_b: string;
    created_by: string;
    created_at: Timestamp;
  };
  searches: {
    id: string;
    actor_id: string;
    actor_name: string;
    authority_id: string;
    purpose: string;
    case_reference: string;
    criteria: Json;
    keys: string[];
    identifiers: string[];
    hit_count: number;
    alert_hit_count: number;
    searched_at: Timestamp;
  };
}
