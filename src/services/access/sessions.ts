// Browser sessions: a random id in an HttpOnly cookie, kept in the database
// only as its SHA-256, with an absolute lifetime and an idle timeout, and a
// CSRF token the page echoes in `x-csrf-token` on every unsafe request.
import type { NodeContext } from '../context.ts';
import type { Actor } from '../../access/actor.ts';
import { randomSecret, sha256 } from './secrets.ts';
import { findAuthority, type AuthorityInfo } from './authorities.ts';
import { userActor, type UserRow } from './users.ts';

export const SESSION_COOKIE = 'pontis_session';
/** A working shift; then sign in again. */
export const SESSION_LIFETIME_MS = 10 * 3600_000;
/** An unattended screen does not stay signed in. */
export const SESSION_IDLE_MS = 30 * 60_000;
const TOUCH_RESOLUTION_MS = 60_000;

export interface SessionInfo {
  actor: Actor;
  user: UserRow;
  authority: AuthorityInfo;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(node: NodeContext, userId: string): Promise<{ sessionId: string; csrfToken: string; expiresAt: Date }> {
  const sessionId = randomSecret(32);
  const csrfToken = randomSecret(24);
  const now = node.clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await node.database.db
    .insertInto('sessions')
    .values({ id_hash: sha256(sessionId), user_id: userId, csrf_token: csrfToken, created_at: now, last_seen_at: now, expires_at: expiresAt })
    .execute();
  return { sessionId, csrfToken, expiresAt };
}

export async function sessionFromCookie(node: NodeContext, sessionId: string): Promise<SessionInfo | null> {
  if (sessionId.length < 20 || sessionId.length > 100) return null;
  const db = node.database.db;
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id_hash', 'sessions.csrf_token', 'sessions.last_seen_at', 'sessions.expires_at', 'users.id', 'users.username', 'users.display_name', 'users.authority_id', 'users.roles', 'users.disabled'])
    .where('sessions.id_hash', '=', sha256(sessionId))
    .executeTakeFirst();
  if (!row || row.disabled) return null;
  const now = node.clock.now().getTime();
  const lastSeen = new Date(row.last_seen_at).getTime();
  if (new Date(row.expires_at).getTime() <= now || now - lastSeen > SESSION_IDLE_MS) {
    await db.deleteFrom('sessions').where('id_hash', '=', row.id_hash).execute();
    return null;
  }
  const authority = await findAuthority(db, row.authority_id);
  if (!authority) return null;
  if (now - lastSeen > TOUCH_RESOLUTION_MS) {
    await db.updateTable('sessions').set({ last_seen_at: new Date(now) }).where('id_hash', '=', row.id_hash).execute();
  }
  const user: UserRow = { id: row.id, username: row.username, display_name: row.display_name, authority_id: row.authority_id, roles: row.roles, disabled: row.disabled };
  return { actor: userActor(user, authority), user, authority, csrfToken: row.csrf_token, expiresAt: new Date(row.expires_at) };
}

export async function deleteSession(node: NodeContext, sessionId: string): Promise<void> {
  await node.database.db.deleteFrom('sessions').where('id_hash', '=', sha256(sessionId)).execute();
}

/** Ends every session of a user (password change, account disabled). */
export async function deleteUserSessions(node: NodeContext, userId: string): Promise<void> {
  await node.database.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
