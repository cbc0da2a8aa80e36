// The OpenID Connect sign-in in a real browser: the button on the sign-in
// screen, the provider's own pages on another site (127.0.0.2, so the
// browser's SameSite rules apply as in production), and the way back into the
// web app, signed in or with the reason shown.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestNode, type TestNode } from '../support/node.ts';
import { ManualClock } from '../../src/services/clock.ts';
import { accessibilityViolations, openBrowser, type TestBrowser } from '../web/browser.ts';
import { addAuthority, userFor } from './fixtures.ts';
import { listenTestIdentityProvider, type TestIdentityProvider } from './oidc-provider.ts';

let idp: TestIdentityProvider;
let t: TestNode;
let browser: TestBrowser;

beforeAll(async () => {
  idp = await listenTestIdentityProvider({ 'kc-jansen': { preferred_username: 'grens.jansen' }, 'kc-nobody': { preferred_username: 'niet.bekend' } }, { host: '127.0.0.2' });
  vi.stubEnv('PONTIS_OIDC_ISSUER', idp.issuer);
  vi.stubEnv('PONTIS_OIDC_CLIENT_ID', idp.clientId);
  vi.stubEnv('PONTIS_OIDC_CLIENT_SECRET', idp.clientSecret);
  vi.stubEnv('PONTIS_OIDC_DISPLAY_NAME', 'Keycloak KMar');
  vi.stubEnv('PONTIS_OIDC_AUTHORITY', 'nl-kmar');
  try {
    // The browser keeps the session cookie until the expiry the node computes from its own clock: start it at the real time.
    t = await startTestNode({ clock: new ManualClock(new Date()) });
  } finally {
    vi.unstubAllEnvs();
  }
  idp.start(t.url + '/api/v1/auth/oidc/callback');
  await addAuthority(t.node, 'nl-kmar', 'border');
  await userFor(t.node, 'grens.jansen', 'nl-kmar', ['border_guard']);
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
  await idp?.close();
});

/**
 * Clicks the provider button and completes the provider's login and consent
 * pages. Starts without cookies: with a provider session left from an
 * earlier test the provider would send the browser straight back.
 */
async function signInThroughProvider(page: Page, accountId: string): Promise<void> {
  await browser.context.clearCookies();
  await page.goto(t.url + '/');
  await page.getByRole('link', { name: 'Sign in with Keycloak KMar' }).click();
  await page.waitForURL((u) => u.origin === idp.issuer);
  await page.locator('input[name="login"]').fill(accountId);
  await page.locator('input[name="password"]').fill('anything');
  await page.locator('button[type="submit"]').click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((u) => u.origin === new URL(t.url).origin);
}

describe('OpenID Connect in the browser', () => {
  it('offers the provider on the sign-in screen without accessibility violations', async () => {
    const { page } = browser;
    await page.goto(t.url + '/');
    const button = page.getByRole('link', { name: 'Sign in with Keycloak KMar' });
    await button.waitFor();
    expect(await button.getAttribute('href')).toBe('/api/v1/auth/oidc/login');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('shows why an identity without a Pontis account was refused, and removes the reason from the address', async () => {
    const { page } = browser;
    await signInThroughProvider(page, 'kc-nobody');
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/no active Pontis account/);
    expect(new URL(page.url()).search).toBe('');
    expect(await page.getByLabel('User name').count()).toBe(1);
  });

  it('signs an existing account in and lands in the web app', async () => {
    const { page } = browser;
    await signInThroughProvider(page, 'kc-jansen');
    await page.getByTestId('who-user').waitFor();
    expect(await page.getByTestId('who-user').textContent()).toBe('Signed in as grens.jansen');
    // the signed-in app can change data: its session came with a CSRF token
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in with Keycloak KMar' }).waitFor();
  });
});
