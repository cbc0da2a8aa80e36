// Signing in and out, and "who am I" for the web app.
import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createRouter, problemResponses, ProblemSchema } from '../openapi.ts';
import { authorize } from '../../access/policy.ts';
import { allowedPurposes } from '../../access/policy.ts';
import { login } from '../../services/access/login.ts';
import { deleteSession, sessionFromCookie, SESSION_COOKIE } from '../../services/access/sessions.ts';
import { findAuthority } from '../../services/access/authorities.ts';
import { appendAudit } from '../../services/audit/audit-log.ts';
import { clientAddress, CSRF_HEADER } from '../authenticate.ts';
import { secureCookies } from '../secure-cookies.ts';

const LoginBody = z
  .object({
    username: z.string().min(1).max(64).openapi({ example: 'grens.jansen' }),
    password: z.string().min(1).max(256),
  })
  .openapi('LoginRequest');

const SessionView = z
  .object({
    kind: z.enum(['user', 'token', 'system']),
    user: z.object({ id: z.string(), username: z.string(), displayName: z.string().nullable() }).nullable(),
    token: z.object({ id: z.string(), label: z.string(), scopes: z.array(z.string()).nullable() }).nullable(),
    authority: z.object({ id: z.string(), name: z.string(), country: z.string(), kind: z.string() }),
    roles: z.array(z.string()),
    /** Purposes this actor may search for, for the purpose picker. */
    purposes: z.array(z.string()),
    csrfToken: z.string().nullable().openapi({ description: `Send it back in the ${CSRF_HEADER} header on every POST, PUT, PATCH and DELETE made with the session cookie.` }),
    expiresAt: z.string().nullable(),
  })
  .openapi('Session');

const tooMany = { 429: { description: 'Too many failed attempts; see Retry-After', content: { 'application/problem+json': { schema: ProblemSchema } } } } as const;

/** Secure cookies whenever the browser talks HTTPS to us or the operator says so. */
export function authRoutes() {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/auth/login',
      tags: ['auth'],
      summary: 'Sign in with username and password; sets the session cookie',
      security: [],
      request: { body: { content: { 'application/json': { schema: LoginBody } }, required: true } },
      responses: {
        200: { description: 'Signed in', content: { 'application/json': { schema: SessionView } } },
        ...problemResponses,
        ...tooMany,
      },
    }),
    async (c) => {
      const node = c.get('node');
      const body = c.req.valid('json');
      const r = await login(node, body, { address: clientAddress(c) });
      setCookie(c, SESSION_COOKIE, r.sessionId, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: secureCookies(c),
        path: '/',
        expires: r.expiresAt,
      });
      c.set('actor', r.actor);
      return c.json(
        {
          kind: 'user' as const,
          user: { id: r.user.id, username: r.user.username, displayName: r.user.display_name },
          token: null,
          authority: { id: r.authority.id, name: r.authority.name, country: r.authority.country, kind: r.authority.kind },
          roles: r.actor.roles,
          purposes: allowedPurposes(r.actor),
          csrfToken: r.csrfToken,
          expiresAt: r.expiresAt.toISOString(),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/auth/logout',
      tags: ['auth'],
      summary: 'Sign out: ends the session and clears the cookie',
      responses: { 204: { description: 'Signed out' }, ...problemResponses },
    }),
    async (c) => {
      const actor = c.get('actor');
      authorize(actor, 'auth.logout');
      const node = c.get('node');
      const sessionId = getCookie(c, SESSION_COOKIE);
      if (sessionId) await deleteSession(node, sessionId);
      deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secureCookies(c), httpOnly: true, sameSite: 'Strict' });
      await appendAudit(node.database.db, { actor, action: 'auth.logout', outcome: 'ok', at: node.clock.now(), requestId: c.get('requestId') });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/auth/session',
      tags: ['auth'],
      summary: 'Who am I: account, authority, roles, allowed purposes and the CSRF token',
      responses: { 200: { description: 'The current session or token', content: { 'application/json': { schema: SessionView } } }, ...problemResponses },
    }),
    async (c) => {
      const actor = c.get('actor');
      authorize(actor, 'auth.session');
      const node = c.get('node');
      const sessionId = actor.kind === 'user' ? getCookie(c, SESSION_COOKIE) : undefined;
      const session = sessionId ? await sessionFromCookie(node, sessionId) : null;
      const authority = session?.authority ?? (await findAuthority(node.database.db, actor.authorityId));
      return c.json(
        {
          kind: actor.kind,
          user: session ? { id: session.user.id, username: session.user.username, displayName: session.user.display_name } : null,
          token: actor.kind === 'token' ? { id: actor.id, label: actor.name, scopes: actor.scopes ?? null } : null,
          authority: { id: actor.authorityId, name: authority?.name ?? actor.authorityId, country: actor.country, kind: actor.authorityKind },
          roles: actor.roles,
          purposes: allowedPurposes(actor),
          csrfToken: session?.csrfToken ?? null,
          expiresAt: session ? session.expiresAt.toISOString() : null,
        },
        200,
      );
    },
  );

  return app;
}
