// API tokens for systems (a border-control application, an import job): random,
// shown once, stored as a SHA-256 hash, limited to roles and optional action
// scopes, revocable, with the time of last use.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { NodeContext } from '../context.ts';
import { ROLES, type Actor, type Role } from '../../access/actor.ts';
import { NotFoundError, ValidationError, issuesFromZod } from '../../domain/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { randomSecret, sha256 } from './secrets.ts';
import { findAuthority, requireAuthority } from './authorities.ts';
import { Roles } from './users.ts';
import { nodeActor } from './system-actor.ts';

/** Tokens are recognisable in logs and secret scanners by this prefix. */
export const TOKEN_PREFIX = 'pontis_';

export const Scope = z.string().regex(/^[a-z_]+(\.[a-z_*]+)?$|^\*$/, 'a scope is an action such as search.run, or a pattern such as alert.* or *');

export const NewApiToken = z.object({
  authorityId: z.string().min(1).max(63),
  roles: Roles,
  label: z.string().trim().min(1, 'give the token a label').max(120),
  scopes: z.array(Scope).min(1).max(50).optional(),
  userId: z.string().uuid().optional(),
  /** ISO time after which the token stops working; none = until revoked. */
  expiresAt: z.coerce.date().optional(),
});
export type NewApiToken = z.input<typeof NewApiToken>;

export async function issueApiToken(node: NodeContext, input: NewApiToken, by?: Actor): Promise<{ id: string; token: string }> {
  const parsed = NewApiToken.safeParse(input);
  if (!parsed.success) throw new ValidationError('The API token request is not valid.', issuesFromZod(parsed.error));
  const t = parsed.data;
  const actor = by ?? (await nodeActor(node, 'tokens'));
  const id = randomUUID();
  const token = TOKEN_PREFIX + randomSecret(32);
  await node.database.db.transaction().execute(async (trx) => {
    await requireAuthority(trx, t.authorityId);
    if (t.userId && !(await trx.selectFrom('users').select('id').where('id', '=', t.userId).executeTakeFirst())) {
      throw new NotFoundError(`User ${t.userId} does not exist.`);
    }
    await trx
      .insertInto('api_tokens')
      .values({
        id,
        token_hash: sha256(token),
        label: t.label,
        authority_id: t.authorityId,
        roles: t.roles,
        scopes: t.scopes ?? null,
        user_id: t.userId ?? null,
        created_at: node.clock.now(),
        expires_at: t.expiresAt ?? null,
      })
      .execute();
    await appendAudit(trx, {
      actor,
      action: 'token.issue',
      outcome: 'ok',
      changed: [{ type: 'api_token', id }],
      details: { label: t.label, authorityId: t.authorityId, roles: t.roles, scopes: t.scopes ?? null },
      at: node.clock.now(),
    });
  });
  return { id, token };
}

export async function revokeApiToken(node: NodeContext, id: string, by: Actor): Promise<void> {
  await node.database.db.transaction().execute(async (trx) => {
    const r = await trx.updateTable('api_tokens').set({ revoked_at: node.clock.now() }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new NotFoundError(`No active API token ${id}.`);
    await appendAudit(trx, { actor: by, action: 'token.revoke', outcome: 'ok', changed: [{ type: 'api_token', id }], at: node.clock.now() });
  });
  forgetToken(node, id);
}

export interface ApiTokenInfo {
  id: string;
  label: string;
  authorityId: string;
  roles: string[];
  scopes: string[] | null;
  userId: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export async function listApiTokens(node: NodeContext, authorityId?: string): Promise<ApiTokenInfo[]> {
  let q = node.database.db.selectFrom('api_tokens').selectAll().orderBy('created_at', 'desc');
  if (authorityId) q = q.where('authority_id', '=', authorityId);
  const rows = await q.limit(1000).execute();
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    authorityId: r.authority_id,
    roles: r.roles,
    scopes: r.scopes,
    userId: r.user_id,
    createdAt: new Date(r.created_at).toISOString(),
    expiresAt: iso(r.expires_at),
    revokedAt: iso(r.revoked_at),
    lastUsedAt: iso(r.last_used_at),
  }));
}

// Writing last_used_at on every request would turn reads into writes; once a minute is enough.
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * A token is checked on every API request, and a system client (an e-gate, a
 * border application) sends hundreds a second. Its row changes only when it
 * is revoked, so the check is kept for a few seconds: a revocation in this
 * process takes effect at once (revokeApiToken forgets it), one made by
 * another process on the same database within TOKEN_CHECK_CACHE_MS. Expiry is
 * checked on every use. Only valid tokens are kept, under their hash.
 */
export const TOKEN_CHECK_CACHE_MS = 5_000;
const MAX_CACHED_TOKENS = 10_000;

interface CachedToken {
  actor: Actor;
  expiresAt: number | null;
  lastUsedAt: number | null;
  /** performance.now() when read from the database: freshness is wall time, whatever the node clock says. */
  readAt: number;
}

const tokenChecks = new WeakMap<object, Map<string, CachedToken>>();

function cacheOf(node: NodeContext): Map<string, CachedToken> {
  let m = tokenChecks.get(node.database);
  if (!m) tokenChecks.set(node.database, (m = new Map()));
  return m;
}

function forgetToken(node: NodeContext, id: string): void {
  const m = tokenChecks.get(node.database);
  if (m) for (const [hash, t] of m) if (t.actor.id === id) m.delete(hash);
}

async function readToken(node: NodeContext, hash: Buffer): Promise<CachedToken | null> {
  const row = await node.database.db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
  if (!row || row.revoked_at) return null;
  const authority = await findAuthority(node.database.db, row.authority_id);
  if (!authority) return null;
  const actor: Actor = {
    kind: 'token',
    id: row.id,
    name: row.label,
    authorityId: authority.id,
    authorityKind: authority.kind,
    country: authority.country,
    roles: row.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r)),
    ...(row.scopes ? { scopes: row.scopes } : {}),
  };
  return {
    actor,
    expiresAt: row.expires_at ? new Date(row.expires_at).getTime() : null,
    lastUsedAt: row.last_used_at ? new Date(row.last_used_at).getTime() : null,
    readAt: performance.now(),
  };
}

/** The actor behind a bearer token, or null when it is unknown, revoked or expired. */
export async function actorFromToken(node: NodeContext, token: string): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const hash = sha256(token);
  const key = hash.toString('base64');
  const cache = cacheOf(node);
  let t = cache.get(key);
  if (!t || performance.now() - t.readAt >= TOKEN_CHECK_CACHE_MS) {
    cache.delete(key);
    const read = await readToken(node, hash);
    if (!read) return null;
    if (cache.size >= MAX_CACHED_TOKENS) cache.clear();
    cache.set(key, (t = read));
  }
  const now = node.clock.now();
  if (t.expiresAt !== null && t.expiresAt <= now.getTime()) return null;
  if (t.lastUsedAt === null || now.getTime() - t.lastUsedAt > LAST_USED_RESOLUTION_MS) {
    t.lastUsedAt = now.getTime();
    await node.database.db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', t.actor.id).execute();
  }
  return { ...t.actor, roles: [...t.actor.roles], ...(t.actor.scopes ? { scopes: [...t.actor.scopes] } : {}) };
}
