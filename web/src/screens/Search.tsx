// The officer's screen: one box, purpose and case asked once, ranked results
// with the action to take and why each matched.
import { useRef, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { rememberSearchContext, searchContext } from '../session.ts';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { Explanation } from '../components/Explanation.tsx';

// The purposes of src/domain/purpose.ts (kept here so the app does not bundle the validation library).
export const PURPOSES = ['border_check', 'police_check', 'criminal_investigation', 'counter_terrorism', 'missing_person', 'judicial_cooperation', 'migration_check', 'alert_management'] as const;

interface AlertSummary {
  id: string;
  category: string;
  action: string;
  issuingAuthority?: string | { id: string; name?: string; country?: string };
  expiresAt?: string;
  handlingCode?: string;
  flags?: { authorityId?: string; country?: string; reason?: string }[];
}
interface SearchHit {
  source: string | { id: string; name?: string };
  kind?: 'person' | 'object';
  recordId?: string;
  probability?: number;
  explanation?: unknown;
  alerts?: AlertSummary[];
  display?: string | Record<string, unknown>;
  hit?: boolean;
  contact?: string | { id: string; name?: string };
}
interface SearchResponse {
  searchId?: string;
  hits: SearchHit[];
  interpretedAs?: string;
  sources?: { searched: ({ id: string; name?: string } | string)[]; notSearched: { id: string; name?: string; reason: string }[] };
  warnings?: string[];
}

const nameOf = (x: unknown): string => (typeof x === 'string' ? x : ((x as { name?: string; id?: string })?.name ?? (x as { id?: string })?.id ?? ''));

function displayOf(d: SearchHit['display']): string {
  if (!d) return '';
  if (typeof d === 'string') return d;
  return Object.values(d).filter((v) => typeof v === 'string' || typeof v === 'number').join(' · ');
}

export function Search() {
  const [text, setText] = useState('');
  const [purpose, setPurpose] = useState(searchContext.value.purpose);
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
      <form class="search-form" onSubmit={submit}>
        <div class="context-row">
          <div>
            <label for="purpose">{t('search.purpose')}</label>
            <select id="purpose" required value={purpose} onChange={(e) => setPurpose(e.currentTarget.value)}>
              <option value="">—</option>
              {PURPOSES.map((p) => (
                <option key={p} value={p}>{t(`purpose.${p}` as MessageKey)}</option>
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
          <textarea id="q" rows={text.includes('\n') ? 3 : 1} required value={text} placeholder={t('search.queryHint')}
            onInput={(e) => setText(e.currentTarget.value)}
            onKeyDown={(e) => { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); (e.currentTarget.form as HTMLFormElement).requestSubmit(); } }} />
          <button type="submit" disabled={busy}>{busy ? t('search.busy') : t('search.submit')}</button>
        </div>
      </form>
      <ProblemMessage error={error} />
      {result ? <Results result={result} headingRef={resultsRef} /> : null}
    </main>
  );
}

function Results({ result, headingRef }: { result: SearchResponse; headingRef: preact.RefObject<HTMLHeadingElement | null> }) {
  const hits = result.hits ?? [];
  return (
    <section aria-labelledby="results-title" class="results">
      <h2 id="results-title" tabIndex={-1} ref={headingRef}>{t('search.results', { count: hits.length })}</h2>
      {result.interpretedAs ? <p class="muted">{t('search.detected', { kind: t(`kind.${result.interpretedAs}` as MessageKey) })}</p> : null}
      {result.sources ? (
        <p class="muted sources">
          {t('search.searched', { sources: result.sources.searched.map(nameOf).join(', ') || '—' })}
          {result.sources.notSearched.length ? <><br />{t('search.notSearched', { sources: result.sources.notSearched.map((s) => `${nameOf(s)} (${s.reason})`).join(', ') })}</> : null}
        </p>
      ) : null}
      {result.warnings?.map((w) => <p class="warning" key={w}>{w}</p>)}
      {hits.length === 0 ? <p>{t('search.noResults')}</p> : (
        <ol class="hits">
          {hits.map((h, i) => <HitCard key={i} hit={h} />)}
        </ol>
      )}
    </section>
  );
}

function HitCard({ hit }: { hit: SearchHit }) {
  if (hit.hit && !hit.recordId && !hit.display) {
    return <li class="hit hnh">{t('search.hitNoHit', { source: nameOf(hit.source), contact: nameOf(hit.contact) })}</li>;
  }
  const p = hit.probability !== undefined ? Math.round(hit.probability * 1000) / 10 : undefined;
  return (
    <li class={`hit ${hit.alerts?.length ? 'has-alert' : ''}`}>
      <div class="hit-head">
        <strong class="hit-name">{displayOf(hit.display)}</strong>
        <span class="muted">{nameOf(hit.source)} · {t(hit.kind === 'object' ? 'kind.object' : 'kind.person')}</span>
        {p !== undefined ? <span class="prob" aria-label={t('search.probability', { p })}><meter min={0} max={100} value={p} aria-hidden="true" /> {p}%</span> : null}
      </div>
      {hit.alerts?.map((a) => (
        <div class={`alert-box cat-${a.category}`} key={a.id}>
          <p><span class="badge">{a.category.replace(/_/g, ' ')}</span> {a.handlingCode ? <span class="badge subtle">{a.handlingCode}</span> : null} <span class="muted">{nameOf(a.issuingAuthority)}{a.expiresAt ? ` · ${a.expiresAt}` : ''}</span></p>
          <p class="action"><strong>{t('search.action')}:</strong> {a.action}</p>
          {a.flags?.map((f, j) => <p class="flag" key={j}>{t('search.flag', { country: f.country ?? f.authorityId ?? '', reason: f.reason ?? '' })}</p>)}
          <a href={`/alerts/${encodeURIComponent(a.id)}`}>{t('search.openAlert')}</a>
        </div>
      ))}
      {hit.explanation ? (
        <details>
          <summary>{t('search.why')}</summary>
          <Explanation data={hit.explanation} />
        </details>
      ) : null}
    </li>
  );
}
