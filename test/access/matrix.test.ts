// Walks every route of the OpenAPI document with every role and checks the
// answer against the access matrix: 401 without credentials, 403 exactly when
// the matrix denies the route's action. A route missing from
// src/access/routes.ts, or answering differently from the matrix, fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../support/node.ts';
import { addAuthority } from './fixtures.ts';
import { issueApiToken } from '../../src/services/access/index.ts';
import { ROLES, type Actor, type Role } from '../../src/access/actor.ts';
import { decide } from '../../src/access/policy.ts';
import { isPublicRoute, routeAction, routeKey } from '../../src/access/routes.ts';
import type { AuthorityKind } from '../../src/domain/authority.ts';

interface Operation {
  method: string;
  path: string;
}

const AUTHORITY_OF: Record<AuthorityKind, string> = { police: 'nl-knp', border: 'nl-kmar', customs: 'nl-douane', judicial: 'nl-om', migration: 'nl-ind', eu_agency: 'eu-europol' };
/** Every role at the kind of authority it usually works for, plus roles at an authority where they have no powers. */
const ACTORS: { role: Role; kind: AuthorityKind }[] = [
  ...ROLES.map((role) => ({ role, kind: role === 'border_guard' ? ('border' as const) : ('police' as const) })),
  { role: 'police_officer', kind: 'border' },
  { role: 'border_guard', kind: 'judicial' },
];
const SOME_ID = '00000000-0000-4000-8000-000000000000';

describe('access matrix over every route', () => {
  let t: TestNode;
  let operations: Operation[] = [];
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestNode();
    for (const [kind, id] of Object.entries(AUTHORITY_OF)) await addAuthority(t.node, id, kind);
    for (const a of ACTORS) {
      const { token } = await issueApiToken(t.node, { authorityId: AUTHORITY_OF[a.kind], roles: [a.role], label: `${a.role}@${a.kind}` });
      tokens.set(`${a.role}@${a.kind}`, token);
    }
    const doc = (await (await t.request('/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path })));
  });
  afterAll(async () => t?.close());

  const call = async (op: Operation, token?: string) => {
    const path = op.path.replace(/\{[^}]+\}/g, SOME_ID);
    const hasBody = ['POST', 'PUT', 'PATCH'].includes(op.method);
    const res = await t.request(path, { method: op.method, token, ...(hasBody ? { json: {} } : {}) });
    await res.body?.cancel(); // server-sent event streams never end by themselves
    return res.status;
  };

  it('finds the API routes in the OpenAPI document', () => {
    expect(operations.filter((o) => o.path.startsWith('/api/')).length).toBeGreaterThan(15);
    expect(operations).toContainEqual({ method: 'POST', path: '/api/v1/auth/login' });
  });

  it('has an action in src/access/routes.ts for every API route', () => {
    const missing = operations.filter((o) => o.path.startsWith('/api/') && !isPublicRoute(o.method, o.path) && !routeAction(o.method, o.path)).map((o) => routeKey(o.method, o.path));
    expect(missing).toEqual([]);
  });

  it('answers 401 on every API route but login without credentials, and with a bad token', async () => {
    const wrong: string[] = [];
    for (const op of operations.filter((o) => o.path.startsWith('/api/') && !isPublicRoute(o.method, o.path))) {
      const anonymous = await call(op);
      const bogus = await call(op, 'pontis_not-a-real-token');
      if (anonymous !== 401 || bogus !== 401) wrong.push(`${routeKey(op.method, op.path)} → ${anonymous}/${bogus}`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers every role as the matrix decides', async () => {
    const wrong: string[] = [];
    let allowedSeen = 0;
    let deniedSeen = 0;
    for (const op of operations.filter((o) => o.path.startsWith('/api/') && !isPublicRoute(o.method, o.path))) {
      const action = routeAction(op.method, op.path);
      if (!action) continue; // reported by the test above
      for (const a of ACTORS) {
        const actor: Actor = { kind: 'token', id: 'x', name: 'x', authorityId: AUTHORITY_OF[a.kind], authorityKind: a.kind, country: 'NLD', roles: [a.role] };
        const allowed = decide(actor, action).allowed;
        const status = await call(op, tokens.get(`${a.role}@${a.kind}`));
        if (allowed) allowedSeen++;
        else deniedSeen++;
        if (allowed ? status === 401 || status === 403 : status !== 403) {
          wrong.push(`${routeKey(op.method, op.path)} (${action}) as ${a.role}@${a.kind}: ${status}, matrix says ${allowed ? 'allow' : 'deny'}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(allowedSeen).toBeGreaterThan(20);
    expect(deniedSeen).toBeGreaterThan(20);
  });
});
