// Objects that alerts are issued on: vehicles, firearms, documents, bank
// accounts, cultural goods and number plates. Each kind has one primary
// identifier, normalised by src/identifiers before it is stored or matched.
import { z } from 'zod';
import { CountryCode, IsoDate, SourceRef } from './common.ts';
import { DocumentType } from './person.ts';

const base = { ref: SourceRef };

export const Vehicle = z.object({
  ...base,
  kind: z.literal('vehicle'),
  vin: z.string().min(1).max(40).optional(),
  plate: z.string().min(1).max(20).optional(),
  plateCountry: CountryCode.optional(),
  make: z.string().max(80).optional(),
  model: z.string().max(80).optional(),
  colour: z.string().max(40).optional(),
}).refine((v) => v.vin || v.plate, 'a vehicle needs a VIN or a plate');

export const Firearm = z.object({
  ...base,
  kind: z.literal('firearm'),
  serial: z.string().min(1).max(60),
  make: z.string().max(80).optional(),
  model: z.string().max(80).optional(),
  calibre: z.string().max(40).optional(),
});

export const TravelDocument = z.object({
  ...base,
  kind: z.literal('document'),
  documentType: DocumentType,
  number: z.string().min(1).max(40),
  issuingCountry: CountryCode,
  /** Why the document is of interest. */
  state: z.enum(['lost', 'stolen', 'invalidated', 'blank']),
  expiry: IsoDate.optional(),
});

export const BankAccount = z.object({
  ...base,
  kind: z.literal('bank_account'),
  iban: z.string().min(5).max(42),
  holder: z.string().max(200).optional(),
  bic: z.string().max(11).optional(),
});

export const CulturalGood = z.object({
  ...base,
  kind: z.literal('cultural_good'),
  description: z.string().min(1).max(2000),
  inventoryNumber: z.string().max(80).optional(),
  /** References (URLs or content ids) of images held elsewhere; never inline bytes. */
  images: z.array(z.string().max(500)).max(20).default([]),
});

export const NumberPlate = z.object({
  ...base,
  kind: z.literal('number_plate'),
  plate: z.string().min(1).max(20),
  plateCountry: CountryCode,
});

export const ObjectRecord = z.discriminatedUnion('kind', [Vehicle, Firearm, TravelDocument, BankAccount, CulturalGood, NumberPlate]);
export type ObjectRecord = z.infer<typeof ObjectRecord>;
export type ObjectKind = ObjectRecord['kind'];
export const OBJECT_KINDS = ['vehicle', 'firearm', 'document', 'bank_account', 'cultural_good', 'number_plate'] as const;
