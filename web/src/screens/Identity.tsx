// The verification queue: links the multiple-identity detection found (yellow)
// waiting for an officer, most probable first, one page at a time.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { t } from '../i18n/index.ts';
import { formatDateTime, formatNumber, label, query } from '../format.ts';
import { hasRole } from '../session.ts';
import { Pager } from '../components/Pager.tsx';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import type { ComparedPerson } from '../components/PersonCompare.tsx';
import { useAction } from '../components/use-action.ts';

export interface IdentityLinkView {
  id: string;
  status: 'yellow' | 'green' | 'white' | 'red';
  probability: number;
  explanation: unknown;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
  a: ComparedPerson;
  b: ComparedPerson;
}

const LIMIT = 50;
export const LINK_STATUSES = ['yellow', 'green', 'white', 'red'] as const;

export function Identity() {
  const params = new URLSearchParams(location.search);
  const [status, setStatus] = useState(params.get('status') ?? 'yellow');
  const [offset, setOffset] = useState(0);
  const [data, setData] = useState<{ items: IdentityLinkView[]; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    setError(null);
    api<{ items: IdentityLinkView[]; total: number }>('GET', `/api/v1/identity/links${query({ status, limit: LIMIT, offset })}`).then(setData, setError);
  }, [status, offset, reload]);
  return (
    <main id="main">
      <h1 tabIndex={-1}>{t('identity.title')}</h1>
      <p class="muted">{t('identity.intro')}</p>
      <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('common.filters')}>
        <div>
          <label for="link-status">{t('identity.status')}</label>
          <select id="link-status" value={status} onChange={(e) => { setStatus(e.currentTarget.value); setOffset(0); }}>
            {LINK_STATUSES.map((s) => <option key={s} value={s}>{label('linkStatus', s)}</option>)}
          </select>
        </div>
      </form>
      {hasRole('analyst') ? <Detect onDone={() => setReload((n) => n + 1)} /> : null}
      <ProblemMessage error={error} />
      {data ? (
        <>
          <p class="muted" aria-live="polite" data-testid="queue-count">{t('identity.count', { count: formatNumber(data.total), status: label('linkStatus', status) })}</p>
          <div class="table-wrap">
            <table class="list">
              <caption class="sr-only">{t('identity.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('identity.recordA')}</th>
                  <th scope="col">{t('identity.recordB')}</th>
                  <th scope="col" class="num">{t('identity.probability')}</th>
                  <th scope="col">{t('identity.found')}</th>
                  <th scope="col"><span class="sr-only">{t('identity.review')}</span></th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((l) => (
                  <tr key={l.id}>
                    <td>{l.a.display}<br /><small class="muted">{l.a.source}</small></td>
                    <td>{l.b.display}<br /><small class="muted">{l.b.source}</small></td>
                    <td class="num">{(l.probability * 100).toFixed(1)}%</td>
                    <td>{formatDateTime(l.createdAt)}</td>
                    <td><a href={`/identity/links/${encodeURIComponent(l.id)}`} aria-label={t('identity.reviewPair', { a: l.a.display, b: l.b.display })}>{t('identity.review')}</a></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager offset={offset} limit={LIMIT} total={data.total} onChange={setOffset} label={t('identity.pages')} />
        </>
      ) : error ? null : <p>{t('app.loading')}</p>}
    </main>
  );
}

/** Runs the multiple-identity detection over all records now (analysts); new pairs join the queue. */
function Detect({ onDone }: { onDone(): void }) {
  const { busy, error, setError, act } = useAction();
  const [summary, setSummary] = useState<{ examined: number; candidatePairs: number; linksCreated: number } | null>(null);
  const run = async () => {
    await act(async () => {
      setSummary(await api('POST', '/api/v1/identity/detect', {}));
      onDone();
    });
  };
  return (
    <div class="detect">
      <button type="button" class="secondary" disabled={busy} onClick={run}>{busy ? t('identity.detecting') : t('identity.detect')}</button>
      {summary ? <span role="status"> {t('identity.detected', { examined: formatNumber(summary.examined), pairs: formatNumber(summary.candidatePairs), links: formatNumber(summary.linksCreated) })}</span> : null}
      <ProblemMessage error={error} />
    </div>
  );
}
