// Confirm or dismiss a hit. Confirming says what was done and notifies the
// issuing authority; dismissing says why it is not the person or object.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { t } from '../i18n/index.ts';
import { ProblemMessage } from './ProblemMessage.tsx';
import { fieldErrors } from './problems.ts';

interface HitView {
  id: string;
  action: 'confirm' | 'dismiss';
  threadId: string | null;
}

export function HitDecision({ alert, recordId, search }: { alert: { id: string; issuingAuthority: { name: string } }; recordId: string; search: { searchId: string; purpose: string; caseReference: string } }) {
  const [mode, setMode] = useState<'confirm' | 'dismiss' | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<HitView | null>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const id = `hd-${alert.id}-${recordId}`;
  // Focus the box in the same commit that shows it: focusing a frame later
  // (requestAnimationFrame) let the first keystrokes of a fast typist go nowhere.
  useLayoutEffect(() => {
    if (mode !== null) inputRef.current?.focus();
  }, [mode]);

  if (done) {
    return (
      <p class="ok-note" role="status">
        {done.action === 'confirm' ? t('hit.confirmed', { authority: alert.issuingAuthority.name }) : t('hit.dismissed')}{' '}
        {done.threadId ? <a href={`/inbox/threads/${encodeURIComponent(done.threadId)}`}>{t('hit.openThread')}</a> : null}
      </p>
    );
  }
  const open = (m: 'confirm' | 'dismiss') => {
    setMode(m);
    setText('');
    setError(null);
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = {
        alertId: alert.id,
        searchId: search.searchId,
        recordId,
        action: mode,
        purpose: search.purpose,
        caseReference: search.caseReference,
        ...(mode === 'confirm' ? { actionTaken: text } : { reason: text }),
      };
      setDone(await api<HitView>('POST', '/api/v1/hits', body));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const errs = fieldErrors(error);
  const fieldError = mode === 'confirm' ? errs.actionTaken : errs.reason;
  return (
    <div class="hit-decision">
      {mode === null ? (
        <div class="button-row">
          <button type="button" onClick={() => open('confirm')}>{t('search.confirm')}</button>
          <button type="button" class="secondary" onClick={() => open('dismiss')}>{t('search.dismiss')}</button>
        </div>
      ) : (
        <form onSubmit={submit} class="inline-form">
          <label for={id}>{mode === 'confirm' ? t('hit.actionTaken') : t('hit.dismissReason')}</label>
          <textarea id={id} ref={inputRef} rows={2} required value={text} onInput={(e) => setText(e.currentTarget.value)} aria-invalid={fieldError ? true : undefined} aria-describedby={fieldError ? `${id}-err` : undefined} />
          {fieldError ? <small id={`${id}-err`} class="field-error">{fieldError}</small> : null}
          <div class="button-row">
            <button type="submit" disabled={busy}>{mode === 'confirm' ? t('hit.sendConfirm') : t('hit.sendDismiss')}</button>
            <button type="button" class="secondary" onClick={() => setMode(null)}>{t('common.cancel')}</button>
          </div>
          <ProblemMessage error={error} />
        </form>
      )}
    </div>
  );
}
