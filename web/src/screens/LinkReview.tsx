// One link to verify: the two records side by side with what differs marked,
// why the engine linked them, and the decision — green (different persons),
// white (same person, lawfully) or red (same person, identity fraud) — with a
// reason. After deciding, on to the next yellow link.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { t } from '../i18n/index.ts';
import { formatDateTime, label } from '../format.ts';
import { navigate } from '../router.ts';
import { hasRole } from '../session.ts';
import { Explanation } from '../components/Explanation.tsx';
import { PersonCompare } from '../components/PersonCompare.tsx';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { fieldErrors } from '../components/problems.ts';
import type { IdentityLinkView } from './Identity.tsx';

const DECISIONS = ['green', 'white', 'red'] as const;

export function LinkReview({ id }: { id: string }) {
  const [link, setLink] = useState<IdentityLinkView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saved, setSaved] = useState<IdentityLinkView | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    setLink(null);
    setSaved(null);
    setStatus('');
    setReason('');
    api<IdentityLinkView>('GET', `/api/v1/identity/links/${encodeURIComponent(id)}`).then(setLink, setError);
  }, [id]);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setSaveError(null);
    try {
      const r = await api<IdentityLinkView>('POST', `/api/v1/identity/links/${encodeURIComponent(id)}/resolve`, { status, reason });
      setSaved(r);
      requestAnimationFrame(() => doneRef.current?.focus());
    } catch (err) {
      setSaveError(err);
    } finally {
      setBusy(false);
    }
  };
  const next = async () => {
    const q = await api<{ items: IdentityLinkView[] }>('GET', '/api/v1/identity/links?status=yellow&limit=1').catch(() => ({ items: [] }));
    navigate(q.items[0] ? `/identity/links/${encodeURIComponent(q.items[0].id)}` : '/identity');
  };

  if (error) return <main id="main"><h1 tabIndex={-1}>{t('identity.linkTitle')}</h1><ProblemMessage error={error} /></main>;
  if (!link) return <main id="main"><p>{t('app.loading')}</p></main>;
  const errs = fieldErrors(saveError);
  const current = saved ?? link;
  return (
    <main id="main">
      <p><a href="/identity">{t('identity.back')}</a></p>
      <h1 tabIndex={-1}>{t('identity.linkTitle')}</h1>
      <p>
        <span class={`status-chip status-${current.status}`}>{label('linkStatus', current.status)}</span>{' '}
        {t('identity.probabilityIs', { p: (link.probability * 100).toFixed(1) })}
        {current.decidedAt ? <span class="muted"> · {t('identity.decided', { by: current.decidedBy ?? '', at: formatDateTime(current.decidedAt), reason: current.reason ?? '' })}</span> : null}
      </p>
      <PersonCompare a={link.a} b={link.b} />
      <p class="cluster-links">
        <a href={`/identity/persons/${encodeURIComponent(link.a.id)}`}>{t('identity.clusterOf', { name: link.a.display })}</a>
        {' · '}
        <a href={`/identity/persons/${encodeURIComponent(link.b.id)}`}>{t('identity.clusterOf', { name: link.b.display })}</a>
      </p>
      <details open>
        <summary>{t('identity.why')}</summary>
        <Explanation data={link.explanation} />
      </details>
      {saved ? (
        <div class="ok-note" role="status">
          <p tabIndex={-1} ref={doneRef}>{t('identity.resolved', { status: label('linkStatus', saved.status) })}</p>
          <button type="button" onClick={next}>{t('identity.next')}</button>
        </div>
      ) : link.status === 'yellow' && hasRole('police_officer', 'analyst') ? (
        <form class="resolve card" onSubmit={submit}>
          <fieldset aria-describedby={errs.status ? 'status-err' : undefined}>
            <legend>{t('identity.decision')}</legend>
            {DECISIONS.map((d) => (
              <label key={d} class={`radio status-${d}`}>
                <input type="radio" name="status" value={d} checked={status === d} required onChange={() => setStatus(d)} />
                <span><strong>{label('linkStatus', d)}</strong> — {label('linkMeaning', d)}</span>
              </label>
            ))}
            {errs.status ? <small id="status-err" class="field-error">{errs.status}</small> : null}
          </fieldset>
          <label for="resolve-reason">{t('common.reason')}</label>
          <textarea id="resolve-reason" rows={3} required minLength={3} value={reason} onInput={(e) => setReason(e.currentTarget.value)} aria-invalid={errs.reason ? true : undefined} aria-describedby={errs.reason ? 'reason-err' : undefined} />
          {errs.reason ? <small id="reason-err" class="field-error">{errs.reason}</small> : null}
          <ProblemMessage error={saveError} />
          <button type="submit" disabled={busy}>{t('identity.resolve')}</button>
        </form>
      ) : null}
    </main>
  );
}
