// Signing in with a username and password: lockout and address limits first,
// then the argon2id check, then a new session. Every attempt is audited.
import { z } from 'zod';
import type { NodeContext } from '../context.ts';
import type { Actor } from '../../access/actor.ts';
import { TooManyRequestsError, UnauthenticatedError } from '../../domain/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { verifyPassword } from './passwords.ts';
import { findAuthority, type AuthorityInfo } from './authorities.ts';
import { userActor, type UserRow } from './users.ts';
import { createSession } from './sessions.ts';
import { ACCOUNT_LOCKOUT_MS, ACCOUNT_MAX_FAILURES, addressFailures } from './login-limits.ts';

export const LoginInput = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginInput = z.infer<typeof LoginInput>;

export interface LoginResult {
  actor: Actor;
  user: UserRow;
  authority: AuthorityInfo;
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
}

const WRONG = 'Wrong username or password.';

export async function login(node: NodeContext, input: LoginInput, client: { address: string }): Promise<LoginResult> {
  const db = node.database.db;
  const now = node.clock.now();
  const limits = addressFailures(node);
  const username = input.username.trim().toLowerCase();

  const addressWait = limits.retryAfter(client.address, now.getTime());
  if (addressWait > 0) {
    await auditAttempt(node, null, username, client, 'denied', 'address rate limit');
    throw new TooManyRequestsError(`Too many failed sign-ins from your address; try again in ${addressWait} s.`, addressWait);
  }

  const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  const authority = row ? await findAuthority(db, row.authority_id) : undefined;
  const user: UserRow | null = row
    ? { id: row.id, username: row.username, display_name: row.display_name, authority_id: row.authority_id, roles: row.roles, disabled: row.disabled }
    : null;

  if (row?.locked_until && new Date(row.locked_until) > now) {
    const wait = Math.max(1, Math.ceil((new Date(row.locked_until).getTime() - now.getTime()) / 1000));
    await auditAttempt(node, user && authority ? userActor(user, authority) : null, username, client, 'denied', 'account locked');
    throw new TooManyRequestsError(`This account is locked after repeated wrong passwords; try again in ${wait} s.`, wait);
  }

  const passwordOk = await verifyPassword(row?.password_hash ?? null, input.password);
  if (!row || !user || !authority || !passwordOk || row.disabled) {
    limits.record(client.address, now.getTime());
    let reason = !row ? 'unknown user' : row.disabled && passwordOk ? 'account disabled' : 'wrong password';
    if (row && !passwordOk) {
      const failures = row.failed_logins + 1;
      const lock = failures >= ACCOUNT_MAX_FAILURES;
      await db
        .updateTable('users')
        .set(lock ? { failed_logins: 0, locked_until: new Date(now.getTime() + ACCOUNT_LOCKOUT_MS) } : { failed_logins: failures })
        .where('id', '=', row.id)
        .execute();
      if (lock) reason = 'wrong password; account locked';
    }
    await auditAttempt(node, user && authority ? userActor(user, authority) : null, username, client, 'denied', reason);
    throw new UnauthenticatedError(WRONG);
  }

  await db.updateTable('users').set({ failed_logins: 0, locked_until: null, last_login_at: now }).where('id', '=', row.id).execute();
  const session = await createSession(node, row.id);
  const actor = userActor(user, authority);
  await auditAttempt(node, actor, username, client, 'ok');
  return { actor, user, authority, ...session };
}

async function auditAttempt(node: NodeContext, actor: Actor | null, username: string, client: { address: string }, outcome: 'ok' | 'denied', reason?: string): Promise<void> {
  const who: Actor = actor ?? {
    kind: 'user',
    id: 'unknown',
    name: username.slice(0, 64),
    authorityId: node.config.nodeAuthorityId,
    authorityKind: 'police',
    country: 'XXX',
    roles: [],
  };
  await appendAudit(node.database.db, { actor: who, action: 'auth.login', outcome, details: { address: client.address, ...(reason ? { reason } : {}) }, at: node.clock.now() });
}
