// Sign-in, sessions, CSRF, lockout and API tokens, over HTTP against a real node.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../support/node.ts';
import { addAuthority, PASSWORD, signIn, userFor } from './fixtures.ts';
import { issueApiToken, revokeApiToken, nodeActor } from '../../src/services/access/index.ts';

describe('authentication', () => {
  let t: TestNode;
  beforeAll(async () => {
    t = await startTestNode();
    await addAuthority(t.node, 'nl-kmar', 'border');
    await addAuthority(t.node, 'nl-knp', 'police');
    await userFor(t.node, 'grens.jansen', 'nl-kmar', ['border_guard']);
    await userFor(t.node, 'locked.out', 'nl-kmar', ['border_guard']);
    await userFor(t.node, 'beheer', 'nl-knp', ['admin']);
  });
  afterAll(async () => t?.close());

  it('answers 401 without credentials and with an unknown token', async () => {
    expect((await t.request('/api/v1/auth/session')).status).toBe(401);
    expect((await t.request('/api/v1/auth/session', { token: 'pontis_nonsense' })).status).toBe(401);
    const res = await t.request('/api/v1/auth/session', { headers: { authorization: 'Basic abc' } });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('signs in with a hardened session cookie and tells who is signed in', async () => {
    const { res, cookie, setCookie, csrfToken } = await signIn(t.request, 'Grens.Jansen');
    expect(res.status).toBe(200);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(csrfToken.length).toBeGreaterThan(20);
    const who = await t.request('/api/v1/auth/session', { headers: { cookie } });
    expect(who.status).toBe(200);
    const body = (await who.json()) as { user: { username: string }; authority: { id: string; country: string }; roles: string[]; csrfToken: string; purposes: string[] };
    expect(body.user.username).toBe('grens.jansen');
    expect(body.authority).toMatchObject({ id: 'nl-kmar', country: 'NLD' });
    expect(body.roles).toEqual(['border_guard']);
    expect(body.csrfToken).toBe(csrfToken);
    expect(body.purposes.sort()).toEqual(['border_check', 'migration_check']);
    // the database keeps only a hash of the session id
    const stored = await t.node.database.query<{ n: number }>(`select count(*)::int as n from sessions where encode(id_hash, 'base64') like $1`, [cookie.split('=')[1]!.slice(0, 10) + '%']);
    expect(stored[0]!.n).toBe(0);
  });

  it('refuses a wrong password with 401 and the same message as an unknown user', async () => {
    const wrong = await signIn(t.request, 'grens.jansen', 'not the password');
    const unknown = await signIn(t.request, 'nobody.here', 'not the password');
    expect(wrong.res.status).toBe(401);
    expect(unknown.res.status).toBe(401);
    expect(((await wrong.res.json()) as { detail: string }).detail).toBe(((await unknown.res.json()) as { detail: string }).detail);
  });

  it('requires the CSRF token on unsafe requests made with the cookie', async () => {
    const { cookie, csrfToken } = await signIn(t.request, 'grens.jansen');
    const without = await t.request('/api/v1/auth/logout', { method: 'POST', headers: { cookie } });
    expect(without.status).toBe(403);
    const wrong = await t.request('/api/v1/auth/logout', { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken.slice(1) + 'x' } });
    expect(wrong.status).toBe(403);
    const foreign = await t.request('/api/v1/auth/logout', { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    expect((await t.request('/api/v1/auth/session', { headers: { cookie } })).status).toBe(200);
    const ok = await t.request('/api/v1/auth/logout', { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(ok.status).toBe(204);
    expect((await t.request('/api/v1/auth/session', { headers: { cookie } })).status).toBe(401);
  });

  it('expires an idle session', async () => {
    const { cookie } = await signIn(t.request, 'grens.jansen');
    t.clock.advance(31 * 60_000);
    expect((await t.request('/api/v1/auth/session', { headers: { cookie } })).status).toBe(401);
  });

  it('locks an account for 15 minutes after 5 wrong passwords', async () => {
    for (let i = 0; i < 5; i++) expect((await signIn(t.request, 'locked.out', 'wrong password ' + i)).res.status).toBe(401);
    const locked = await signIn(t.request, 'locked.out');
    expect(locked.res.status).toBe(429);
    expect(Number(locked.res.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    t.clock.advance(16 * 60_000);
    expect((await signIn(t.request, 'locked.out')).res.status).toBe(200);
    const audit = await t.node.database.query<{ outcome: string; n: number }>(
      `select outcome, count(*)::int as n from audit_log where action = 'auth.login' and body like '%locked.out%' group by outcome order by outcome`,
    );
    expect(audit).toEqual([{ outcome: 'denied', n: 6 }, { outcome: 'ok', n: 1 }]);
  });

  it('accepts an API token until it is revoked, and records its last use', async () => {
    const { id, token } = await issueApiToken(t.node, { authorityId: 'nl-kmar', roles: ['border_guard'], label: 'gate e-gates' });
    expect(token.startsWith('pontis_')).toBe(true);
    expect((await t.request('/api/v1/auth/session', { token })).status).toBe(200);
    const row = await t.node.database.db.selectFrom('api_tokens').select(['last_used_at', 'token_hash']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.last_used_at).not.toBeNull();
    expect(Buffer.from(row.token_hash).toString('utf8')).not.toContain(token.slice(7, 20));
    await revokeApiToken(t.node, id, await nodeActor(t.node, 'test'));
    expect((await t.request('/api/v1/auth/session', { token })).status).toBe(401);
  });

  it('limits a token to its scopes', async () => {
    const { token } = await issueApiToken(t.node, { authorityId: 'nl-knp', roles: ['admin'], label: 'sessions only', scopes: ['auth.session'] });
    expect((await t.request('/api/v1/auth/session', { token })).status).toBe(200);
    expect((await t.request('/api/v1/auth/logout', { method: 'POST', token })).status).toBe(403);
  });

  it('uses the password only through argon2id', async () => {
    const row = await t.node.database.db.selectFrom('users').select('password_hash').where('username', '=', 'beheer').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
  });

  // Last: it leaves this address limited for 15 minutes of the test clock.
  it('limits failed sign-ins per address whatever usernames are tried', async () => {
    for (let i = 0; i < 20; i++) expect((await signIn(t.request, `guess.${i}`, 'wrong password')).res.status).toBe(401);
    const limited = await signIn(t.request, 'grens.jansen');
    expect(limited.res.status).toBe(429);
    expect(Number(limited.res.headers.get('retry-after'))).toBeGreaterThan(0);
    t.clock.advance(16 * 60_000);
    expect((await signIn(t.request, 'grens.jansen')).res.status).toBe(200);
  });
});
