// The threat picture for analysts: searches and hits over time, confirmed
// hits and alerts in force by alert category, by EMPACT crime priority and by
// country — filterable, exportable as CSV and printable as a report.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { t } from '../i18n/index.ts';
import { formatDate, formatDateTime, formatNumber, label, query } from '../format.ts';
import { session } from '../session.ts';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { TimeChart } from '../charts/TimeChart.tsx';
import { BarChart } from '../charts/BarChart.tsx';
import { ALERT_CATEGORIES, CRIME_AREAS } from '../domain.ts';

interface Breakdown { key: string; confirmedHits: number; activeAlerts: number }
interface ThreatPicture {
  query: { from: string; to: string; bucket: string; country?: string; category?: string; crimeArea?: string };
  generatedAt: string;
  searchesFiltered: boolean;
  totals: { searches: number; searchesWithHit: number; confirmedHits: number; dismissedHits: number; activeAlerts: number };
  series: { period: string; searches: number; searchesWithHit: number; confirmedHits: number; dismissedHits: number }[];
  byCategory: Breakdown[];
  byCrimeArea: (Breakdown & { empact: boolean })[];
  byCountry: (Breakdown & { searches: number })[];
}

interface Filters { from: string; to: string; bucket: string; country: string; category: string; crimeArea: string }

export function Threat() {
  const [draft, setDraft] = useState<Filters>({ from: '', to: '', bucket: 'week', country: '', category: '', crimeArea: '' });
  const [filters, setFilters] = useState<Filters>(draft);
  const [data, setData] = useState<ThreatPicture | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const qs = query({ ...filters });
  useEffect(() => {
    setBusy(true);
    setError(null);
    api<ThreatPicture>('GET', `/api/v1/stats/threat-picture${qs}`).then((d) => {
      setData(d);
      // The node's clock decides the default period; show it in the filters.
      setDraft((f) => (f.from && f.to ? f : { ...f, from: d.query.from, to: d.query.to }));
    }, setError).finally(() => setBusy(false));
  }, [qs]);
  const set = (k: keyof Filters) => (e: Event) => setDraft({ ...draft, [k]: (e.currentTarget as HTMLInputElement).value });
  const apply = (e: Event) => {
    e.preventDefault();
    setFilters({ ...draft, country: draft.country.trim().toUpperCase() });
  };
  const hitsMeasures = [
    { label: t('threat.confirmedHits'), tone: 's2' },
    { label: t('threat.activeAlerts'), tone: 's4' },
  ];
  return (
    <main id="main" class="threat">
      <div class="title-row">
        <h1 tabIndex={-1}>{t('threat.title')}</h1>
        <div class="button-row no-print">
          <a class="button secondary" href={`/api/v1/stats/threat-picture/export${qs}`} download>{t('threat.exportCsv')}</a>
          <button type="button" class="secondary" onClick={() => window.print()}>{t('threat.print')}</button>
        </div>
      </div>
      <p class="print-only">{t('threat.printedBy', { user: session.value?.user.username ?? '', authority: session.value?.authority.name ?? '' })}</p>
      <form class="filters no-print" onSubmit={apply} aria-label={t('common.filters')}>
        <div><label for="tp-from">{t('threat.from')}</label><input id="tp-from" type="date" value={draft.from} onInput={set('from')} /></div>
        <div><label for="tp-to">{t('threat.to')}</label><input id="tp-to" type="date" value={draft.to} onInput={set('to')} /></div>
        <div>
          <label for="tp-bucket">{t('threat.bucket')}</label>
          <select id="tp-bucket" value={draft.bucket} onChange={set('bucket')}>
            {['day', 'week', 'month'].map((b) => <option key={b} value={b}>{label('bucket', b)}</option>)}
          </select>
        </div>
        <div><label for="tp-country">{t('threat.country')}</label><input id="tp-country" value={draft.country} onInput={set('country')} placeholder="NLD" maxLength={3} size={5} /></div>
        <div>
          <label for="tp-category">{t('alert.category')}</label>
          <select id="tp-category" value={draft.category} onChange={set('category')}>
            <option value="">{t('common.all')}</option>
            {ALERT_CATEGORIES.map((c) => <option key={c} value={c}>{label('category', c)}</option>)}
          </select>
        </div>
        <div>
          <label for="tp-area">{t('alert.crimeArea')}</label>
          <select id="tp-area" value={draft.crimeArea} onChange={set('crimeArea')}>
            <option value="">{t('common.all')}</option>
            {CRIME_AREAS.map((c) => <option key={c} value={c}>{label('crimeArea', c)}</option>)}
          </select>
        </div>
        <div class="apply"><button type="submit" disabled={busy}>{t('threat.apply')}</button></div>
      </form>
      <ProblemMessage error={error} />
      {data ? (
        <>
          <p class="muted" aria-live="polite">
            {t('threat.period', { from: formatDate(data.query.from), to: formatDate(data.query.to) })} · {t('threat.generated', { at: formatDateTime(data.generatedAt) })}
          </p>
          <dl class="kpis" data-testid="kpis">
            <div><dt>{t('threat.searches')}</dt><dd>{formatNumber(data.totals.searches)}</dd></div>
            <div><dt>{t('threat.searchesWithHit')}</dt><dd>{formatNumber(data.totals.searchesWithHit)}</dd></div>
            <div><dt>{t('threat.confirmedHits')}</dt><dd>{formatNumber(data.totals.confirmedHits)}</dd></div>
            <div><dt>{t('threat.dismissedHits')}</dt><dd>{formatNumber(data.totals.dismissedHits)}</dd></div>
            <div><dt>{t('threat.activeAlerts')}</dt><dd>{formatNumber(data.totals.activeAlerts)}</dd></div>
          </dl>
          {!data.searchesFiltered ? <p class="warning">{t('threat.searchesUnfiltered')}</p> : null}
          <section aria-labelledby="tp-time">
            <h2 id="tp-time">{t('threat.overTime')}</h2>
            <TimeChart
              title={t('threat.overTime')}
              periods={data.series.map((s) => s.period)}
              series={[
                { key: 'searches', label: t('threat.searches'), tone: 's1', values: data.series.map((s) => s.searches) },
                { key: 'withHit', label: t('threat.searchesWithHit'), tone: 's3', values: data.series.map((s) => s.searchesWithHit) },
                { key: 'confirmed', label: t('threat.confirmedHits'), tone: 's2', values: data.series.map((s) => s.confirmedHits) },
              ]}
            />
            <DataTable
              caption={t('threat.overTime')}
              head={[t('threat.periodStart'), t('threat.searches'), t('threat.searchesWithHit'), t('threat.confirmedHits'), t('threat.dismissedHits')]}
              rows={data.series.map((s) => [formatDate(s.period), s.searches, s.searchesWithHit, s.confirmedHits, s.dismissedHits])}
            />
          </section>
          <div class="chart-grid">
            <section aria-labelledby="tp-empact">
              <h2 id="tp-empact">{t('threat.byCrimeArea')}</h2>
              <BarChart title={t('threat.byCrimeArea')} measures={hitsMeasures}
                rows={data.byCrimeArea.map((r) => ({ key: r.key, label: label('crimeArea', r.key), note: r.empact ? '' : t('threat.notEmpact'), values: [r.confirmedHits, r.activeAlerts] }))} />
              <DataTable caption={t('threat.byCrimeArea')} head={[t('alert.crimeArea'), t('threat.confirmedHits'), t('threat.activeAlerts')]}
                rows={data.byCrimeArea.map((r) => [label('crimeArea', r.key), r.confirmedHits, r.activeAlerts])} />
            </section>
            <section aria-labelledby="tp-category">
              <h2 id="tp-category">{t('threat.byCategory')}</h2>
              <BarChart title={t('threat.byCategory')} measures={hitsMeasures}
                rows={data.byCategory.map((r) => ({ key: r.key, label: label('category', r.key), values: [r.confirmedHits, r.activeAlerts] }))} />
              <DataTable caption={t('threat.byCategory')} head={[t('alert.category'), t('threat.confirmedHits'), t('threat.activeAlerts')]}
                rows={data.byCategory.map((r) => [label('category', r.key), r.confirmedHits, r.activeAlerts])} />
            </section>
            <section aria-labelledby="tp-country">
              <h2 id="tp-country">{t('threat.byCountry')}</h2>
              <BarChart title={t('threat.byCountry')} measures={[{ label: t('threat.searches'), tone: 's1' }, ...hitsMeasures]}
                rows={data.byCountry.slice(0, 20).map((r) => ({ key: r.key, label: r.key, values: [r.searches, r.confirmedHits, r.activeAlerts] }))} />
              <DataTable caption={t('threat.byCountry')} head={[t('threat.country'), t('threat.searches'), t('threat.confirmedHits'), t('threat.activeAlerts')]}
                rows={data.byCountry.map((r) => [r.key, r.searches, r.confirmedHits, r.activeAlerts])} />
            </section>
          </div>
        </>
      ) : error ? null : <p>{t('app.loading')}</p>}
    </main>
  );
}

function DataTable({ caption, head, rows }: { caption: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <details class="data-table">
      <summary>{t('threat.showNumbers')}</summary>
      <table class="list">
        <caption class="sr-only">{caption}</caption>
        <thead><tr>{head.map((h, i) => <th scope="col" key={h} class={i ? 'num' : ''}>{h}</th>)}</tr></thead>
        <tbody>{rows.map((r, i) => <tr key={i}>{r.map((c, j) => (j === 0 ? <th scope="row" key={j}>{c}</th> : <td key={j} class="num">{typeof c === 'number' ? formatNumber(c) : c}</td>))}</tr>)}</tbody>
      </table>
    </details>
  );
}
