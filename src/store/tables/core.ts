// Row types of the core tables (0001_core.sql), as Kysely sees them.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface CoreTables {
  authorities: { id: string; country: string; name: string; kind: string; created_at: Generated<Date> };
  sources: { id: string; authority_id: string; name: string; kind: string; hit_no_hit: boolean; created_at: Generated<Date> };
  persons: {
    id: string;
    source_id: string;
    ref: string;
    record: unknown;
    display_name: string;
    birth_date: string | null;
    sex: string | null;
    nationalities: string[];
    created_at: Timestamp;
    updated_at: Timestamp;
    deleted_at: Date | null;
  };
  person_keys: { key: string; person_id: string };
  identity_documents: {
    person_id: string;
    position: number;
    doc_type: string;
    number: string;
    number_key: string;
    issuing_country: string;
    expiry: string | null;
  };
  objects: {
    id: string;
    source_id: string;
    ref: string;
    kind: string;
    identifier: string | null;
    identifier_key: string | null;
    identifier2: string | null;
    identifier2_key: string | null;
    country: string | null;
    record: unknown;
    display_name: string;
    created_at: Timestamp;
    updated_at: Timestamp;
    deleted_at: Date | null;
  };
  alerts: {
    id: string;
    source_id: string;
    ref: string;
    subject_type: 'person' | 'object';
    person_id: string | null;
    object_id: string | null;
    category: string;
    crime_area: string | null;
    action: string;
    handling_code: string;
    issuing_authority_id: string;
    valid_from: string | null;
    expires_at: string;
    review_at: string | null;
    status: string;
    record: unknown;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  schema_migrations: { version: string; applied_at: Generated<Date> };
}
