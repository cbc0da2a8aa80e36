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

/**
 * The session check runs on every request of a signed-in browser, so what it
 * reads is kept for a few seconds. Signing out and deleteUserSessions forget
 * it at once in this process; a session deleted in the database by another
 * path (another process, or an account change that deletes the rows itself)
 * stops working within SESSION_CHECK_CACHE_MS. Lifetime, idle timeout and
 * last-seen updates are applied on every use as before.
 */
export const SESSION_CHECK_CACHE_MS = 5_000;
const MAX_CACHED_SESSIONS = 10_000;

interface CachedSession {
  info: SessionInfo;
  idHash: Buffer;
  lastSeen: number;
  /** performance.now() when read from the database: freshness is wall time, whatever the node clock says. */
  readAt: number;
}

const sessionChecks = new WeakMap<object, Map<string, CachedSession>>();

function cacheOf(node: NodeContext): Map<string, CachedSession> {
  let m = sessionChecks.get(node.database);
  if (!m) sessionChecks.set(node.database, (m = new Map()));
  return m;
}

async function readSession(node: NodeContext, idHash: Buffer): Promise<CachedSession | null> {
  const db = node.database.db;
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id_hash', 'sessions.csrf_token', 'sessions.last_seen_at', 'sessions.expires_at', 'users.id', 'users.username', 'users.display_name', 'users.authority_id', 'users.roles', 'users.disabled'])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row || row.disabled) return null;
  const authority = await findAuthority(db, row.authority_id);
  if (!authority) return null;
  const user: UserRow = { id: row.id, username: row.username, display_name: row.display_name, authority_id: row.authority_id, roles: row.roles, disabled: row.disabled };
  return {
    info: { actor: userActor(user, authority), user, authority, csrfToken: row.csrf_token, expiresAt: new Date(row.expires_at) },
    idHash: row.id_hash,
    lastSeen: new Date(row.last_seen_at).getTime(),
    readAt: performance.now(),
  };
}

export async function sessionFromCookie(node: NodeContext, sessionId: string): Promise<SessionInfo | null> {
  if (sessionId.length < 20 || sessionId.length > 100) return null;
  const db = node.database.db;
  const hash = sha256(sessionId);
  const key = hash.toString('base64');
  const cache = cacheOf(node);
  let s = cache.get(key);
  if (!s || performance.now() - s.readAt >= SESSION_CHECK_CACHE_MS) {
    cache.delete(key);
    const read = await readSession(node, hash);
    if (!read) return null;
    if (cache.size >= MAX_CACHED_SESSIONS) cache.clear();
    cache.set(key, (s = read));
  }
  const now = node.clock.now().getTime();
  if (s.info.expiresAt.getTime() <= now || now - s.lastSeen > SESSION_IDLE_MS) {
    cache.delete(key);
    await db.deleteFrom('sessions').where('id_hash', '=', s.idHash).execute();
    return null;
  }
  if (now - s.lastSeen > TOUCH_RESOLUTION_MS) {
    s.lastSeen = now;
    await db.updateTable('sessions').set({ last_seen_at: new Date(now) }).where('id_hash', '=', s.idHash).execute();
  }
  const { info } = s;
  return { actor: { ...info.actor, roles: [...info.actor.roles] }, user: { ...info.user, roles: [...info.user.roles] }, authority: { ...info.authority }, csrfToken: info.csrfToken, expiresAt: new Date(info.expiresAt) };
}

export async function deleteSession(node: NodeContext, sessionId: string): Promise<void> {
  const hash = sha256(sessionId);
  sessionChecks.get(node.database)?.delete(hash.toString('base64'));
  await node.database.db.deleteFrom('sessions').where('id_hash', '=', hash).execute();
}

/** Ends every session of a user (password change, account disabled). */
export async function deleteUserSessions(node: NodeContext, userId: string): Promise<void> {
  forgetUserSessions(node, userId);
  await node.database.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Drops this process's cached checks of a user's sessions; for code that deletes or changes them in its own transaction. */
export function forgetUserSessions(node: NodeContext, userId: string): void {
  const m = sessionChecks.get(node.database);
  if (m) for (const [key, s] of m) if (s.info.user.id === userId) m.delete(key);
}
