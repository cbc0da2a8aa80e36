// What arrives while the user works: one EventSource on /api/v1/events per
// signed-in session. It keeps the inbox's unread count and the rapid alerts
// still to acknowledge current, and bumps `eventTick` so open screens can
// reload. EventSource reconnects by itself and sends Last-Event-ID, so
// nothing is missed across a dropped connection.
import { signal } from '@preact/signals';
import { api } from './api.ts';
import { hasRole } from './session.ts';

export interface PendingRapidAlert {
  id: string;
  threadId?: string;
  title: string;
  severity?: string;
  from?: string;
}

export interface LiveEvent {
  id: number;
  kind: string;
  messageId: string | null;
  payload: Record<string, unknown>;
}

export const eventTick = signal(0);
export const lastEvent = signal<LiveEvent | null>(null);
export const unreadCount = signal(0);
export const pendingRapidAlerts = signal<PendingRapidAlert[]>([]);
export const liveConnected = signal(false);

let source: EventSource | null = null;

/** Roles that receive the exchange (the policy grants message.read to these). */
export const canUseExchange = () => hasRole('police_officer', 'spoc');

interface RapidAlertItem {
  id: string;
  threadId: string;
  title: string;
  severity: string;
  from: { authorityId: string; name: string };
  recipients: { authorityId: string; acknowledged: boolean }[];
}

export async function refreshExchangeState(myAuthority: string): Promise<void> {
  try {
    const [inbox, rapid] = await Promise.all([
      api<{ unread: number }>('GET', '/api/v1/inbox?limit=1'),
      hasRole('spoc', 'police_officer') ? api<{ items: RapidAlertItem[] }>('GET', '/api/v1/rapid-alerts').catch(() => ({ items: [] })) : { items: [] },
    ]);
    unreadCount.value = inbox.unread ?? 0;
    pendingRapidAlerts.value = rapid.items
      .filter((r) => r.from.authorityId !== myAuthority && r.recipients.some((x) => x.authorityId === myAuthority && !x.acknowledged))
      .map((r) => ({ id: r.id, threadId: r.threadId, title: r.title, severity: r.severity, from: r.from.authorityId }));
  } catch {
    // The banner and badge are a convenience; the inbox screen shows errors.
  }
}

export function connectLive(myAuthority: string): void {
  if (source || !canUseExchange()) return;
  void refreshExchangeState(myAuthority);
  source = new EventSource('/api/v1/events', { withCredentials: true });
  source.onopen = () => (liveConnected.value = true);
  source.onerror = () => (liveConnected.value = false);
  const handle = (e: MessageEvent) => {
    let data: LiveEvent;
    try {
      data = JSON.parse(e.data) as LiveEvent;
    } catch {
      return;
    }
    lastEvent.value = data;
    eventTick.value++;
    const p = data.payload ?? {};
    if (data.kind === 'message') {
      unreadCount.value++;
      if (p.messageKind === 'rapid_alert' && typeof p.messageId === 'string' && !pendingRapidAlerts.value.some((r) => r.id === p.messageId)) {
        pendingRapidAlerts.value = [
          { id: p.messageId, threadId: String(p.threadId ?? ''), title: String(p.subject ?? ''), severity: typeof p.severity === 'string' ? p.severity : undefined, from: String(p.from ?? '') },
          ...pendingRapidAlerts.value,
        ];
      }
    }
  };
  for (const kind of ['message', 'delivery_receipt', 'delivery_failed', 'read_receipt', 'acknowledgement', 'watch_match']) source.addEventListener(kind, handle);
}

export function disconnectLive(): void {
  source?.close();
  source = null;
  liveConnected.value = false;
  pendingRapidAlerts.value = [];
  unreadCount.value = 0;
}

export function rapidAlertAcknowledged(id: string): void {
  pendingRapidAlerts.value = pendingRapidAlerts.value.filter((r) => r.id !== id);
}
