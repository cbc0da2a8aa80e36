// Shared building blocks of the domain: codes and small value types that many
// aggregates use. Pure data and validation; no I/O.
import { z } from 'zod';

/** ISO 3166-1 alpha-3 country code as used by ICAO 9303 (e.g. NLD, DEU, UKR). */
export const CountryCode = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 3166-1 alpha-3 country code such as NLD');
export type CountryCode = z.infer<typeof CountryCode>;

/**
 * A birth date as far as it is known: `1985`, `1985-03` or `1985-03-07`.
 * Real registries often hold only a year; a full date is never invented.
 */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');
export type PartialDate = z.infer<typeof PartialDate>;

/** A calendar date, full precision. */
export const IsoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected YYYY-MM-DD');

export const Sex = z.enum(['M', 'F', 'X', 'U']); // X: other/unspecified on document, U: unknown
export type Sex = z.infer<typeof Sex>;

/** The writing system a name was recorded in. */
export const Script = z.enum(['latin', 'cyrillic', 'greek', 'arabic', 'other']);
export type Script = z.infer<typeof Script>;

/** A reference as the owning source knows it; together with the source it makes imports idempotent. */
export const SourceRef = z.string().min(1).max(200);

/**
 * Handling codes: the sender's conditions on what a recipient may do with
 * information (modelled on the Europol/SIENA handling codes).
 */
export const HandlingCode = z.enum([
  'H0', // may be used for any law-enforcement purpose
  'H1', // not to be used as evidence in judicial proceedings without the sender's consent
  'H2', // not to be disseminated further without the sender's permission
  'H3', // other restrictions, stated in the message
]);
export type HandlingCode = z.infer<typeof HandlingCode>;

/** Classification of information exchanged between authorities. */
export const Classification = z.enum(['unclassified', 'restricted', 'confidential', 'secret']);
export type Classification = z.infer<typeof Classification>;
