// The single search request: why (purpose, case) and what (person details,
// a raw MRZ, an object identifier or the free text of the one search box).
import { z } from 'zod';
import { PartialDate, Sex } from '../../domain/common.ts';
import { CaseReference, Purpose } from '../../domain/purpose.ts';

const NameQuery = z
  .object({ given: z.string().max(200).optional(), family: z.string().max(200).optional() })
  .refine((n) => (n.given ?? '').trim() !== '' || (n.family ?? '').trim() !== '', 'a name needs a given or a family part');

export const PersonQuery = z
  .object({
    names: z.union([z.array(NameQuery).min(1).max(5), NameQuery]).optional(),
    birthDate: PartialDate.optional(),
    /** ISO alpha-3 as on documents (NLD, UKR, D for Germany is accepted as DEU). */
    nationality: z.string().min(1).max(60).optional(),
    documentNumber: z.string().min(1).max(40).optional(),
    sex: Sex.optional(),
  })
  .refine((p) => p.names !== undefined || p.documentNumber !== undefined, 'a person search needs at least a name or a document number');
export type PersonQuery = z.infer<typeof PersonQuery>;

export const ObjectQueryKind = z.enum(['vehicle', 'plate', 'firearm', 'iban', 'document']);
export type ObjectQueryKind = z.infer<typeof ObjectQueryKind>;

export const ObjectQuery = z.object({
  kind: ObjectQueryKind,
  /** VIN or plate (vehicle), plate, serial number, IBAN, document number. */
  value: z.string().min(1).max(60),
  /** Plate or document country (alpha-3 or alpha-2). */
  country: z.string().min(1).max(60).optional(),
});
export type ObjectQuery = z.infer<typeof ObjectQuery>;

export const SearchRequest = z
  .object({
    purpose: z.enum(Purpose.options, {
      error: (iss) => (iss.input === undefined ? `required: every search states its purpose (${Purpose.options.join(', ')})` : `unknown purpose; one of ${Purpose.options.join(', ')}`),
    }),
    caseReference: z
      .string({ error: (iss) => (iss.input === undefined ? 'required: every search names the case it is made for' : 'expected text') })
      .pipe(CaseReference)
      .meta({ description: 'The case the search is made for (3–64 letters, digits, space and . _ / : # -)' }),
    person: PersonQuery.optional(),
    /** Two or three MRZ lines (TD1, TD2, TD3, visas), as scanned or pasted. */
    mrz: z.string().min(1).max(400).optional(),
    object: ObjectQuery.optional(),
    /** Free text of the single search box, interpreted as MRZ, IBAN, VIN, plate, document number, serial or name. */
    text: z.string().trim().min(1).max(1000).optional(),
    limit: z.number().int().min(1).max(100).default(20),
  })
  .superRefine((r, ctx) => {
    if (!r.person && !r.mrz && !r.object && !r.text) ctx.addIssue({ code: 'custom', path: ['(root)'], message: 'say what to search for: person, mrz, object or text' });
  })
  .meta({ id: 'SearchRequest' });
export type SearchRequest = z.infer<typeof SearchRequest>;
export type SearchRequestInput = z.input<typeof SearchRequest>;

