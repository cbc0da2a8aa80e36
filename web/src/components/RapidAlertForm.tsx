// Broadcast a rapid alert to chosen authorities (or all), who must acknowledge it.
import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import { t } from '../i18n/index.ts';
import { label } from '../format.ts';
import { CLASSIFICATIONS, HANDLING_CODES } from '../domain.ts';
import { ProblemMessage } from './ProblemMessage.tsx';
import { fieldErrors } from './problems.ts';
import { useAction } from './use-action.ts';

const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;

export function RapidAlertForm() {
  const [v, setV] = useState({ title: '', body: '', severity: 'high', recipients: 'all', handlingCode: 'H0', classification: 'restricted' });
  const { busy, error, act } = useAction();
  const [sent, setSent] = useState<{ title: string; pendingCount: number } | null>(null);
  const set = (k: keyof typeof v) => (e: Event) => setV({ ...v, [k]: (e.currentTarget as HTMLInputElement).value });
  const submit = async (e: Event) => {
    e.preventDefault();
    await act(async () => {
      const recipients = v.recipients.trim() === 'all' ? 'all' : v.recipients.split(/[\s,]+/).filter(Boolean);
      const r = await api<{ title: string; pendingCount: number }>('POST', '/api/v1/rapid-alerts', { ...v, recipients });
      setSent(r);
      setV({ ...v, title: '', body: '' });
    });
  };
  const errs = fieldErrors(error);
  return (
    <details class="card rapid-form">
      <summary>{t('rapid.sendTitle')}</summary>
      <form onSubmit={submit}>
        <label for="ra-title">{t('rapid.title')}</label>
        <input id="ra-title" required maxLength={200} value={v.title} onInput={set('title')} aria-invalid={errs.title ? true : undefined} />
        <label for="ra-body">{t('rapid.body')}</label>
        <textarea id="ra-body" required rows={3} value={v.body} onInput={set('body')} aria-invalid={errs.body ? true : undefined} />
        <div class="grid3">
          <div>
            <label for="ra-sev">{t('rapid.severity')}</label>
            <select id="ra-sev" value={v.severity} onChange={set('severity')}>{SEVERITIES.map((s) => <option key={s} value={s}>{label('severity', s)}</option>)}</select>
          </div>
          <div>
            <label for="ra-hc">{t('alert.handlingCode')}</label>
            <select id="ra-hc" value={v.handlingCode} onChange={set('handlingCode')}>{HANDLING_CODES.map((h) => <option key={h} value={h}>{h} — {label('handling', h)}</option>)}</select>
          </div>
          <div>
            <label for="ra-cl">{t('message.classification')}</label>
            <select id="ra-cl" value={v.classification} onChange={set('classification')}>{CLASSIFICATIONS.map((c) => <option key={c} value={c}>{label('classification', c)}</option>)}</select>
          </div>
        </div>
        <label for="ra-to">{t('rapid.recipients')}</label>
        <input id="ra-to" value={v.recipients} onInput={set('recipients')} aria-describedby="ra-to-hint" />
        <small id="ra-to-hint" class="muted">{t('rapid.recipientsHint')}</small>
        <ProblemMessage error={error} />
        {sent ? <p class="ok-note" role="status">{t('rapid.sent', { title: sent.title, count: sent.pendingCount })}</p> : null}
        <button type="submit" disabled={busy}>{t('rapid.send')}</button>
      </form>
    </details>
  );
}
