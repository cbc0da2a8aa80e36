// Row types of the exchange tables (0005_exchange.sql), as Kysely sees them.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string | undefined, string>;

export interface ExchangeTables {
  closed_cases: {
    authority_id: string;
    case_reference: string;
    closed_at: Timestamp;
    closed_by: string;
    closed_by_name: string;
    reason: string | null;
  };
  threads: {
    id: string;
    kind: 'hit' | 'rapid_alert' | 'watch' | 'general';
    subject: string;
    alert_id: string | null;
    created_by_authority_id: string;
    created_at: Timestamp;
  };
  thread_participants: { thread_id: string; authority_id: string };
  messages: {
    id: string;
    seq: Generated<number>;
    thread_id: string;
    kind: 'hit_notification' | 'message' | 'rapid_alert' | 'watch_match';
    sender_authority_id: string;
    sender_user_id: string;
    sender_name: string;
    subject: string;
    body: string;
    handling_code: string;
    classification: string;
    requires_ack: boolean;
    payload: Json;
    created_at: Timestamp;
  };
  hits: {
    id: string;
    alert_id: string;
    search_id: string | null;
    record_id: string;
    decision: 'confirm' | 'dismiss';
    action_taken: string | null;
    reason: string | null;
    purpose: string;
    case_reference: string;
    officer_id: string;
    officer_name: string;
    authority_id: string;
    thread_id: string | null;
    message_id: string | null;
    created_at: Timestamp;
  };
  attachments: {
    id: string;
    authority_id: string;
    uploaded_by: string;
    filename: string;
    content_type: string;
    size_bytes: number;
    sha256: string;
    data: Uint8Array;
    created_at: Timestamp;
  };
  message_attachments: { message_id: string; attachment_id: string; position: number };
  outbox: {
    id: Generated<number>;
    message_id: string;
    recipient_authority_id: string;
    transport: 'local' | 'peer';
    status: ColumnType<'pending' | 'delivered' | 'failed', 'pending' | 'delivered' | 'failed' | undefined, 'pending' | 'delivered' | 'failed'>;
    attempts: ColumnType<number, number | undefined, number>;
    next_attempt_at: Timestamp;
    last_error: string | null;
    delivered_at: Date | null;
    created_at: Timestamp;
  };
  deliveries: { message_id: string; recipient_authority_id: string; delivered_at: Timestamp };
  message_reads: { message_id: string; authority_id: string; user_id: string; user_name: string; read_at: Timestamp };
  acknowledgements: {
    message_id: string;
    authority_id: string;
    user_id: string;
    user_name: string;
    note: string | null;
    acknowledged_at: Timestamp;
  };
  exchange_events: {
    id: Generated<number>;
    authority_id: string;
    kind: string;
    user_id: string | null;
    message_id: string | null;
    payload: Json;
    created_at: Timestamp;
  };
  watch_notifications: { alert_id: string; search_id: string; message_id: string; created_at: Timestamp };
}
