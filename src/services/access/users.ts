// User accounts: a person at an authority with one or more roles.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { NodeContext } from '../context.ts';
import { ROLES, type Actor, type Role } from '../../access/actor.ts';
import { ConflictError, NotFoundError, ValidationError, issuesFromZod } from '../../domain/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { hashPassword, Password } from './passwords.ts';
import { requireAuthority, type AuthorityInfo } from './authorities.ts';
import { nodeActor } from './system-actor.ts';
import { forgetUserSessions } from './sessions.ts';

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._@-]{1,63}$/, 'a username is 2–64 characters: letters, digits and . _ @ -, starting with a letter or digit');

export const Roles = z.array(z.enum(ROLES)).min(1, 'give at least one role').max(ROLES.length);

export const NewUser = z.object({
  username: Username,
  /** Omitted for accounts that only sign in through OpenID Connect. */
  password: Password.optional(),
  authorityId: z.string().min(1).max(63),
  roles: Roles,
  displayName: z.string().trim().max(200).optional(),
});
export type NewUser = z.input<typeof NewUser>;

export interface UserRow {
  id: string;
  username: string;
  display_name: string | null;
  authority_id: string;
  roles: string[];
  disabled: boolean;
}

export async function createUser(node: NodeContext, input: NewUser, by?: Actor): Promise<{ id: string }> {
  const parsed = NewUser.safeParse(input);
  if (!parsed.success) throw new ValidationError('The new account is not valid.', issuesFromZod(parsed.error));
  const u = parsed.data;
  const passwordHash = u.password ? await hashPassword(u.password) : null;
  const actor = by ?? (await nodeActor(node, 'users'));
  const id = randomUUID();
  await node.database.db.transaction().execute(async (trx) => {
    await requireAuthority(trx, u.authorityId);
    const taken = await trx.selectFrom('users').select('id').where('username', '=', u.username).executeTakeFirst();
    if (taken) throw new ConflictError(`The username "${u.username}" is taken.`);
    await trx
      .insertInto('users')
      .values({ id, username: u.username, display_name: u.displayName ?? null, authority_id: u.authorityId, roles: u.roles, password_hash: passwordHash, created_at: node.clock.now() })
      .execute();
    await appendAudit(trx, {
      actor,
      action: 'user.create',
      outcome: 'ok',
      changed: [{ type: 'user', id }],
      details: { username: u.username, authorityId: u.authorityId, roles: u.roles },
      at: node.clock.now(),
    });
  });
  return { id };
}

export function userActor(user: UserRow, authority: AuthorityInfo): Actor {
  return {
    kind: 'user',
    id: user.id,
    name: user.username,
    authorityId: authority.id,
    authorityKind: authority.kind,
    country: authority.country,
    roles: user.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r)),
  };
}

export const UserChange = z.object({
  roles: Roles.optional(),
  disabled: z.boolean().optional(),
  password: Password.optional(),
  displayName: z.string().trim().max(200).optional(),
  /** Lifts a lockout after repeated wrong passwords. */
  unlock: z.literal(true).optional(),
});
export type UserChange = z.input<typeof UserChange>;

export interface UserView {
  id: string;
  username: string;
  displayName: string | null;
  authorityId: string;
  roles: string[];
  disabled: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
}

export async function listUsers(node: NodeContext, authorityId?: string): Promise<UserView[]> {
  let q = node.database.db.selectFrom('users').selectAll().orderBy('username');
  if (authorityId) q = q.where('authority_id', '=', authorityId);
  const rows = await q.limit(5000).execute();
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return rows.map((r) => ({
    id: r.id, username: r.username, displayName: r.display_name, authorityId: r.authority_id, roles: r.roles, disabled: r.disabled,
    lockedUntil: iso(r.locked_until), lastLoginAt: iso(r.last_login_at), createdAt: new Date(r.created_at).toISOString(),
  }));
}

export async function updateUser(node: NodeContext, id: string, change: UserChange, by: Actor): Promise<void> {
  const parsed = UserChange.safeParse(change);
  if (!parsed.success) throw new ValidationError('The account change is not valid.', issuesFromZod(parsed.error));
  const c = parsed.data;
  const passwordHash = c.password ? await hashPassword(c.password) : undefined;
  await node.database.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError(`No user ${id}.`);
    await trx
      .updateTable('users')
      .set({
        ...(c.roles ? { roles: c.roles } : {}),
        ...(c.disabled !== undefined ? { disabled: c.disabled } : {}),
        ...(c.displayName !== undefined ? { display_name: c.displayName } : {}),
        ...(passwordHash ? { password_hash: passwordHash } : {}),
        ...(c.unlock || passwordHash ? { failed_logins: 0, locked_until: null } : {}),
      })
      .where('id', '=', id)
      .execute();
    // A disabled account, new roles or a new password end the sessions opened before.
    if (c.disabled || c.roles || passwordHash) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    await appendAudit(trx, {
      actor: by,
      action: 'user.update',
      outcome: 'ok',
      changed: [{ type: 'user', id }],
      details: { roles: c.roles, disabled: c.disabled, passwordChanged: passwordHash !== undefined, unlocked: c.unlock },
      at: node.clock.now(),
    });
  });
  // The sessions are gone from the database; this process must not keep serving them from its check cache.
  if (c.disabled || c.roles || passwordHash) forgetUserSessions(node, id);
}
