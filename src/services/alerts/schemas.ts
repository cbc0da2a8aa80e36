// Request shapes of the alerts API, built on the domain's AlertInput. The
// alert's own `reason` (why the alert exists) lives in the alert; the
// top-level `reason` of a change request says why the change is made.
import { z } from 'zod';
import { AlertCategory, AlertInput, AlertStatus, CrimeArea } from '../../domain/alert.ts';
import { HandlingCode, IsoDate, SourceRef } from '../../domain/common.ts';

export const SubjectReference = z
  .object({
    type: z.enum(['person', 'object']),
    /** An existing record by its Pontis id. */
    id: z.uuid().optional(),
    /** An existing record by source and the source's reference (source defaults to the alert's). */
    source: z.string().min(1).max(63).optional(),
    ref: SourceRef.optional(),
    /** A new record, created with the alert (a PersonRecord or an ObjectRecord). */
    record: z.record(z.string(), z.unknown()).optional(),
  })
  .superRefine((s, ctx) => {
    const ways = [s.id !== undefined, s.ref !== undefined, s.record !== undefined].filter(Boolean).length;
    if (ways !== 1) ctx.addIssue({ code: 'custom', message: 'give exactly one of id, ref (with optional source) or record' });
  })
  .meta({ id: 'AlertSubjectReference' });
export type SubjectReference = z.infer<typeof SubjectReference>;

export const CreateAlertRequest = AlertInput.omit({ subject: true })
  .extend({
    /** The source (alerts register) the alert belongs to; it decides the issuing authority. */
    source: z.string().min(1).max(63),
    subject: SubjectReference,
  })
  .meta({ id: 'CreateAlertRequest' });
export type CreateAlertRequest = z.infer<typeof CreateAlertRequest>;

const Why = z.string().trim().min(3, 'say why, in at least 3 characters').max(1000);

export const AlertChanges = z
  .object({
    category: AlertCategory,
    reason: z.string().max(2000),
    crimeArea: CrimeArea,
    action: z.string().min(1).max(1000),
    legalBasis: z.string().max(500),
    protectiveMeasures: z.string().max(1000),
    handlingCode: HandlingCode,
    validFrom: IsoDate,
    reviewAt: IsoDate,
  })
  .partial()
  .strict();
export type AlertChanges = z.infer<typeof AlertChanges>;

export const UpdateAlertRequest = z
  .object({ changes: AlertChanges, reason: Why })
  .refine((r) => Object.keys(r.changes).length > 0, { message: 'changes is empty', path: ['changes'] })
  .meta({ id: 'UpdateAlertRequest' });
export type UpdateAlertRequest = z.infer<typeof UpdateAlertRequest>;

export const ExtendAlertRequest = z.object({ expiresAt: IsoDate, reviewAt: IsoDate.optional(), reason: Why }).meta({ id: 'ExtendAlertRequest' });
export type ExtendAlertRequest = z.infer<typeof ExtendAlertRequest>;

export const ReasonRequest = z.object({ reason: Why }).meta({ id: 'ReasonRequest' });

export const ApproveAlertRequest = z.object({ reason: Why, changes: AlertChanges.optional() }).meta({ id: 'ApproveAlertRequest' });
export type ApproveAlertRequest = z.infer<typeof ApproveAlertRequest>;

export const FlagAlertRequest = z.object({ reason: Why }).meta({ id: 'FlagAlertRequest' });

export const LinkAlertRequest = z.object({ alertId: z.uuid(), reason: Why.optional() }).meta({ id: 'LinkAlertRequest' });

export const ListAlertsQuery = z.object({
  status: AlertStatus.optional(),
  category: AlertCategory.optional(),
  source: z.string().max(63).optional(),
  subjectType: z.enum(['person', 'object']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ListAlertsQuery = z.infer<typeof ListAlertsQuery>;
