// The inbox of the authority: hit notifications, follow-up messages, rapid
// alerts and watch matches, unread first, updated live as events arrive.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { t } from '../i18n/index.ts';
import { formatDateTime, label, query } from '../format.ts';
import { eventTick, liveConnected, unreadCount } from '../live.ts';
import { hasRole } from '../session.ts';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { RapidAlertForm } from '../components/RapidAlertForm.tsx';
import type { InboxItem } from '../../../src/services/exchange/messages.ts';


const KINDS = ['hit_notification', 'message', 'rapid_alert', 'watch_match'] as const;

export function Inbox() {
  const [kind, setKind] = useState('');
  const [data, setData] = useState<{ items: InboxItem[]; unread: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const tick = eventTick.value;
  useEffect(() => {
    api<{ items: InboxItem[]; unread: number }>('GET', `/api/v1/inbox${query({ kind, limit: 200 })}`).then((d) => {
      setData(d);
      if (!kind) unreadCount.value = d.unread;
    }, setError);
  }, [kind, tick]);
  return (
    <main id="main">
      <h1 tabIndex={-1}>{t('inbox.title')}</h1>
      <p class="muted">
        <span class={`live-dot ${liveConnected.value ? 'on' : ''}`} aria-hidden="true" /> {liveConnected.value ? t('inbox.live') : t('inbox.notLive')}
      </p>
      <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('common.filters')}>
        <div>
          <label for="inbox-kind">{t('inbox.kind')}</label>
          <select id="inbox-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
            <option value="">{t('common.all')}</option>
            {KINDS.map((k) => <option key={k} value={k}>{label('messageKind', k)}</option>)}
          </select>
        </div>
      </form>
      <ProblemMessage error={error} />
      {data ? (
        data.items.length === 0 ? <p>{t('inbox.empty')}</p> : (
          <ul class="inbox" aria-live="polite" data-testid="inbox-list">
            {data.items.map((m) => (
              <li key={m.id} class={`inbox-item ${m.readAt ? 'read' : 'unread'} kind-${m.kind}`}>
                <a href={`/inbox/threads/${encodeURIComponent(m.threadId)}`}>
                  <span class="badge subtle">{label('messageKind', m.kind)}</span>{' '}
                  <strong class="subject">{m.subject}</strong>
                  {!m.readAt ? <span class="sr-only"> ({t('inbox.unread')})</span> : null}
                </a>
                <span class="meta muted">
                  {m.from.name} · {formatDateTime(m.createdAt)} · {m.handlingCode} · {label('classification', m.classification)}
                  {m.requiresAcknowledgement ? (m.acknowledgedAt ? ` · ${t('inbox.acknowledged')}` : ` · ${t('inbox.needsAck')}`) : ''}
                </span>
              </li>
            ))}
          </ul>
        )
      ) : error ? null : <p>{t('app.loading')}</p>}
      {hasRole('spoc') ? <RapidAlertForm /> : null}
    </main>
  );
}
