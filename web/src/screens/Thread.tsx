// A thread of follow-up messages between authorities: each message with its
// handling code, classification, attachments and receipts; opening it marks
// what was delivered here as read; answers go with their own handling code,
// classification and files.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, uploadFile } from '../api.ts';
import { t } from '../i18n/index.ts';
import { formatBytes, formatDateTime, label } from '../format.ts';
import { eventTick, rapidAlertAcknowledged, refreshExchangeState } from '../live.ts';
import { hasRole, session } from '../session.ts';
import { CLASSIFICATIONS, HANDLING_CODES } from '../domain.ts';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { fieldErrors } from '../components/problems.ts';
import type { ThreadView } from '../../../src/services/exchange/messages.ts';
import type { MessageView } from '../../../src/services/exchange/views.ts';


export function Thread({ id }: { id: string }) {
  const [thread, setThread] = useState<ThreadView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reload, setReload] = useState(0);
  const tick = eventTick.value;
  const me = session.value!;
  useEffect(() => {
    api<ThreadView>('GET', `/api/v1/threads/${encodeURIComponent(id)}`).then(async (th) => {
      setThread(th);
      // Opening the thread reads what was delivered to us and not yet read by this user.
      const unread = th.messages.filter((m) => m.sender.authorityId !== me.authority.id && !m.reads.some((r) => r.authorityId === me.authority.id && r.userName === me.user.username));
      if (unread.length) {
        await Promise.all(unread.map((m) => api('POST', `/api/v1/messages/${encodeURIComponent(m.id)}/read`).catch(() => undefined)));
        void refreshExchangeState(me.authority.id);
      }
    }, setError);
  }, [id, reload, tick]);

  if (error) return <main id="main"><h1 tabIndex={-1}>{t('thread.title')}</h1><ProblemMessage error={error} /></main>;
  if (!thread) return <main id="main"><p>{t('app.loading')}</p></main>;
  return (
    <main id="main">
      <p><a href="/inbox">{t('thread.back')}</a></p>
      <h1 tabIndex={-1}>{thread.subject}</h1>
      <p class="muted">
        {label('threadKind', thread.kind)} · {t('thread.participants', { list: thread.participants.join(', ') })}
        {thread.alertId ? <> · <a href={`/alerts/${encodeURIComponent(thread.alertId)}`}>{t('thread.alert')}</a></> : null}
      </p>
      <ol class="messages">
        {thread.messages.map((m) => <Message key={m.id} m={m} mine={m.sender.authorityId === me.authority.id} onChange={() => setReload((n) => n + 1)} />)}
      </ol>
      {hasRole('police_officer', 'spoc') ? <Reply threadId={thread.id} onSent={() => setReload((n) => n + 1)} /> : null}
    </main>
  );
}

function Message({ m, mine, onChange }: { m: MessageView; mine: boolean; onChange(): void }) {
  const myAuthority = session.value!.authority.id;
  const acked = m.acknowledgements.some((a) => a.authorityId === myAuthority);
  const [error, setError] = useState<unknown>(null);
  const acknowledge = async () => {
    setError(null);
    try {
      const path = m.kind === 'rapid_alert' ? `/api/v1/rapid-alerts/${encodeURIComponent(m.id)}/acknowledge` : `/api/v1/messages/${encodeURIComponent(m.id)}/acknowledge`;
      await api('POST', path, {});
      rapidAlertAcknowledged(m.id);
      onChange();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <li class={`message ${mine ? 'mine' : 'theirs'} kind-${m.kind}`}>
      <article aria-labelledby={`m-${m.id}`}>
        <header>
          <h2 id={`m-${m.id}`} class="message-subject">{m.subject}</h2>
          <p class="muted">
            {m.sender.name} ({m.sender.authorityId}) · {formatDateTime(m.createdAt)}
          </p>
          <p>
            <span class="badge subtle" title={label('handling', m.handlingCode)}>{m.handlingCode}</span>{' '}
            <span class="muted">{label('handling', m.handlingCode)}</span>{' '}
            <span class={`badge class-${m.classification}`}>{label('classification', m.classification)}</span>
            {m.kind !== 'message' ? <> <span class="badge subtle">{label('messageKind', m.kind)}</span></> : null}
          </p>
        </header>
        <p class="body">{m.body}</p>
        {m.attachments.length ? (
          <ul class="attachments" aria-label={t('thread.attachments')}>
            {m.attachments.map((a) => (
              <li key={a.id}><a href={`/api/v1/attachments/${encodeURIComponent(a.id)}`} download={a.filename}>{a.filename}</a> <span class="muted">({a.contentType}, {formatBytes(a.sizeBytes)})</span></li>
            ))}
          </ul>
        ) : null}
        <footer class="receipts muted">
          {m.deliveries?.map((d) => <span key={d.authorityId}>{t('thread.delivered', { to: d.authorityId, status: label('delivery', d.status), at: formatDateTime(d.deliveredAt) })}</span>)}
          {m.reads.map((r, i) => <span key={`r${i}`}>{t('thread.readBy', { who: `${r.userName} (${r.authorityId})`, at: formatDateTime(r.readAt) })}</span>)}
          {m.acknowledgements.map((a, i) => <span key={`a${i}`}>{t('thread.ackBy', { who: `${a.userName} (${a.authorityId})`, at: formatDateTime(a.acknowledgedAt) })}</span>)}
        </footer>
        {m.requiresAcknowledgement && !mine && !acked ? <button type="button" onClick={acknowledge}>{t('thread.acknowledge')}</button> : null}
        <ProblemMessage error={error} />
      </article>
    </li>
  );
}

function Reply({ threadId, onSent }: { threadId: string; onSent(): void }) {
  const [body, setBody] = useState('');
  const [handlingCode, setHandlingCode] = useState('H0');
  const [classification, setClassification] = useState('restricted');
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSent(false);
    try {
      const attachmentIds: string[] = [];
      for (const f of files) {
        const a = await uploadFile<{ id: string }>(`/api/v1/attachments?filename=${encodeURIComponent(f.name)}`, f);
        attachmentIds.push(a.id);
      }
      await api('POST', `/api/v1/threads/${encodeURIComponent(threadId)}/messages`, { body, handlingCode, classification, ...(attachmentIds.length ? { attachmentIds } : {}) });
      setBody('');
      setFiles([]);
      if (fileRef.current) fileRef.current.value = '';
      setSent(true);
      onSent();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const errs = fieldErrors(error);
  return (
    <form class="reply card" onSubmit={submit} aria-labelledby="reply-h">
      <h2 id="reply-h">{t('thread.reply')}</h2>
      <label for="reply-body">{t('thread.message')}</label>
      <textarea id="reply-body" rows={4} required value={body} onInput={(e) => setBody(e.currentTarget.value)} aria-invalid={errs.body ? true : undefined} />
      <div class="grid3">
        <div>
          <label for="reply-hc">{t('alert.handlingCode')}</label>
          <select id="reply-hc" value={handlingCode} onChange={(e) => setHandlingCode(e.currentTarget.value)}>{HANDLING_CODES.map((h) => <option key={h} value={h}>{h} — {label('handling', h)}</option>)}</select>
        </div>
        <div>
          <label for="reply-cl">{t('message.classification')}</label>
          <select id="reply-cl" value={classification} onChange={(e) => setClassification(e.currentTarget.value)}>{CLASSIFICATIONS.map((c) => <option key={c} value={c}>{label('classification', c)}</option>)}</select>
        </div>
        <div>
          <label for="reply-files">{t('thread.attach')}</label>
          <input id="reply-files" ref={fileRef} type="file" multiple onChange={(e) => setFiles([...(e.currentTarget.files ?? [])])} aria-describedby="reply-files-hint" />
          <small id="reply-files-hint" class="muted">{t('thread.attachHint')}</small>
        </div>
      </div>
      <ProblemMessage error={error} />
      {sent ? <p class="ok-note" role="status">{t('thread.sent')}</p> : null}
      <button type="submit" disabled={busy}>{busy ? t('thread.sending') : t('thread.send')}</button>
    </form>
  );
}
