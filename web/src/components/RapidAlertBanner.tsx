// Rapid alerts demand acknowledgement: they stay on every screen, announced
// to screen readers, until someone of this authority acknowledges them.
import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import { t } from '../i18n/index.ts';
import { label } from '../format.ts';
import { pendingRapidAlerts, rapidAlertAcknowledged, unreadCount } from '../live.ts';
import { ProblemMessage } from './ProblemMessage.tsx';

export function RapidAlertBanner() {
  const pending = pendingRapidAlerts.value;
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  if (!pending.length) return null;
  const acknowledge = async (id: string) => {
    setBusy(id);
    setError(null);
    try {
      await api('POST', `/api/v1/rapid-alerts/${encodeURIComponent(id)}/acknowledge`, {});
      rapidAlertAcknowledged(id);
      unreadCount.value = Math.max(0, unreadCount.value - 1);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section class="rapid-banner" role="alert" aria-label={t('rapid.bannerLabel')}>
      {pending.map((r) => (
        <div class={`rapid-item sev-${r.severity ?? 'high'}`} key={r.id} data-testid="rapid-alert">
          <span class="badge">{t('rapid.badge')} · {label('severity', r.severity ?? 'high')}</span>
          <strong>{r.title}</strong>
          {r.from ? <span>{t('rapid.from', { from: r.from })}</span> : null}
          {r.threadId ? <a href={`/inbox/threads/${encodeURIComponent(r.threadId)}`}>{t('rapid.open')}</a> : null}
          <button type="button" disabled={busy === r.id} onClick={() => acknowledge(r.id)}>{t('rapid.acknowledge')}</button>
        </div>
      ))}
      <ProblemMessage error={error} />
    </section>
  );
}
