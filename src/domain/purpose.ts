// Why a search or read happens. Every search carries a purpose and a case
// reference; the access policy decides per purpose which sources may be
// searched, and the audit trail reports on both.
import { z } from 'zod';

export const Purpose = z.enum([
  'border_check', // checking a traveller at a border crossing point
  'police_check', // identity or vehicle check in the street
  'criminal_investigation',
  'counter_terrorism',
  'missing_person', // locating a missing or vulnerable person
  'judicial_cooperation', // EIO / mutual legal assistance
  'migration_check',
  'alert_management', // creating and maintaining alerts
  'data_protection_review', // a DPO reviewing processing
]);
export type Purpose = z.infer<typeof Purpose>;

/** A case reference as authorities write them: letters, digits and common separators. */
export const CaseReference = z
  .string()
  .trim()
  .min(3, 'a case reference has at least 3 characters')
  .max(64)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._/:#-]*$/u, 'a case reference uses letters, digits, space and . _ / : # -');

export const SearchContext = z.object({ purpose: Purpose, caseReference: CaseReference });
export type SearchContext = z.infer<typeof SearchContext>;
