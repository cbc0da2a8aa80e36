import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { session, type SessionInfo } from '../session.ts';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { useAction } from '../components/use-action.ts';

/** GET /api/v1/auth/options: the OpenID Connect provider, when the node has one. */
interface SignInOptions {
  password: boolean;
  oidc: { displayName: string; loginUrl: string } | null;
}

const OIDC_ERRORS = ['oidc-no-account', 'oidc-cancelled', 'oidc-expired', 'oidc-failed', 'oidc-unavailable'] as const;

/** The reason the node sent the browser back from the identity provider, read once and removed from the address bar. */
function takeSignInError(): MessageKey | null {
  const params = new URLSearchParams(location.search);
  const code = params.get('signin_error');
  if (code === null) return null;
  params.delete('signin_error');
  const rest = params.toString();
  history.replaceState(null, '', location.pathname + (rest ? `?${rest}` : ''));
  return (OIDC_ERRORS as readonly string[]).includes(code) ? (`signIn.${code}` as MessageKey) : 'signIn.oidc-failed';
}

export function SignIn() {
  const [options, setOptions] = useState<SignInOptions | null>(null);
  const [returnError] = useState(takeSignInError);
  useEffect(() => {
    api<SignInOptions>('GET', '/api/v1/auth/options').then(setOptions, () => setOptions(null));
  }, []);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, act } = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    await act(async () => {
      await api('POST', '/api/v1/auth/login', { username, password });
      session.value = await api<SessionInfo>('GET', '/api/v1/auth/session');
    });
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
        {returnError && !error ? (
          <div class="problem" role="alert">
            <p>{t(returnError)}</p>
          </div>
        ) : null}
        <button type="submit" disabled={busy}>{busy ? t('signIn.busy') : t('signIn.submit')}</button>
        {options?.oidc ? (
          <p class="signin-alternative">
            <span>{t('signIn.or')}</span>{' '}
            <a class="button secondary" href={options.oidc.loginUrl}>
              {t('signIn.withProvider', { provider: options.oidc.displayName })}
            </a>
          </p>
        ) : null}
      </form>
    </main>
  );
}
