// One alert: what it asks, on whom or what, its validity, the flags partners
// set, every change in its history and the hits it produced.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api.ts';
import { t } from '../i18n/index.ts';
import { formatDate, formatDateTime, itemsOf, label } from '../format.ts';
import { hasRole, session } from '../session.ts';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import type { AlertView } from '../domain.ts';
import { useAction } from '../components/use-action.ts';

interface HistoryEntry {
  changedAt: string;
  actor: { id: string; name: string; authorityId: string };
  change: string;
  changes: Record<string, { from: unknown; to: unknown }>;
  reason: string | null;
}
interface HitView {
  id: string;
  action: 'confirm' | 'dismiss';
  actionTaken: string | null;
  reason: string | null;
  caseReference: string;
  officer: { id: string; name: string; authorityId: string };
  threadId: string | null;
  createdAt: string;
}

/** Newest change first; the API lists them in the order they happened (ties keep that order, reversed). */
function newestFirst(list: HistoryEntry[]): HistoryEntry[] {
  return list.map((h, i) => ({ h, i })).sort((x, y) => y.h.changedAt.localeCompare(x.h.changedAt) || y.i - x.i).map((x) => x.h);
}

const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

export function AlertDetail({ id }: { id: string }) {
  const [alert, setAlert] = useState<AlertView | null>(null);
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  const [hits, setHits] = useState<HitView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [partError, setPartError] = useState<unknown>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    const enc = encodeURIComponent(id);
    api<AlertView>('GET', `/api/v1/alerts/${enc}`).then(setAlert, setError);
    api('GET', `/api/v1/alerts/${enc}/history`).then((d) => setHistory(newestFirst(itemsOf<HistoryEntry>(d))), (e) => {
      // Alerts loaded by a bulk import have no history rows yet; the API answers 404 for those.
      setHistory([]);
      if (!(e instanceof ApiError && e.status === 404)) setPartError(e);
    });
    api('GET', `/api/v1/hits?alertId=${enc}`).then((d) => setHits(itemsOf<HitView>(d)), () => setHits([]));
  }, [id, reload]);
  if (error) return <main id="main"><h1 tabIndex={-1}>{t('alert.title')}</h1><ProblemMessage error={error} /></main>;
  if (!alert) return <main id="main"><p>{t('app.loading')}</p></main>;
  const mine = alert.issuingAuthority.id === session.value?.authority.id;
  const row = (k: string, v: unknown) => (
    <>
      <dt>{k}</dt>
      <dd>{show(v)}</dd>
    </>
  );
  return (
    <main id="main">
      <div class="title-row">
        <h1 tabIndex={-1}>{label('category', alert.category)}: {alert.subject.display}</h1>
        {hasRole('police_officer') && mine ? <a class="button" href={`/alerts/${encodeURIComponent(alert.id)}/edit`}>{t('alert.edit')}</a> : null}
      </div>
      <p>
        <span class={`badge ${alert.effective ? '' : 'subtle'}`}>{label('alertStatus', alert.status)}</span>{' '}
        {alert.effective ? <span>{t('alert.effective')}</span> : <span class="muted">{t('alert.notEffective')}</span>}
      </p>
      {alert.status === 'proposed' && hasRole('spoc') ? <ReviewForm id={alert.id} onDone={() => setReload((n) => n + 1)} /> : null}
      <section class="card action-card" aria-labelledby="action-h">
        <h2 id="action-h">{t('search.action')}</h2>
        <p class="action">{alert.action}</p>
      </section>
      <div class="columns">
        <section aria-labelledby="facts-h">
          <h2 id="facts-h">{t('alert.facts')}</h2>
          <dl class="facts">
            {row(t('alert.ref'), `${alert.source} / ${alert.ref}`)}
            {row(t('alert.issuingAuthority'), `${alert.issuingAuthority.name} (${alert.issuingAuthority.country})`)}
            {row(t('alert.crimeArea'), alert.crimeArea ? label('crimeArea', alert.crimeArea) : null)}
            {row(t('alert.reason'), alert.reason)}
            {row(t('alert.legalBasis'), alert.legalBasis)}
            {row(t('alert.protectiveMeasures'), alert.protectiveMeasures)}
            {row(t('alert.handlingCode'), `${alert.handlingCode} — ${label('handling', alert.handlingCode)}`)}
            {row(t('alert.validFrom'), formatDate(alert.validFrom))}
            {row(t('alert.expiresAt'), formatDate(alert.expiresAt))}
            {row(t('alert.reviewAt'), formatDate(alert.reviewAt))}
          </dl>
        </section>
        <section aria-labelledby="subject-h">
          <h2 id="subject-h">{t('alert.subject')}</h2>
          <p>
            {alert.subject.type === 'person' ? (
              <a href={`/identity/persons/${encodeURIComponent(alert.subject.id)}`}>{alert.subject.display}</a>
            ) : (
              <span>{alert.subject.display}</span>
            )}
            <br />
            <small class="muted">{alert.subject.type === 'person' ? t('kind.person') : label('objectKind', alert.subject.objectKind)} · {alert.subject.source} / {alert.subject.ref}</small>
          </p>
          {alert.links.length ? (
            <>
              <h3>{t('alert.links')}</h3>
              <ul>{alert.links.map((l) => <li key={l.id}><a href={`/alerts/${encodeURIComponent(l.id)}`}>{label('category', l.category)}: {l.display}</a></li>)}</ul>
            </>
          ) : null}
          <h3>{t('alert.flags')}</h3>
          {alert.flags.length ? (
            <ul class="flags">{alert.flags.map((f) => <li key={f.authorityId} class="flag">{t('search.flag', { country: `${f.authorityName} (${f.country})`, reason: f.reason })} <small class="muted">{formatDateTime(f.flaggedAt)}</small></li>)}</ul>
          ) : <p class="muted">{t('alert.noFlags')}</p>}
          {hasRole('police_officer') && !mine && !alert.flags.some((f) => f.authorityId === session.value?.authority.id) ? <FlagForm id={alert.id} onDone={() => setReload((n) => n + 1)} /> : null}
        </section>
      </div>
      <section aria-labelledby="hits-h">
        <h2 id="hits-h">{t('alert.hits')}</h2>
        {hits === null ? <p>{t('app.loading')}</p> : hits.length === 0 ? <p class="muted">{t('alert.noHits')}</p> : (
          <table class="list">
            <thead><tr><th scope="col">{t('common.when')}</th><th scope="col">{t('alert.hitDecision')}</th><th scope="col">{t('alert.hitOfficer')}</th><th scope="col">{t('search.case')}</th><th scope="col">{t('alert.hitThread')}</th></tr></thead>
            <tbody>
              {hits.map((h) => (
                <tr key={h.id}>
                  <td>{formatDateTime(h.createdAt)}</td>
                  <td>{h.action === 'confirm' ? t('hit.confirmedShort') : t('hit.dismissedShort')}: {h.actionTaken ?? h.reason}</td>
                  <td>{h.officer.name} ({h.officer.authorityId})</td>
                  <td>{h.caseReference}</td>
                  <td>{h.threadId ? <a href={`/inbox/threads/${encodeURIComponent(h.threadId)}`}>{t('hit.openThread')}</a> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="history-h">
        <h2 id="history-h">{t('alert.history')}</h2>
        <ProblemMessage error={partError} />
        {history === null ? <p>{t('app.loading')}</p> : history.length === 0 ? <p class="muted">{t('alert.noHistory')}</p> : (
          <ol class="history">
            {history.map((h, i) => (
              <li key={i}>
                <p><strong>{label('change', h.change)}</strong> · {formatDateTime(h.changedAt)} · {h.actor.name} ({h.actor.authorityId})</p>
                {h.reason ? <p class="muted">{t('common.reason')}: {h.reason}</p> : null}
                {Object.keys(h.changes ?? {}).length ? (
                  <table class="diff">
                    <thead><tr><th scope="col">{t('alert.field')}</th><th scope="col">{t('alert.before')}</th><th scope="col">{t('alert.after')}</th></tr></thead>
                    <tbody>{Object.entries(h.changes).map(([k, c]) => <tr key={k}><th scope="row">{k}</th><td><del>{show(c.from)}</del></td><td><ins>{show(c.to)}</ins></td></tr>)}</tbody>
                  </table>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </main>
  );
}

function FlagForm({ id, onDone }: { id: string; onDone(): void }) {
  const [reason, setReason] = useState('');
  const { busy, error, setError, act } = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    await act(async () => {
      await api('POST', `/api/v1/alerts/${encodeURIComponent(id)}/flags`, { reason });
      onDone();
    });
  };
  return (
    <form onSubmit={submit} class="inline-form">
      <label for="flag-reason">{t('alert.flagReason')}</label>
      <textarea id="flag-reason" rows={2} required minLength={3} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      <button type="submit" disabled={busy}>{t('alert.flag')}</button>
      <ProblemMessage error={error} />
    </form>
  );
}

/** A proposed alert (third-party information) is approved into an alert or rejected, with who and why. */
function ReviewForm({ id, onDone }: { id: string; onDone(): void }) {
  const [reason, setReason] = useState('');
  const { busy, error, setError, act } = useAction();
  const decide = (verb: 'approve' | 'reject') => async () => {
    await act(async () => {
      await api('POST', `/api/v1/alerts/${encodeURIComponent(id)}/${verb}`, { reason });
      onDone();
    });
  };
  return (
    <section class="card review" aria-labelledby="review-h">
      <h2 id="review-h">{t('alert.reviewTitle')}</h2>
      <p class="muted">{t('alert.reviewIntro')}</p>
      <label for="review-reason">{t('common.reason')}</label>
      <textarea id="review-reason" rows={2} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      <ProblemMessage error={error} />
      <div class="button-row">
        <button type="button" disabled={busy} onClick={decide('approve')}>{t('alert.approve')}</button>
        <button type="button" class="danger" disabled={busy} onClick={decide('reject')}>{t('alert.reject')}</button>
      </div>
    </section>
  );
}
