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

/** The actor behind a bearer token, or null when it is unknown, revoked or expired. */
export async function actorFromToken(node: NodeContext, token: string): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const row = await node.database.db.selectFrom('api_tokens').selectAll().where('token_hash', '=', sha256(token)).executeTakeFirst();
  const now = node.clock.now();
  if (!row || row.revoked_at || (row.expires_at && new Date(row.expires_at) <= now)) return null;
  const authority = await findAuthority(node.database.db, row.authority_id);
  if (!authority) return null;
  if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > LAST_USED_RESOLUTION_MS) {
    await node.database.db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return {
    kind: 'token',
    id: row.id,
    name: row.label,
    authorityId: authority.id,
    authorityKind: authority.kind,
    country: authority.country,
    roles: row.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r)),
    ...(row.scopes ? { scopes: row.scopes } : {}),
  };
}
