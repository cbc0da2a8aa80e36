// Sign-in through OpenID Connect against a real provider (oidc-provider on
// loopback), over HTTP end to end: the node's redirect, the provider's login
// and consent pages, the callback, then an authenticated API call with the
// session it set. Refusals are checked in the answer and in the audit trail.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestNode, type TestNode } from '../support/node.ts';
import { addAuthority, userFor } from './fixtures.ts';
import { updateUser, nodeActor } from '../../src/services/access/index.ts';
import { browse, CookieJar, listenTestIdentityProvider, signInAtProvider, type TestIdentityProvider } from './oidc-provider.ts';

const ACCOUNTS = {
  'kc-jansen': { preferred_username: 'grens.jansen', name: 'J. Jansen', groups: ['pontis-grens'] },
  'kc-nobody': { preferred_username: 'niet.bekend' },
  'kc-gone': { preferred_username: 'oud.collega' },
  'kc-police': { preferred_username: 'agent.smit' },
  'kc-promoted': { preferred_username: 'analist.de.vries', groups: ['pontis-analyse', 'unrelated'] },
  'kc-ungrouped': { preferred_username: 'zonder.groep', groups: ['unrelated'] },
};

interface Audited {
  outcome: string;
  name: string;
  reason?: string;
  method?: string;
}

/** Starts a node whose OIDC settings come from `env` (set only while the app is built). */
async function nodeWithOidc(env: Record<string, string>): Promise<TestNode> {
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  try {
    return await startTestNode();
  } finally {
    vi.unstubAllEnvs();
  }
}

async function loginAudit(t: TestNode): Promise<Audited[]> {
  const rows = await t.node.database.query<{ body: string }>(`select body from audit_log where action = 'auth.login' order by seq`);
  return rows.map((r) => {
    const b = JSON.parse(r.body) as { outcome: string; actor: { name: string }; details?: { reason?: string; method?: string } };
    return { outcome: b.outcome, name: b.actor.name, reason: b.details?.reason, method: b.details?.method };
  });
}

/** Starts at the node, signs in at the provider, returns at the node's callback. */
async function oidcSignIn(t: TestNode, accountId: string, opts: { abort?: boolean; alterCallback?: (u: URL) => void; jar?: CookieJar } = {}) {
  const jar = opts.jar ?? new CookieJar();
  const start = await browse(jar, t.url + '/api/v1/auth/oidc/login');
  expect(start.res.status).toBe(302);
  const atProvider = await signInAtProvider(jar, start.location!, accountId, opts);
  const callback = new URL(atProvider.callback);
  expect(callback.origin).toBe(new URL(t.url).origin);
  opts.alterCallback?.(callback);
  const back = await browse(jar, callback.href);
  return { jar, start, callback, back, prompts: atProvider.prompts, session: jar.get(t.url, 'pontis_session') };
}

describe('OpenID Connect sign-in', () => {
  let idp: TestIdentityProvider;
  let t: TestNode;

  beforeAll(async () => {
    idp = await listenTestIdentityProvider(ACCOUNTS);
    t = await nodeWithOidc({
      PONTIS_OIDC_ISSUER: idp.issuer,
      PONTIS_OIDC_CLIENT_ID: idp.clientId,
      PONTIS_OIDC_CLIENT_SECRET: idp.clientSecret,
      PONTIS_OIDC_DISPLAY_NAME: 'Keycloak KMar',
      PONTIS_OIDC_AUTHORITY: 'nl-kmar',
    });
    idp.start(t.url + '/api/v1/auth/oidc/callback');
    await addAuthority(t.node, 'nl-kmar', 'border');
    await addAuthority(t.node, 'nl-knp', 'police');
    await userFor(t.node, 'grens.jansen', 'nl-kmar', ['border_guard']);
    const gone = await userFor(t.node, 'oud.collega', 'nl-kmar', ['border_guard']);
    await updateUser(t.node, gone, { disabled: true }, await nodeActor(t.node, 'test'));
    await userFor(t.node, 'agent.smit', 'nl-knp', ['police_officer']);
  });
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  it('tells the web app that OIDC sign-in is offered, and under which name', async () => {
    const res = await t.request('/api/v1/auth/options');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ password: true, oidc: { displayName: 'Keycloak KMar', loginUrl: '/api/v1/auth/oidc/login' } });
  });

  it('sends the browser to the provider with state, nonce and a PKCE challenge', async () => {
    const jar = new CookieJar();
    const { res, location } = await browse(jar, t.url + '/api/v1/auth/oidc/login');
    expect(res.status).toBe(302);
    const to = new URL(location!);
    expect(to.origin).toBe(idp.issuer);
    expect(to.searchParams.get('client_id')).toBe(idp.clientId);
    expect(to.searchParams.get('redirect_uri')).toBe(t.url + '/api/v1/auth/oidc/callback');
    expect(to.searchParams.get('code_challenge_method')).toBe('S256');
    expect(to.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(to.searchParams.get('state')!.length).toBeGreaterThanOrEqual(16);
    expect(to.searchParams.get('nonce')!.length).toBeGreaterThanOrEqual(16);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('pontis_oidc='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\/api\/v1\/auth\/oidc\/callback/i);
    // the cookie is sealed: neither state nor verifier can be read from it
    expect(jar.get(t.url, 'pontis_oidc')).not.toContain(to.searchParams.get('state'));
  });

  it('signs an existing account in with a working session and CSRF token', async () => {
    const { back, session } = await oidcSignIn(t, 'kc-jansen');
    expect(back.res.status).toBe(302);
    expect(back.location).toBe(t.url + '/');
    const setCookie = back.res.headers.getSetCookie().find((c) => c.startsWith('pontis_session='))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(session).toBeTruthy();

    const cookie = `pontis_session=${session}`;
    const who = await t.request('/api/v1/auth/session', { headers: { cookie } });
    expect(who.status).toBe(200);
    const body = (await who.json()) as { user: { username: string }; authority: { id: string }; roles: string[]; csrfToken: string };
    expect(body.user.username).toBe('grens.jansen');
    expect(body.authority.id).toBe('nl-kmar');
    expect(body.roles).toEqual(['border_guard']); // Pontis's roles: no role map configured
    // the CSRF rule applies as for a password session
    expect((await t.request('/api/v1/auth/logout', { method: 'POST', headers: { cookie } })).status).toBe(403);
    expect((await t.request('/api/v1/auth/logout', { method: 'POST', headers: { cookie, 'x-csrf-token': body.csrfToken } })).status).toBe(204);
    expect((await t.request('/api/v1/auth/session', { headers: { cookie } })).status).toBe(401);

    const audit = await loginAudit(t);
    expect(audit.at(-1)).toMatchObject({ outcome: 'ok', name: 'grens.jansen', method: 'oidc' });
  });

  it('refuses an identity without a Pontis account, a disabled account and another authority’s account, and audits each', async () => {
    for (const [account, username, reason] of [
      ['kc-nobody', 'niet.bekend', 'unknown user'],
      ['kc-gone', 'oud.collega', 'account disabled'],
      ['kc-police', 'agent.smit', 'account of nl-knp, not of nl-kmar'],
    ] as const) {
      const { back, session } = await oidcSignIn(t, account);
      expect(back.res.status, account).toBe(302);
      expect(back.location, account).toBe(t.url + '/?signin_error=oidc-no-account');
      expect(session, account).toBeUndefined();
      expect((await loginAudit(t)).at(-1), account).toEqual({ outcome: 'denied', name: username, reason, method: 'oidc' });
    }
  });

  it('refuses a callback whose state was changed, without exchanging the code', async () => {
    const { back, session } = await oidcSignIn(t, 'kc-jansen', {
      // Another first character, always different from the one drawn (a random state may itself start with 'x').
      alterCallback: (u) => {
        const state = u.searchParams.get('state')!;
        u.searchParams.set('state', (state[0] === 'x' ? 'y' : 'x') + state.slice(1));
      },
    });
    expect(back.location).toBe(t.url + '/?signin_error=oidc-failed');
    expect(session).toBeUndefined();
    expect((await loginAudit(t)).at(-1)).toMatchObject({ outcome: 'denied', reason: 'state mismatch', method: 'oidc' });
  });

  it('refuses a callback without the sign-in cookie, or with an altered one', async () => {
    const jar = new CookieJar();
    const start = await browse(jar, t.url + '/api/v1/auth/oidc/login');
    const { callback } = await signInAtProvider(jar, start.location!, 'kc-jansen');
    const sealed = jar.get(t.url, 'pontis_oidc')!;
    const flipped = sealed.slice(0, 20) + (sealed[20] === 'A' ? 'B' : 'A') + sealed.slice(21);

    jar.set(t.url, 'pontis_oidc', flipped);
    const altered = await browse(jar, callback);
    expect(altered.location).toBe(t.url + '/?signin_error=oidc-failed');
    expect((await loginAudit(t)).at(-1)).toMatchObject({ outcome: 'denied', reason: 'sign-in cookie malformed or altered' });
    // the callback cleared the cookie: replaying the same callback finds no sign-in in progress
    expect(jar.get(t.url, 'pontis_oidc')).toBeUndefined();
    const replay = await browse(jar, callback);
    expect(replay.location).toBe(t.url + '/?signin_error=oidc-expired');
    expect(jar.get(t.url, 'pontis_session')).toBeUndefined();
    expect((await loginAudit(t)).at(-1)).toMatchObject({ outcome: 'denied', reason: 'no sign-in in progress (cookie missing)' });
  });

  it('refuses a sign-in that took longer than ten minutes', async () => {
    const { back } = await oidcSignIn(t, 'kc-jansen', { alterCallback: () => t.clock.advance(11 * 60_000) });
    expect(back.location).toBe(t.url + '/?signin_error=oidc-expired');
    expect((await loginAudit(t)).at(-1)).toMatchObject({ outcome: 'denied', reason: 'sign-in took too long' });
  });

  it('reports a sign-in cancelled at the provider', async () => {
    const { back, session } = await oidcSignIn(t, 'kc-jansen', { abort: true });
    expect(back.location).toBe(t.url + '/?signin_error=oidc-cancelled');
    expect(session).toBeUndefined();
    const last = (await loginAudit(t)).at(-1)!;
    expect(last.outcome).toBe('denied');
    expect(last.reason).toMatch(/^cancelled: .*access_denied/);
  });

  it('signs in again without the provider asking, while the provider session lasts', async () => {
    const first = await oidcSignIn(t, 'kc-jansen');
    expect(first.prompts).toEqual(['login', 'consent']);
    const again = await oidcSignIn(t, 'kc-jansen', { jar: first.jar });
    expect(again.prompts).toEqual([]);
    expect(again.session).toBeTruthy();
    expect(again.session).not.toBe(first.session);
  });

  it('refuses a code from another sign-in (code injection): the PKCE verifier does not match', async () => {
    // the victim's sign-in reaches the provider and comes back with a code the attacker captures
    const victim = new CookieJar();
    const victimStart = await browse(victim, t.url + '/api/v1/auth/oidc/login');
    const { callback: victimCallback } = await signInAtProvider(victim, victimStart.location!, 'kc-jansen');
    // the attacker starts their own sign-in and answers it with the victim's unused code
    const attacker = new CookieJar();
    const attackerStart = await browse(attacker, t.url + '/api/v1/auth/oidc/login');
    const injected = new URL(victimCallback);
    injected.searchParams.set('state', new URL(attackerStart.location!).searchParams.get('state')!);
    const back = await browse(attacker, injected.href);
    expect(back.location).toBe(t.url + '/?signin_error=oidc-failed');
    expect(attacker.get(t.url, 'pontis_session')).toBeUndefined();
    expect((await loginAudit(t)).at(-1)).toMatchObject({ outcome: 'denied', method: 'oidc', reason: expect.stringMatching(/^(invalid response|provider error): /) });
  });

  it('does not accept an authorization code twice', async () => {
    const first = await oidcSignIn(t, 'kc-jansen');
    expect(first.session).toBeTruthy();
    // a second sign-in started in the same browser, answered with the first (used) code
    const jar = new CookieJar();
    const start = await browse(jar, t.url + '/api/v1/auth/oidc/login');
    const state = new URL(start.location!).searchParams.get('state')!;
    const reused = new URL(first.callback);
    reused.searchParams.set('state', state);
    const back = await browse(jar, reused.href);
    expect(back.location).toBe(t.url + '/?signin_error=oidc-failed');
    expect(jar.get(t.url, 'pontis_session')).toBeUndefined();
    expect((await loginAudit(t)).at(-1)!.reason).toMatch(/^(invalid response|provider error): /);
  });
});

describe('OpenID Connect sign-in with a role map', () => {
  let idp: TestIdentityProvider;
  let t: TestNode;

  beforeAll(async () => {
    idp = await listenTestIdentityProvider(ACCOUNTS);
    t = await nodeWithOidc({
      PONTIS_OIDC_ISSUER: idp.issuer,
      PONTIS_OIDC_CLIENT_ID: idp.clientId,
      PONTIS_OIDC_CLIENT_SECRET: idp.clientSecret,
      PONTIS_OIDC_AUTHORITY: 'nl-kmar',
      PONTIS_OIDC_SCOPES: 'openid profile groups',
      PONTIS_OIDC_ROLES_CLAIM: 'groups',
      PONTIS_OIDC_ROLE_MAP: 'pontis-grens=border_guard, pontis-analyse=analyst+spoc',
      PONTIS_OIDC_FORCE_LOGIN: '1',
    });
    idp.start(t.url + '/api/v1/auth/oidc/callback');
    await addAuthority(t.node, 'nl-kmar', 'border');
    await userFor(t.node, 'analist.de.vries', 'nl-kmar', ['border_guard']);
    await userFor(t.node, 'zonder.groep', 'nl-kmar', ['border_guard']);
  });
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  it('replaces the account’s roles by the mapped groups, and audits the change', async () => {
    const { session } = await oidcSignIn(t, 'kc-promoted');
    const who = await t.request('/api/v1/auth/session', { headers: { cookie: `pontis_session=${session}` } });
    expect(((await who.json()) as { roles: string[] }).roles).toEqual(['analyst', 'spoc']);
    const changes = await t.node.database.query<{ body: string }>(`select body from audit_log where action = 'user.update' order by seq`);
    expect(JSON.parse(changes.at(-1)!.body).details).toMatchObject({ roles: ['analyst', 'spoc'], before: ['border_guard'], source: 'OpenID Connect role map' });
  });

  it('makes the provider ask again at every sign-in when forced (shared workstations)', async () => {
    const first = await oidcSignIn(t, 'kc-promoted');
    expect(new URL(first.start.location!).searchParams.get('prompt')).toBe('login');
    const again = await oidcSignIn(t, 'kc-promoted', { jar: first.jar });
    expect(again.prompts).toContain('login');
    expect(again.session).toBeTruthy();
  });

  it('refuses an identity none of whose groups maps to a Pontis role', async () => {
    const { back, session } = await oidcSignIn(t, 'kc-ungrouped');
    expect(back.location).toBe(t.url + '/?signin_error=oidc-no-account');
    expect(session).toBeUndefined();
    expect((await loginAudit(t)).at(-1)).toMatchObject({ outcome: 'denied', name: 'zonder.groep', reason: 'no Pontis role in the groups claim' });
  });
});

describe('OpenID Connect not configured', () => {
  let t: TestNode;
  beforeAll(async () => {
    t = await startTestNode();
  });
  afterAll(async () => t?.close());

  it('answers 404 problems on the OIDC routes and offers only the password', async () => {
    for (const path of ['/api/v1/auth/oidc/login', '/api/v1/auth/oidc/callback?code=x&state=y']) {
      const res = await t.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(((await res.json()) as { detail: string }).detail).toMatch(/not configured/);
    }
    expect(await (await t.request('/api/v1/auth/options')).json()).toEqual({ password: true, oidc: null });
  });
});

describe('OpenID Connect provider unreachable', () => {
  let t: TestNode;
  beforeAll(async () => {
    // a port that was free a moment ago and has nobody listening now
    const idp = await listenTestIdentityProvider({});
    await idp.close();
    t = await nodeWithOidc({ PONTIS_OIDC_ISSUER: idp.issuer, PONTIS_OIDC_CLIENT_ID: 'pontis' });
  });
  afterAll(async () => t?.close());

  it('sends the browser back to the sign-in screen with a reason, and keeps offering the password', async () => {
    const { res, location } = await browse(new CookieJar(), t.url + '/api/v1/auth/oidc/login');
    expect(res.status).toBe(302);
    expect(location).toBe(t.url + '/?signin_error=oidc-unavailable');
    expect(res.headers.getSetCookie().some((c) => c.startsWith('pontis_oidc='))).toBe(false);
    expect(((await (await t.request('/api/v1/auth/options')).json()) as { password: boolean }).password).toBe(true);
  });
});
