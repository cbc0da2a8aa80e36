// Small SQL pieces the exchange store code shares.
import { sql, type RawBuilder } from 'kysely';

/**
 * A JSON value as a jsonb parameter. The value travels as text and is cast
 * on the server, so both engines store the same document (PGlite would
 * otherwise serialise a string parameter for a jsonb column a second time).
 */
export function jsonb(value: unknown): RawBuilder<string> {
  return sql<string>`cast(${JSON.stringify(value ?? {})}::text as jsonb)`;
}
