// Turning a validated ID token into a Pontis session. The provider vouches
// for who the person is; Pontis still decides whether that person may sign
// in here: only to an existing, active account of the configured authority,
// and with Pontis's own roles unless a role map is configured. Every attempt,
// refused or not, is an `auth.login` audit entry like a password sign-in.
import type { NodeContext } from '../context.ts';
import type { Actor, Role } from '../../access/actor.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { findAuthority } from './authorities.ts';
import { userActor, Username, type UserRow } from './users.ts';
import { createSession, deleteUserSessions } from './sessions.ts';
import type { LoginResult } from './login.ts';
import type { OidcSettings } from './oidc-settings.ts';
import type { IdTokenClaims } from './oidc-client.ts';

/** A refused sign-in; `reason` goes to the audit trail, `code` to the browser. */
export class OidcLoginRefused extends Error {
  constructor(
    readonly code: 'no-account' | 'failed',
    readonly reason: string,
  ) {
    super(reason);
  }
}

export interface OidcAttempt {
  address: string;
  requestId?: string;
}

/** Signs in the account the claims name, or throws OidcLoginRefused after auditing why. */
export async function loginWithIdToken(node: NodeContext, settings: OidcSettings, claims: IdTokenClaims, attempt: OidcAttempt): Promise<LoginResult> {
  const db = node.database.db;
  const now = node.clock.now();
  const identity = { issuer: claims.iss, subject: claims.sub };
  const refuse = async (actor: Actor | null, name: string, reason: string, code: OidcLoginRefused['code'] = 'no-account'): Promise<never> => {
    await auditOidcAttempt(node, actor, name, attempt, 'denied', { ...identity, reason });
    throw new OidcLoginRefused(code, reason);
  };

  const claimed = claimAt(claims, settings.usernameClaim);
  if (typeof claimed !== 'string' || claimed.trim() === '') return refuse(null, claims.sub, `the ID token has no ${settings.usernameClaim} claim`, 'failed');
  if (settings.usernameClaim === 'email' && claims.email_verified !== true) return refuse(null, claimed, 'the e-mail address is not verified by the identity provider');
  const username = Username.safeParse(claimed);
  if (!username.success) return refuse(null, claimed, `"${claimed.slice(0, 64)}" is not a Pontis username`);

  const row = await db.selectFrom('users').select(['id', 'username', 'display_name', 'authority_id', 'roles', 'disabled']).where('username', '=', username.data).executeTakeFirst();
  if (!row) return refuse(null, username.data, 'unknown user');
  const authority = await findAuthority(db, row.authority_id);
  let user: UserRow = { id: row.id, username: row.username, display_name: row.display_name, authority_id: row.authority_id, roles: row.roles, disabled: row.disabled };
  if (!authority) return refuse(null, username.data, 'unknown user');
  const known = userActor(user, authority);
  if (row.authority_id !== settings.authorityId) return refuse(known, username.data, `account of ${row.authority_id}, not of ${settings.authorityId}`);
  if (row.disabled) return refuse(known, username.data, 'account disabled');

  if (settings.roleMapping) {
    const roles = mappedRoles(claimAt(claims, settings.roleMapping.claim), settings.roleMapping.map);
    if (!roles.length) return refuse(known, username.data, `no Pontis role in the ${settings.roleMapping.claim} claim`);
    if (!sameRoles(roles, row.roles)) {
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ roles }).where('id', '=', row.id).execute();
        await appendAudit(trx, {
          actor: known,
          action: 'user.update',
          outcome: 'ok',
          changed: [{ type: 'user', id: row.id }],
          details: { roles, before: row.roles, source: 'OpenID Connect role map', ...identity },
          at: now,
          requestId: attempt.requestId,
        });
      });
      // As when an administrator changes roles: sessions opened under the old roles end.
      await deleteUserSessions(node, row.id);
      user = { ...user, roles };
    }
  }

  await db.updateTable('users').set({ last_login_at: now }).where('id', '=', row.id).execute();
  const session = await createSession(node, row.id);
  const actor = userActor(user, authority);
  await auditOidcAttempt(node, actor, username.data, attempt, 'ok', identity);
  return { actor, user, authority, ...session };
}

/** A refusal before any claims exist (bad state, provider error, expired sign-in). */
export async function auditOidcFailure(node: NodeContext, attempt: OidcAttempt, reason: string): Promise<void> {
  await auditOidcAttempt(node, null, 'unknown', attempt, 'denied', { reason });
}

async function auditOidcAttempt(node: NodeContext, actor: Actor | null, name: string, attempt: OidcAttempt, outcome: 'ok' | 'denied', details: Record<string, unknown>): Promise<void> {
  const who: Actor = actor ?? {
    kind: 'user',
    id: 'unknown',
    name: name.slice(0, 64),
    authorityId: node.config.nodeAuthorityId,
    authorityKind: 'police',
    country: 'XXX',
    roles: [],
  };
  await appendAudit(node.database.db, {
    actor: who,
    action: 'auth.login',
    outcome,
    details: { method: 'oidc', address: attempt.address, ...details },
    at: node.clock.now(),
    requestId: attempt.requestId,
  });
}

/** A claim by name, or by dotted path into nested objects (Keycloak's realm_access.roles). */
export function claimAt(claims: Record<string, unknown>, path: string): unknown {
  if (Object.hasOwn(claims, path)) return claims[path];
  let at: unknown = claims;
  for (const part of path.split('.')) {
    if (typeof at !== 'object' || at === null || Array.isArray(at) || !Object.hasOwn(at, part)) return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}

export function mappedRoles(value: unknown, map: Record<string, Role[]>): Role[] {
  const given = typeof value === 'string' ? value.split(/\s+/) : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  const roles = new Set<Role>();
  for (const g of given) if (Object.hasOwn(map, g)) for (const r of map[g]!) roles.add(r);
  return [...roles].sort();
}

function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().every((r, i) => r === [...b].sort()[i]);
}
