// Person records as a registry holds them: several names in any script,
// partial birth dates, documents. Matching works on these, never on one
// "canonical" name, because registries disagree and that is the point.
import { z } from 'zod';
import { CountryCode, IsoDate, PartialDate, Script, Sex, SourceRef } from './common.ts';

export const PersonName = z.object({
  /** Given names as written, in any script. */
  given: z.string().max(200).optional(),
  /** Family name(s) as written, in any script. */
  family: z.string().max(200).optional(),
  script: Script.optional(),
  /** `primary` as on the main record, `alias` for other known names, `transliteration` for a Latin rendering of another entry. */
  kind: z.enum(['primary', 'alias', 'birth', 'transliteration']).default('primary'),
}).refine((n) => (n.given ?? '').trim() !== '' || (n.family ?? '').trim() !== '', 'a name needs a given or a family part');
export type PersonName = z.infer<typeof PersonName>;

export const DocumentType = z.enum(['passport', 'id_card', 'residence_permit', 'visa', 'driving_licence', 'other']);
export type DocumentType = z.infer<typeof DocumentType>;

export const IdentityDocument = z.object({
  type: DocumentType,
  number: z.string().min(1).max(40),
  issuingCountry: CountryCode,
  expiry: IsoDate.optional(),
});
export type IdentityDocument = z.infer<typeof IdentityDocument>;

export const Address = z.object({
  line: z.string().max(300),
  city: z.string().max(120).optional(),
  postcode: z.string().max(20).optional(),
  country: CountryCode.optional(),
});
export type Address = z.infer<typeof Address>;

export const PersonRecord = z.object({
  /** The source's own identifier for the record. */
  ref: SourceRef,
  names: z.array(PersonName).min(1).max(20),
  birthDate: PartialDate.optional(),
  sex: Sex.optional(),
  nationalities: z.array(CountryCode).max(5).default([]),
  placeOfBirth: z.string().max(200).optional(),
  addresses: z.array(Address).max(10).default([]),
  documents: z.array(IdentityDocument).max(20).default([]),
});
export type PersonRecord = z.infer<typeof PersonRecord>;
