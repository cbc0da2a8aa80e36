// Authorities and accounts the access tests sign in with.
import type { NodeContext } from '../../src/services/context.ts';
import type { Role } from '../../src/access/actor.ts';
import { createUser, issueApiToken } from '../../src/services/access/index.ts';

export const PASSWORD = 'correct horse battery staple';

export async function addAuthority(node: NodeContext, id: string, kind: string, country = 'NLD'): Promise<void> {
  await node.database.db.insertInto('authorities').values({ id, country, name: `Authority ${id}`, kind }).execute();
}

export async function tokenFor(node: NodeContext, authorityId: string, role: Role): Promise<string> {
  return (await issueApiToken(node, { authorityId, roles: [role], label: `${role} test token` })).token;
}

export async function userFor(node: NodeContext, username: string, authorityId: string, roles: Role[]): Promise<string> {
  return (await createUser(node, { username, password: PASSWORD, authorityId, roles })).id;
}

/** The session cookie and CSRF token from a login response. */
export async function signIn(request: (p: string, i?: RequestInit & { json?: unknown }) => Promise<Response>, username: string, password = PASSWORD) {
  const res = await request('/api/v1/auth/login', { method: 'POST', json: { username, password } });
  const setCookie = res.headers.get('set-cookie') ?? '';
  const cookie = /pontis_session=[^;]+/.exec(setCookie)?.[0] ?? '';
  const body = res.status === 200 ? ((await res.json()) as { csrfToken: string }) : undefined;
  return { res, cookie, setCookie, csrfToken: body?.csrfToken ?? '' };
}
