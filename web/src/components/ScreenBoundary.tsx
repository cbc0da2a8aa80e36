// A screen that fails to render (an answer of an unexpected shape) shows what
// went wrong and a way back, instead of leaving the user with a blank page.
import type { ComponentChildren } from 'preact';
import { useErrorBoundary } from 'preact/hooks';
import { t } from '../i18n/index.ts';
import { path } from '../router.ts';

export function ScreenBoundary({ children }: { children: ComponentChildren }) {
  const [error, reset] = useErrorBoundary();
  if (error) {
    return (
      <main id="main">
        <h1 tabIndex={-1}>{t('app.screenFailed')}</h1>
        <div class="problem" role="alert"><p>{t('error.generic', { detail: String((error as Error)?.message ?? error) })}</p></div>
        <p><button type="button" onClick={() => { reset(); path.value = location.pathname; }}>{t('app.retry')}</button> <a href="/">{t('app.home')}</a></p>
      </main>
    );
  }
  return <>{children}</>;
}
