// Which action each API route performs. The authentication middleware checks
// it for every request before the route validates input, so a role that may
// not use a route gets 403 whatever it sends; the route then calls
// authorize() again with the purpose and source it touches.
// test/access/matrix.test.ts fails for any route of the OpenAPI document that
// is missing here: a new route must say what it does before it ships.
import type { Actor } from './actor.ts';
import { authorize, type Action } from './policy.ts';

/** Routes that need no credentials (signing in). */
export const PUBLIC_API_ROUTES: readonly string[] = [
  'POST /api/v1/auth/login',
  'GET /api/v1/auth/options',
  'GET /api/v1/auth/oidc/login',
  'GET /api/v1/auth/oidc/callback',
];

/** `METHOD /path/{param}` → action. */
export const ROUTE_ACTIONS: Readonly<Record<string, Action>> = {
  'POST /api/v1/auth/logout': 'auth.logout',
  'GET /api/v1/auth/session': 'auth.session',

  'GET /api/v1/audit/entries': 'audit.read',
  'GET /api/v1/audit/export': 'audit.export',
  'POST /api/v1/audit/verify': 'audit.verify',
  'GET /api/v1/audit/checkpoints': 'audit.read',
  'GET /api/v1/persons/{id}/subject-report': 'subject_report.read',

  'GET /api/v1/admin/users': 'user.read',
  'POST /api/v1/admin/users': 'user.create',
  'PATCH /api/v1/admin/users/{id}': 'user.update',
  'GET /api/v1/admin/tokens': 'token.read',
  'POST /api/v1/admin/tokens': 'token.issue',
  'DELETE /api/v1/admin/tokens/{id}': 'token.revoke',
  'GET /api/v1/admin/retention': 'retention.read',
  'POST /api/v1/admin/retention/run': 'retention.run',
  'GET /api/v1/admin/policy': 'user.read',

  'GET /api/v1/persons/{id}': 'record.read',
  'GET /api/v1/objects/{id}': 'record.read',
  'GET /api/v1/sources': 'record.read',
  'POST /api/v1/search': 'search.run',

  'GET /api/v1/alerts/categories': 'alert.read',
  'GET /api/v1/alerts/review-queue': 'alert.review',
  'POST /api/v1/alerts': 'alert.create',
  'GET /api/v1/alerts': 'alert.read',
  'GET /api/v1/alerts/{id}': 'alert.read',
  'PATCH /api/v1/alerts/{id}': 'alert.update',
  'DELETE /api/v1/alerts/{id}': 'alert.update',
  'GET /api/v1/alerts/{id}/history': 'alert.read',
  'POST /api/v1/alerts/{id}/extend': 'alert.update',
  'POST /api/v1/alerts/{id}/expire': 'alert.update',
  'POST /api/v1/alerts/{id}/approve': 'alert.approve',
  'POST /api/v1/alerts/{id}/reject': 'alert.approve',
  'POST /api/v1/alerts/{id}/flags': 'alert.flag',
  'DELETE /api/v1/alerts/{id}/flags': 'alert.flag',
  'POST /api/v1/alerts/{id}/links': 'alert.update',

  'POST /api/v1/identity/detect': 'identity.detect',
  'GET /api/v1/identity/links': 'identity.read',
  'GET /api/v1/identity/links/{id}': 'identity.read',
  'POST /api/v1/identity/links/{id}/resolve': 'identity.resolve',
  'GET /api/v1/identity/persons/{id}/cluster': 'identity.read',

  'POST /api/v1/hits': 'hit.confirm',
  'GET /api/v1/hits': 'hit.read',
  'GET /api/v1/inbox': 'message.read',
  'GET /api/v1/threads/{id}': 'message.read',
  'POST /api/v1/threads/{id}/messages': 'message.send',
  'GET /api/v1/messages/{id}': 'message.read',
  'POST /api/v1/messages/{id}/read': 'message.read',
  'POST /api/v1/messages/{id}/acknowledge': 'message.acknowledge',
  'POST /api/v1/attachments': 'message.send',
  'GET /api/v1/attachments/{id}': 'message.read',
  'POST /api/v1/rapid-alerts': 'rapid_alert.send',
  'GET /api/v1/rapid-alerts': 'rapid_alert.read',
  'GET /api/v1/rapid-alerts/{id}': 'rapid_alert.read',
  'POST /api/v1/rapid-alerts/{id}/acknowledge': 'rapid_alert.acknowledge',
  'POST /api/v1/cases/{ref}/close': 'search.run',
  'GET /api/v1/events': 'message.read',

  'GET /api/v1/stats/threat-picture': 'stats.read',
  'GET /api/v1/stats/threat-picture/export': 'stats.read',
};

/** Hono's `/persons/:id` and OpenAPI's `/persons/{id}` name the same route. */
export function routeKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, '{$1}')}`;
}

export function isPublicRoute(method: string, path: string): boolean {
  return PUBLIC_API_ROUTES.includes(routeKey(method, path));
}

export function routeAction(method: string, path: string): Action | undefined {
  return ROUTE_ACTIONS[routeKey(method, path)];
}

/** Throws AccessDeniedError when the route's action is not granted to the actor. */
export function authorizeRoute(actor: Actor, method: string, path: string): void {
  const action = routeAction(method === 'HEAD' ? 'GET' : method, path);
  if (action) authorize(actor, action);
}
