// The frame around every screen once signed in: who you are (user, authority,
// roles), the navigation your roles allow, language and sign-out.
import type { ComponentChildren } from 'preact';
import { api } from '../api.ts';
import { LANGUAGES, language, setLanguage, t, type Language, type MessageKey } from '../i18n/index.ts';
import { path } from '../router.ts';
import { forgetSession, session } from '../session.ts';

interface NavItem {
  href: string;
  label: MessageKey;
  roles: string[];
}

export const NAV: NavItem[] = [
  { href: '/', label: 'nav.search', roles: ['border_guard', 'police_officer', 'analyst', 'spoc'] },
  { href: '/alerts', label: 'nav.alerts', roles: ['police_officer', 'spoc', 'analyst', 'border_guard'] },
  { href: '/identity', label: 'nav.identity', roles: ['police_officer', 'spoc', 'analyst'] },
  { href: '/inbox', label: 'nav.inbox', roles: ['border_guard', 'police_officer', 'analyst', 'spoc'] },
  { href: '/threat', label: 'nav.threat', roles: ['analyst', 'spoc', 'police_officer'] },
  { href: '/audit', label: 'nav.audit', roles: ['dpo'] },
];

export function Shell({ children }: { children: ComponentChildren }) {
  const s = session.value!;
  const items = NAV.filter((n) => n.roles.some((r) => s.roles.includes(r)));
  const signOut = async () => {
    try {
      await api('POST', '/api/v1/auth/logout');
    } finally {
      forgetSession();
    }
  };
  const current = (href: string) => (href === '/' ? path.value === '/' || path.value === '/search' : path.value.startsWith(href));
  return (
    <>
      <a class="skip" href="#main">{t('app.skip')}</a>
      <header class="top">
        <span class="brand">{t('app.name')}</span>
        <nav aria-label={t('nav.main')}>
          <ul>
            {items.map((n) => (
              <li key={n.href}>
                <a href={n.href} aria-current={current(n.href) ? 'page' : undefined}>{t(n.label)}</a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="who">
          <span data-testid="who-user">{t('session.as', { user: s.user.displayName ?? s.user.username })}</span>
          <span data-testid="who-authority" class="muted">{t('session.authority', { authority: s.authority.name, country: s.authority.country })}</span>
          <span data-testid="who-roles" class="muted">{t('session.roles', { roles: s.roles.join(', ') })}</span>
        </div>
        <label class="lang">
          <span class="sr-only">{t('app.language')}</span>
          <select value={language.value} onChange={(e) => setLanguage(e.currentTarget.value as Language)}>
            {Object.entries(LANGUAGES).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </select>
        </label>
        <button type="button" class="link" onClick={signOut}>{t('nav.signOut')}</button>
      </header>
      {children}
    </>
  );
}
