// The officer's screen: one box, purpose and case asked once, ranked results
// with the action to take, why each matched, and confirming or dismissing a
// hit (which notifies the issuing authority).
import { useRef, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { t } from '../i18n/index.ts';
import { formatDate, label } from '../format.ts';
import { hasRole, rememberSearchContext, searchContext, session } from '../session.ts';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { Explanation } from '../components/Explanation.tsx';
import { HitDecision } from '../components/HitDecision.tsx';
import { isRecordHit, type RecordHit, type SearchHit, type SearchResult as SearchResponse } from '../../../src/services/search/types.ts';

// The purposes of src/domain/purpose.ts, for a session that does not list its own.
export const PURPOSES = ['border_check', 'police_check', 'criminal_investigation', 'counter_terrorism', 'missing_person', 'judicial_cooperation', 'migration_check', 'alert_management'] as const;

// The API's own response types (type-only: nothing of the server is bundled).
export type { HitAlert } from '../../../src/services/alerts/read.ts';
export type { RecordHit, HitNoHitHit, SearchHit, SearchResult as SearchResponse } from '../../../src/services/search/types.ts';

export function Search() {
  const [text, setText] = useState('');
  const purposes = session.value?.purposes?.length ? session.value.purposes : [...PURPOSES];
  const [purpose, setPurpose] = useState(purposes.includes(searchContext.value.purpose) ? searchContext.value.purpose : purposes.length === 1 ? purposes[0]! : '');
  const [caseReference, setCaseReference] = useState(searchContext.value.caseReference);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<SearchResponse | null>(null);
  const resultsRef = useRef<HTMLHeadingElement>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      rememberSearchContext({ purpose, caseReference });
      const r = await api<SearchResponse>('POST', '/api/v1/search', { purpose, caseReference, text });
      setResult(r);
      requestAnimationFrame(() => resultsRef.current?.focus());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main">
      <h1 tabIndex={-1}>{t('search.title')}</h1>
      <p class="muted">{t('search.intro')}</p>
      <form class="search-form" onSubmit={submit} aria-label={t('search.title')}>
        <div class="context-row">
          <div>
            <label for="purpose">{t('search.purpose')}</label>
            <select id="purpose" required value={purpose} onChange={(e) => setPurpose(e.currentTarget.value)}>
              <option value="">—</option>
              {purposes.map((p) => (
                <option key={p} value={p}>{label('purpose', p)}</option>
              ))}
            </select>
          </div>
          <div>
            <label for="case">{t('search.case')}</label>
            <input id="case" required minLength={3} maxLength={64} value={caseReference} onInput={(e) => setCaseReference(e.currentTarget.value)} aria-describedby="case-hint" />
            <small id="case-hint" class="muted">{t('search.caseHint')}</small>
          </div>
        </div>
        <label for="q">{t('search.query')}</label>
        <div class="query-row">
          <textarea id="q" rows={text.includes('\n') ? 3 : 1} required value={text} placeholder={t('search.queryHint')} aria-describedby="q-hint"
            onInput={(e) => setText(e.currentTarget.value)}
            onKeyDown={(e) => { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); (e.currentTarget.form as HTMLFormElement).requestSubmit(); } }} />
          <button type="submit" disabled={busy}>{busy ? t('search.busy') : t('search.submit')}</button>
        </div>
        <small id="q-hint" class="muted">{t('search.keyHint')}</small>
      </form>
      <ProblemMessage error={error} />
      {result ? <Results result={result} headingRef={resultsRef} /> : null}
    </main>
  );
}

function Results({ result, headingRef }: { result: SearchResponse; headingRef: preact.RefObject<HTMLHeadingElement | null> }) {
  const hits = result.hits ?? [];
  const read = result.interpretations?.filter((i) => i.searched) ?? [];
  return (
    <section aria-labelledby="results-title" class="results">
      <h2 id="results-title" tabIndex={-1} ref={headingRef}>{hits.length === 1 ? t('search.resultsOne') : t('search.results', { count: hits.length })}</h2>
      {read.length ? <p class="muted" data-testid="interpreted">{t('search.detected', { kind: read.map((i) => `${label('kind', i.kind)} ${i.value}`).join('; ') })}</p> : null}
      {result.mrz ? (
        <p class={result.mrz.valid ? 'ok-note' : 'warning'}>
          {result.mrz.valid ? t('search.mrzValid', { number: result.mrz.documentNumber, country: result.mrz.issuingCountry }) : t('search.mrzInvalid', { fields: result.mrz.failedChecks.join(', ') })}
        </p>
      ) : null}
      <details class="sources muted">
        <summary>{t('search.sourcesSummary', { searched: result.sources.searched.length, notSearched: result.sources.notSearched.length })}</summary>
        <p>{t('search.searched', { sources: result.sources.searched.map((s) => s.name).join(', ') || '—' })}</p>
        {result.sources.notSearched.length ? <p>{t('search.notSearched', { sources: result.sources.notSearched.map((s) => `${s.name} (${s.reason})`).join('; ') })}</p> : null}
      </details>
      {result.warnings?.map((w) => <p class="warning" key={w}>{w}</p>)}
      {hits.length === 0 ? <p>{t('search.noResults')}</p> : (
        <ol class="hits">
          {hits.map((h, i) => (isRecordHit(h) ? <HitCard key={h.recordId} hit={h} search={result} /> : <li class="hit hnh" key={`hnh-${i}`}>{t('search.hitNoHit', { source: h.source, contact: `${h.contact.name} (${h.contact.country})` })}</li>))}
        </ol>
      )}
    </section>
  );
}

function HitCard({ hit, search }: { hit: RecordHit; search: SearchResponse }) {
  const p = Math.round(hit.probability * 1000) / 10;
  const myCountry = session.value?.authority.country;
  return (
    <li class={`hit ${hit.alerts.length ? 'has-alert' : ''}`}>
      <div class="hit-head">
        <h3 class="hit-name">{hit.display}</h3>
        <span class="muted">{hit.source} · {hit.kind === 'object' ? label('objectKind', hit.objectKind) : t('kind.person')} · {t('search.matchedOn', { on: label('matchedOn', hit.matchedOn) })}</span>
        <span class="prob"><meter min={0} max={100} value={p} aria-label={t('search.probability', { p })} /> <span aria-hidden="true">{p}%</span></span>
      </div>
      {hit.alerts.map((a) => {
        const flaggedHere = a.flags.filter((f) => f.country === myCountry);
        return (
          <div class={`alert-box cat-${a.category}`} key={a.id}>
            <p><span class="badge">{label('category', a.category)}</span> <span class="badge subtle">{a.handlingCode}</span> <span class="muted">{a.issuingAuthority.name} ({a.issuingAuthority.country}) · {t('alert.expires', { date: formatDate(a.expiresAt) })}</span></p>
            <p class="action"><strong>{t('search.action')}:</strong> {a.action}</p>
            {a.flags.map((f, j) => <p class="flag" key={j}>{t('search.flag', { country: f.country, reason: f.reason })}</p>)}
            {flaggedHere.length ? <p class="warning">{t('search.flaggedHere')}</p> : null}
            <p class="alert-links">
              <a href={`/alerts/${encodeURIComponent(a.id)}`}>{t('search.openAlert')}</a>
            </p>
            {hasRole('border_guard', 'police_officer', 'spoc') ? <HitDecision alert={a} recordId={hit.recordId} search={search} /> : null}
          </div>
        );
      })}
      <details>
        <summary>{t('search.why')}</summary>
        <Explanation data={hit.explanation} />
      </details>
      <p class="hit-more">
        {hit.kind === 'person' ? <a href={`/identity/persons/${encodeURIComponent(hit.recordId)}`}>{t('search.openCluster')}</a> : null}
        {hit.kind === 'person' && hasRole('police_officer') ? ' · ' : null}
        {hasRole('police_officer') ? <a href={`/alerts/new?subject=${hit.kind}:${encodeURIComponent(hit.recordId)}`}>{t('search.createAlert')}</a> : null}
      </p>
    </li>
  );
}
