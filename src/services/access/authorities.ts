// What the policy needs to know about an actor's authority: its kind and
// country. Looked up per request; authorities change rarely and the table is small.
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../../store/schema.ts';
import { AuthorityKind } from '../../domain/authority.ts';
import { NotFoundError } from '../../domain/errors.ts';

export interface AuthorityInfo {
  id: string;
  name: string;
  country: string;
  kind: AuthorityKind;
}

export async function findAuthority(db: Kysely<Schema> | Transaction<Schema>, id: string): Promise<AuthorityInfo | undefined> {
  const row = await db.selectFrom('authorities').select(['id', 'name', 'country', 'kind']).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const kind = AuthorityKind.safeParse(row.kind);
  return { id: row.id, name: row.name, country: row.country, kind: kind.success ? kind.data : 'police' };
}

export async function requireAuthority(db: Kysely<Schema> | Transaction<Schema>, id: string): Promise<AuthorityInfo> {
  const a = await findAuthority(db, id);
  if (!a) throw new NotFoundError(`Authority "${id}" does not exist on this node; create it first.`);
  return a;
}
