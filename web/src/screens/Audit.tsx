// The data-protection officer's screen: query the audit trail by person,
// user, case and period; run the chain verification and see its verdict;
// produce a data-subject access report for a person.
import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import { t } from '../i18n/index.ts';
import { formatDateTime, formatNumber, query } from '../format.ts';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { JsonView } from '../components/JsonView.tsx';
import { useAction } from '../components/use-action.ts';

interface AuditEntry {
  seq: number;
  at: string;
  actor?: { id?: string; name?: string; authorityId?: string; roles?: string[] };
  action: string;
  outcome: string;
  purpose?: string | null;
  caseReference?: string | null;
  returned?: { type: string; id: string }[];
  changed?: { type: string; id: string }[];
  query?: unknown;
  details?: unknown;
}
interface VerifyResult {
  ok: boolean;
  entriesChecked: number;
  anchor: { kind: 'genesis' } | { kind: 'checkpoint'; seq: number; at: string };
  firstSeq: number | null;
  lastSeq: number | null;
  checkpointsChecked: number;
  signaturesChecked: boolean;
  failure?: { seq: number; reason: string };
  ms: number;
}

const LIMIT = 100;

export function Audit() {
  return (
    <main id="main">
      <h1 tabIndex={-1}>{t('audit.title')}</h1>
      <Verify />
      <Entries />
      <SubjectReport />
    </main>
  );
}

function Verify() {
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [from, setFrom] = useState('');
  const { busy, error, act } = useAction();
  const run = async (e: Event) => {
    e.preventDefault();
    setResult(null);
    await act(async () => {
      setResult(await api<VerifyResult>('POST', '/api/v1/audit/verify', from ? { from } : {}));
    });
  };
  return (
    <section class="card" aria-labelledby="verify-h">
      <h2 id="verify-h">{t('audit.verifyTitle')}</h2>
      <p class="muted">{t('audit.verifyIntro')}</p>
      <form class="filters" onSubmit={run}>
        <div><label for="verify-from">{t('audit.verifyFrom')}</label><input id="verify-from" type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} /></div>
        <div class="apply"><button type="submit" disabled={busy}>{busy ? t('audit.verifying') : t('audit.verify')}</button></div>
      </form>
      <ProblemMessage error={error} />
      {result ? (
        <div class={result.ok ? 'verdict ok' : 'verdict bad'} role="status" data-testid="verify-result">
          <p class="verdict-line"><strong>{result.ok ? t('audit.intact') : t('audit.broken', { seq: result.failure?.seq ?? '?', reason: result.failure?.reason ?? '' })}</strong></p>
          <ul>
            <li>{t('audit.checked', { count: formatNumber(result.entriesChecked), first: result.firstSeq ?? '—', last: result.lastSeq ?? '—', ms: formatNumber(result.ms) })}</li>
            <li>{result.anchor.kind === 'genesis' ? t('audit.fromGenesis') : t('audit.fromCheckpoint', { seq: result.anchor.seq, at: formatDateTime(result.anchor.at) })}</li>
            <li>{t('audit.checkpoints', { count: result.checkpointsChecked })} {result.signaturesChecked ? t('audit.signaturesChecked') : t('audit.signaturesNotChecked')}</li>
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function Entries() {
  const [f, setF] = useState({ person: '', user: '', case: '', from: '', to: '' });
  // The log pages by cursor (the sequence number to read below); the stack lets one go back.
  const [cursors, setCursors] = useState<(number | undefined)[]>([]);
  const [data, setData] = useState<{ entries: AuditEntry[]; next: number | null } | null>(null);
  const { busy, error, act } = useAction();
  const filterQs = (extra: Record<string, string | number | undefined>) => query({ person: f.person.trim(), user: f.user.trim(), case: f.case.trim(), from: f.from, to: f.to, ...extra });
  const load = async (stack: (number | undefined)[]) => {
    await act(async () => {
      const before = stack[stack.length - 1];
      setData(await api<{ entries: AuditEntry[]; next: number | null }>('GET', `/api/v1/audit/entries${filterQs({ limit: LIMIT, before })}`));
      setCursors(stack);
    });
  };
  const set = (k: keyof typeof f) => (e: Event) => setF({ ...f, [k]: (e.currentTarget as HTMLInputElement).value });
  const entries = data?.entries ?? [];
  return (
    <section aria-labelledby="entries-h">
      <h2 id="entries-h">{t('audit.queryTitle')}</h2>
      <form class="filters" onSubmit={(e) => { e.preventDefault(); void load([undefined]); }}>
        <div><label for="aq-person">{t('audit.person')}</label><input id="aq-person" value={f.person} onInput={set('person')} aria-describedby="aq-person-hint" /><small id="aq-person-hint" class="muted">{t('audit.personHint')}</small></div>
        <div><label for="aq-user">{t('audit.user')}</label><input id="aq-user" value={f.user} onInput={set('user')} /></div>
        <div><label for="aq-case">{t('search.case')}</label><input id="aq-case" value={f.case} onInput={set('case')} /></div>
        <div><label for="aq-from">{t('threat.from')}</label><input id="aq-from" type="date" value={f.from} onInput={set('from')} /></div>
        <div><label for="aq-to">{t('threat.to')}</label><input id="aq-to" type="date" value={f.to} onInput={set('to')} /></div>
        <div class="apply"><button type="submit" disabled={busy}>{t('audit.query')}</button></div>
      </form>
      <ProblemMessage error={error} />
      {data ? (
        <>
          <p class="muted" aria-live="polite" data-testid="audit-count">
            {t('audit.shown', { count: entries.length })}{' '}
            <a href={`/api/v1/audit/export${filterQs({ format: 'csv' })}`} download>{t('audit.export')}</a>
          </p>
          <div class="table-wrap">
            <table class="list audit">
              <caption class="sr-only">{t('audit.queryTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col" class="num">#</th>
                  <th scope="col">{t('common.when')}</th>
                  <th scope="col">{t('audit.who')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('search.purpose')} / {t('search.case')}</th>
                  <th scope="col">{t('audit.records')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.seq} class={`outcome-${e.outcome}`}>
                    <td class="num">{e.seq}</td>
                    <td>{formatDateTime(e.at)}</td>
                    <td>{e.actor?.name ?? e.actor?.id ?? '—'}<br /><small class="muted">{e.actor?.authorityId}</small></td>
                    <td>{e.action} <small class={`outcome ${e.outcome}`}>{e.outcome}</small></td>
                    <td>{e.purpose ?? '—'}<br /><small class="muted">{e.caseReference ?? ''}</small></td>
                    <td>
                      <Records list={[...(e.returned ?? []), ...(e.changed ?? [])]} />
                      {e.query || e.details ? (
                        <details><summary>{t('audit.details')}</summary><JsonView value={{ query: e.query, details: e.details }} /></details>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav class="pager" aria-label={t('audit.pages')}>
            <button type="button" class="secondary" disabled={cursors.length <= 1 || busy} onClick={() => load(cursors.slice(0, -1))}>{t('pager.previous')}</button>
            <button type="button" class="secondary" disabled={data.next === null || busy} onClick={() => load([...cursors, data.next ?? undefined])}>{t('pager.next')}</button>
          </nav>
        </>
      ) : null}
    </section>
  );
}

function Records({ list }: { list: { type: string; id: string }[] }) {
  if (!list.length) return <span class="muted">—</span>;
  const shown = list.slice(0, 5);
  return (
    <span>
      {shown.map((r, i) => (
        <span key={r.id + i}>
          {i ? ', ' : ''}
          {r.type === 'person' ? <a href={`/audit?person=${encodeURIComponent(r.id)}`} title={r.id}>{r.type} {r.id.slice(0, 8)}</a> : `${r.type} ${r.id.slice(0, 8)}`}
        </span>
      ))}
      {list.length > shown.length ? ` +${list.length - shown.length}` : ''}
    </span>
  );
}

function SubjectReport() {
  const [person, setPerson] = useState(new URLSearchParams(location.search).get('person') ?? '');
  const [report, setReport] = useState<unknown>(null);
  const { busy, error, act } = useAction();
  const run = async (e: Event) => {
    e.preventDefault();
    setReport(null);
    await act(async () => {
      setReport(await api('GET', `/api/v1/persons/${encodeURIComponent(person.trim())}/subject-report`));
    });
  };
  return (
    <section class="card" aria-labelledby="dsr-h">
      <h2 id="dsr-h">{t('audit.subjectTitle')}</h2>
      <p class="muted">{t('audit.subjectIntro')}</p>
      <form class="filters" onSubmit={run}>
        <div class="wide"><label for="dsr-person">{t('audit.personId')}</label><input id="dsr-person" required value={person} onInput={(e) => setPerson(e.currentTarget.value)} /></div>
        <div class="apply"><button type="submit" disabled={busy}>{t('audit.subjectRun')}</button></div>
      </form>
      <ProblemMessage error={error} />
      {report ? (
        <div class="subject-report" data-testid="subject-report">
          <p class="button-row no-print">
            <a class="button secondary" href={`/api/v1/persons/${encodeURIComponent(person.trim())}/subject-report?format=html`} target="_blank" rel="noopener">{t('audit.subjectDocument')}</a>
            <a class="button secondary" href={`/api/v1/persons/${encodeURIComponent(person.trim())}/subject-report`} download={`subject-report-${person.trim()}.json`}>{t('audit.subjectDownload')}</a>
          </p>
          <JsonView value={report} />
        </div>
      ) : null}
    </section>
  );
}
