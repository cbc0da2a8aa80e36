// Resolves the request's credentials to an Actor and applies the rules that
// hold for every API route, before any route validates its input:
//  - no valid credentials → 401 (except signing in);
//  - a cookie session on an unsafe method needs the session's CSRF token in
//    `x-csrf-token` (double submit) and, when the browser sends Origin, the
//    node's own origin;
//  - the route's action (src/access/routes.ts) must be granted to the actor.
// Routes then call authorize() again with the resource they touch.
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from './env.ts';
import type { Actor } from '../access/actor.ts';
import { AccessDeniedError, UnauthenticatedError } from '../domain/errors.ts';
import { actorFromToken } from '../services/access/tokens.ts';
import { sessionFromCookie, SESSION_COOKIE } from '../services/access/sessions.ts';
import { sameSecret } from '../services/access/secrets.ts';
import { authorizeRoute, isPublicRoute, routeAction } from '../access/routes.ts';
import { appendAudit } from '../services/audit/audit-log.ts';
import { currentPolicy } from '../access/policy.ts';
import { matchedRoutes } from 'hono/route';
import { getConnInfo } from '@hono/node-server/conninfo';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_HEADER = 'x-csrf-token';

export function authenticate(): MiddlewareHandler<AppEnv> {
  // A malformed PONTIS_ACCESS_POLICY file stops the node at start, not at the first request.
  currentPolicy();
  return async (c, next) => {
    const node = c.get('node');
    let actor: Actor | null = null;
    let csrfToken: string | undefined;
    const authorization = c.req.header('authorization');
    if (authorization !== undefined) {
      const m = /^Bearer\s+(\S{1,200})\s*$/i.exec(authorization);
      if (m) actor = await actorFromToken(node, m[1]!);
    } else {
      const sessionId = getCookie(c, SESSION_COOKIE);
      if (sessionId) {
        const session = await sessionFromCookie(node, sessionId);
        if (session) {
          actor = session.actor;
          csrfToken = session.csrfToken;
        }
      }
    }
    c.set('actor', actor);

    const path = c.req.path;
    const method = c.req.method.toUpperCase();
    if (path.startsWith('/api/') && !isPublicRoute(method, path)) {
      if (!actor) {
        throw new UnauthenticatedError(
          authorization !== undefined ? 'The API token is unknown, expired or revoked, or the Authorization header is not "Bearer <token>".' : 'Sign in or present an API token.',
        );
      }
      const route = matchedRoutePath(c) ?? path;
      try {
        if (csrfToken !== undefined && UNSAFE_METHODS.has(method)) checkCsrf(c, csrfToken);
        authorizeRoute(actor, method, route);
      } catch (err) {
        // A refused attempt is part of the record: who tried what, and why it was refused.
        if (err instanceof AccessDeniedError) {
          await appendAudit(node.database.db, {
            actor, action: routeAction(method, route) ?? 'request', outcome: 'denied', query: { method, route },
            details: { reason: err.message }, at: node.clock.now(), requestId: c.get('requestId'),
          });
        }
        throw err;
      }
    } else if (path.startsWith('/api/') && UNSAFE_METHODS.has(method)) {
      checkOrigin(c);
    }
    await next();
  };
}

function checkCsrf(c: Context<AppEnv>, expected: string): void {
  checkOrigin(c);
  const given = c.req.header(CSRF_HEADER) ?? '';
  if (!sameSecret(given, expected)) {
    throw new AccessDeniedError(`A signed-in browser request that changes data needs the ${CSRF_HEADER} header from GET /api/v1/auth/session.`);
  }
}

/** Browsers send Origin on cross-site requests; refuse any that is not ours. */
function checkOrigin(c: Context<AppEnv>): void {
  const origin = c.req.header('origin');
  if (!origin || origin === 'null') return;
  const host = c.req.header('x-forwarded-host') && process.env.PONTIS_TRUST_PROXY === '1' ? c.req.header('x-forwarded-host') : c.req.header('host');
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AccessDeniedError('The Origin header is not a valid origin.');
  }
  if (host && originHost !== host) throw new AccessDeniedError(`Requests from ${origin} are not accepted by this node.`);
}

/**
 * The path template of the route that will answer (e.g. /api/v1/persons/:id),
 * known before its handler runs: the first non-middleware route that matched,
 * as Hono runs handlers in registration order.
 */
function matchedRoutePath(c: Context<AppEnv>): string | undefined {
  const method = c.req.method.toUpperCase();
  for (const r of matchedRoutes(c)) {
    if (r.method === 'ALL') continue;
    if (r.method === method || (method === 'HEAD' && r.method === 'GET')) return r.path;
  }
  return undefined;
}

/** The caller's address, for login limits and the audit trail; behind a proxy only when PONTIS_TRUST_PROXY=1. */
export function clientAddress(c: Context<AppEnv>): string {
  if (process.env.PONTIS_TRUST_PROXY === '1') {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // in-process requests (app.request) have no socket
  }
}
