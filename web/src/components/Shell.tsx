// The frame around every screen once signed in: who you are (user, authority,
// roles), the navigation your roles allow, the unread count, rapid alerts
// waiting for acknowledgement, language and sign-out.
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { api } from '../api.ts';
import { LANGUAGES, language, setLanguage, t, type Language, type MessageKey } from '../i18n/index.ts';
import { label } from '../format.ts';
import { path } from '../router.ts';
import { forgetSession, session } from '../session.ts';
import { connectLive, disconnectLive, unreadCount } from '../live.ts';
import { RapidAlertBanner } from './RapidAlertBanner.tsx';

interface NavItem {
  href: string;
  label: MessageKey;
  roles: string[];
}

// Mirrors the default access matrix (src/access/matrix.ts): a menu entry shows
// only where the server would allow the screen's main call.
export const NAV: NavItem[] = [
  { href: '/', label: 'nav.search', roles: ['border_guard', 'police_officer', 'analyst', 'spoc'] },
  { href: '/alerts', label: 'nav.alerts', roles: ['police_officer', 'spoc', 'analyst', 'border_guard'] },
  { href: '/identity', label: 'nav.identity', roles: ['police_officer', 'spoc', 'analyst', 'border_guard'] },
  { href: '/inbox', label: 'nav.inbox', roles: ['police_officer', 'spoc'] },
  { href: '/threat', label: 'nav.threat', roles: ['analyst', 'spoc', 'dpo'] },
  { href: '/audit', label: 'nav.audit', roles: ['dpo'] },
];

export function navFor(roles: string[]): NavItem[] {
  return NAV.filter((n) => n.roles.some((r) => roles.includes(r)));
}

export function Shell({ children }: { children: ComponentChildren }) {
  const s = session.value!;
  const items = navFor(s.roles);
  useEffect(() => {
    connectLive(s.authority.id);
    return disconnectLive;
  }, [s.user.id]);
  const signOut = async () => {
    try {
      await api('POST', '/api/v1/auth/logout');
    } finally {
      disconnectLive();
      forgetSession();
    }
  };
  const current = (href: string) => (href === '/' ? path.value === '/' || path.value === '/search' : path.value.startsWith(href));
  const unread = unreadCount.value;
  return (
    <>
      <a class="skip" href="#main">{t('app.skip')}</a>
      <header class="top">
        <span class="brand">{t('app.name')}</span>
        <nav aria-label={t('nav.main')}>
          <ul>
            {items.map((n) => (
              <li key={n.href}>
                <a href={n.href} aria-current={current(n.href) ? 'page' : undefined}>
                  {t(n.label)}
                  {n.href === '/inbox' && unread > 0 ? <span class="count" data-testid="unread-count"> <span class="sr-only">{t('inbox.unreadCount', { count: unread })}</span><span aria-hidden="true">{unread}</span></span> : null}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="who">
          <span data-testid="who-user">{t('session.as', { user: s.user.displayName ?? s.user.username })}</span>
          <span data-testid="who-authority" class="muted">{t('session.authority', { authority: s.authority.name, country: s.authority.country })}</span>
          <span data-testid="who-roles" class="muted">{t('session.roles', { roles: s.roles.map((r) => label('role', r)).join(', ') })}</span>
        </div>
        <label class="lang">
          <span class="sr-only">{t('app.language')}</span>
          <select value={language.value} onChange={(e) => setLanguage(e.currentTarget.value as Language)}>
            {Object.entries(LANGUAGES).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </select>
        </label>
        <button type="button" class="link" onClick={signOut}>{t('nav.signOut')}</button>
      </header>
      <RapidAlertBanner />
      {children}
    </>
  );
}
