// Row types of the access and audit tables (0003_access_audit.sql, 0007_audit_chainer.sql), as Kysely sees them.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** Generated from `body` by the database; never written by the application. */
type Derived<T> = ColumnType<T, never, never>;


/** The columns the database derives from an entry's body, on the chain table and the view alike. */
type AuditColumnsFromBody = {
  at: Derived<string>;
  actor_id: Derived<string | null>;
  authority_id: Derived<string | null>;
  action: Derived<string>;
  outcome: Derived<string>;
  purpose: Derived<string | null>;
  case_reference: Derived<string | null>;
  record_ids: Derived<string[]>;
};
export interface AccessTables {
  users: {
    id: string;
    username: string;
    display_name: string | null;
    authority_id: string;
    roles: string[];
    password_hash: string | null;
    disabled: Generated<boolean>;
    failed_logins: Generated<number>;
    locked_until: NullableTimestamp;
    last_login_at: NullableTimestamp;
    created_at: Generated<Date>;
  };
  sessions: {
    id_hash: Buffer;
    user_id: string;
    csrf_token: string;
    created_at: Timestamp;
    last_seen_at: Timestamp;
    expires_at: Timestamp;
  };
  api_tokens: {
    id: string;
    token_hash: Buffer;
    label: string;
    authority_id: string;
    roles: string[];
    scopes: string[] | null;
    user_id: string | null;
    created_at: Timestamp;
    expires_at: NullableTimestamp;
    revoked_at: NullableTimestamp;
    last_used_at: NullableTimestamp;
  };
  /** The hash chain (0007_audit_chainer.sql): seq is the chain position. */
  audit_entries: {
    seq: number;
    body: string;
    hash: Buffer;
  } & AuditColumnsFromBody;
  /** View: chained entries, then pending ones (hash null, seq provisional). Read only. */
  audit_log: {
    seq: ColumnType<number, never, never>;
    body: ColumnType<string, never, never>;
    hash: ColumnType<Buffer | null, never, never>;
  } & AuditColumnsFromBody;
  /** Entries appended but not yet chained, in the writers' transactions. */
  audit_pending: {
    id: Generated<number>;
    body: string;
  };
  audit_checkpoints: {
    seq: number;
    hash: Buffer;
    at: Timestamp;
    key_id: string;
    signature: Buffer;
  };
}
