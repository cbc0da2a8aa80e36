// Entry point of the web app: restores the session, then routes to a screen.
import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import './styles.css';
import { api } from './api.ts';
import { language, t } from './i18n/index.ts';
import { match, onLinkClick, path } from './router.ts';
import { session, type SessionInfo } from './session.ts';
import { Shell, navFor } from './components/Shell.tsx';
import { ScreenBoundary } from './components/ScreenBoundary.tsx';
import { SignIn } from './screens/SignIn.tsx';
import { screens } from './screens/index.ts';

function Screen() {
  const p = path.value;
  // After navigating, move focus to the new screen's heading so keyboard and
  // screen-reader users start at the top of what changed.
  useEffect(() => {
    if (first) {
      first = false;
      return;
    }
    requestAnimationFrame(() => (document.querySelector('main h1') as HTMLElement | null)?.focus());
  }, [p]);
  // The start page is the first screen the user's roles allow (a DPO cannot search).
  const home = navFor(session.value?.roles ?? [])[0]?.href;
  if ((p === '/' || p === '/search') && home !== '/') {
    if (!home) return <main id="main"><h1 tabIndex={-1}>{t('app.name')}</h1><p>{t('app.noScreens')}</p></main>;
    return <Redirect to={home} />;
  }
  for (const s of screens) {
    const params = match(s.path, p);
    if (params) return s.render(params);
  }
  return <main id="main"><h1 tabIndex={-1}>{t('app.notFound')}</h1><p><a href="/">{t('app.home')}</a></p></main>;
}

function Redirect({ to }: { to: string }) {
  useEffect(() => {
    history.replaceState(null, '', to);
    path.value = to;
  }, [to]);
  return null;
}

let first = true;

function App() {
  void language.value; // re-render on language change
  useEffect(() => {
    api<SessionInfo>('GET', '/api/v1/auth/session').then(
      (s) => (session.value = s),
      () => (session.value = null),
    );
  }, []);
  if (session.value === undefined) return <p class="boot">{t('app.loading')}</p>;
  if (session.value === null) return <SignIn />;
  return (
    <Shell>
      <ScreenBoundary key={path.value}>
        <Screen />
      </ScreenBoundary>
    </Shell>
  );
}

document.addEventListener('click', onLinkClick);
// A printed report shows the numbers behind each chart, not a closed "show the numbers".
addEventListener('beforeprint', () => document.querySelectorAll<HTMLDetailsElement>('details.data-table').forEach((d) => (d.open = true)));
render(<App />, document.getElementById('app')!);
