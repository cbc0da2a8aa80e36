// The alerts list: filter by status and category, one page at a time.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { t } from '../i18n/index.ts';
import { formatDate, formatNumber, label, query } from '../format.ts';
import { hasRole } from '../session.ts';
import { Pager } from '../components/Pager.tsx';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { ALERT_CATEGORIES, ALERT_STATUSES, type AlertView } from '../domain.ts';

const LIMIT = 50;

export function Alerts() {
  const [status, setStatus] = useState('active');
  const [category, setCategory] = useState('');
  const [offset, setOffset] = useState(0);
  const [data, setData] = useState<{ items: AlertView[]; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setError(null);
    api<{ items: AlertView[]; total: number }>('GET', `/api/v1/alerts${query({ status, category, limit: LIMIT, offset })}`).then(setData, setError);
  }, [status, category, offset]);
  return (
    <main id="main">
      <div class="title-row">
        <h1 tabIndex={-1}>{t('alerts.title')}</h1>
        {hasRole('police_officer') ? <a class="button" href="/alerts/new">{t('alerts.new')}</a> : null}
      </div>
      <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('common.filters')}>
        <div>
          <label for="al-status">{t('alert.status')}</label>
          <select id="al-status" value={status} onChange={(e) => { setStatus(e.currentTarget.value); setOffset(0); }}>
            <option value="">{t('common.all')}</option>
            {ALERT_STATUSES.map((s) => <option key={s} value={s}>{label('alertStatus', s)}</option>)}
          </select>
        </div>
        <div>
          <label for="al-category">{t('alert.category')}</label>
          <select id="al-category" value={category} onChange={(e) => { setCategory(e.currentTarget.value); setOffset(0); }}>
            <option value="">{t('common.all')}</option>
            {ALERT_CATEGORIES.map((c) => <option key={c} value={c}>{label('category', c)}</option>)}
          </select>
        </div>
      </form>
      <ProblemMessage error={error} />
      {data ? (
        <>
          <p class="muted" aria-live="polite">{t('alerts.count', { count: formatNumber(data.total) })}</p>
          <div class="table-wrap">
            <table class="list">
              <caption class="sr-only">{t('alerts.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('alert.subject')}</th>
                  <th scope="col">{t('alert.category')}</th>
                  <th scope="col">{t('alert.issuingAuthority')}</th>
                  <th scope="col">{t('alert.status')}</th>
                  <th scope="col">{t('alert.expiresAt')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((a) => (
                  <tr key={a.id}>
                    <td><a href={`/alerts/${encodeURIComponent(a.id)}`}>{a.subject.display}</a><br /><small class="muted">{a.ref}</small></td>
                    <td>{label('category', a.category)}</td>
                    <td>{a.issuingAuthority.name} ({a.issuingAuthority.country})</td>
                    <td>{label('alertStatus', a.status)}</td>
                    <td>{formatDate(a.expiresAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager offset={offset} limit={LIMIT} total={data.total} onChange={setOffset} label={t('alerts.pages')} />
        </>
      ) : error ? null : <p>{t('app.loading')}</p>}
    </main>
  );
}
