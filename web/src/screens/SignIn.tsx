import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import { t } from '../i18n/index.ts';
import { session, type SessionInfo } from '../session.ts';
import { ProblemMessage } from '../components/ProblemMessage.tsx';

export function SignIn() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api('POST', '/api/v1/auth/login', { username, password });
      session.value = await api<SessionInfo>('GET', '/api/v1/auth/session');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main" class="signin">
      <form onSubmit={submit} class="card" aria-labelledby="signin-title">
        <h1 id="signin-title">{t('signIn.title')}</h1>
        <label for="username">{t('signIn.username')}</label>
        <input id="username" name="username" autocomplete="username" required value={username} onInput={(e) => setUsername(e.currentTarget.value)} autofocus />
        <label for="password">{t('signIn.password')}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        <ProblemMessage error={error} />
        <button type="submit" disabled={busy}>{busy ? t('signIn.busy') : t('signIn.submit')}</button>
      </form>
    </main>
  );
}
