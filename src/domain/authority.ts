// Authorities (who) and sources (which registry of theirs) — every record in
// Pontis belongs to exactly one source, and every source to one authority.
import { z } from 'zod';
import { CountryCode } from './common.ts';

export const AuthorityKind = z.enum(['police', 'border', 'customs', 'judicial', 'migration', 'eu_agency']);
export type AuthorityKind = z.infer<typeof AuthorityKind>;

export const Authority = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, 'lower-case letters, digits, dot, dash, underscore'),
  country: CountryCode,
  name: z.string().min(1).max(200),
  kind: AuthorityKind,
});
export type Authority = z.infer<typeof Authority>;

export const SourceKind = z.enum([
  'persons_index', // national persons index / population-type registry
  'alerts', // alerts issued by the authority (SIS-like)
  'vehicle_register',
  'police_records',
  'passenger_data',
  'dna_profiles',
  'firearms_register',
  'cultural_goods',
  'bank_accounts',
  'documents', // lost/stolen/invalidated documents
]);
export type SourceKind = z.infer<typeof SourceKind>;

export const Source = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,62}$/),
  authorityId: Authority.shape.id,
  name: z.string().min(1).max(200),
  kind: SourceKind,
  /** A hit/no-hit source answers only "there is a match, ask X", never the data itself. */
  hitNoHit: z.boolean().default(false),
});
export type Source = z.infer<typeof Source>;
