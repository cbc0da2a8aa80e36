// What callers send to the exchange area, validated before anything is
// written. The API documents the same schemas.
import { z } from 'zod';
import { Classification, HandlingCode } from '../../domain/common.ts';
import { CaseReference, Purpose } from '../../domain/purpose.ts';

const Id = z.uuid({ message: 'expected a UUID' });
const AuthorityId = z.string().regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, 'expected an authority id such as nl-knp');

export const HitInput = z
  .object({
    alertId: Id,
    searchId: Id.optional(),
    /** The record the officer checked against the alert (a person or object id). */
    recordId: Id,
    action: z.enum(['confirm', 'dismiss']),
    actionTaken: z.string().trim().min(1).max(2000).optional(),
    reason: z.string().trim().min(1).max(2000).optional(),
    purpose: Purpose,
    caseReference: CaseReference,
  })
  .superRefine((h, ctx) => {
    if (h.action === 'confirm' && !h.actionTaken)
      ctx.addIssue({ code: 'custom', path: ['actionTaken'], message: 'a confirmed hit says which action was taken' });
    if (h.action === 'dismiss' && !h.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a dismissed hit says why it is not the person or object' });
  });
export type HitInput = z.infer<typeof HitInput>;

export const InlineAttachment = z.object({
  filename: z.string().trim().min(1).max(200),
  contentType: z.string().trim().min(1).max(100),
  dataBase64: z.string().min(1).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64 data'),
});
export type InlineAttachment = z.infer<typeof InlineAttachment>;

export const ThreadMessageInput = z.object({
  body: z.string().trim().min(1, 'a message needs a body').max(20_000),
  handlingCode: HandlingCode,
  classification: Classification,
  attachments: z.array(InlineAttachment).max(10).optional(),
  /** Ids returned by POST /api/v1/attachments, for files too large to inline. */
  attachmentIds: z.array(Id).max(10).optional(),
});
export type ThreadMessageInput = z.infer<typeof ThreadMessageInput>;

export const RapidAlertInput = z.object({
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(20_000),
  severity: z.enum(['low', 'medium', 'high', 'critical']),
  recipients: z.union([z.literal('all'), z.array(AuthorityId).min(1).max(500)]),
  handlingCode: HandlingCode,
  classification: Classification.default('restricted'),
  requiresAcknowledgement: z.literal(true, { message: 'rapid alerts always require acknowledgement' }).default(true),
});
export type RapidAlertInput = z.infer<typeof RapidAlertInput>;

export const AcknowledgeInput = z.object({ note: z.string().trim().max(2000).optional() });

export const CloseCaseInput = z.object({ reason: z.string().trim().max(2000).optional() });

export const InboxQuery = z.object({
  kind: z.enum(['hit_notification', 'message', 'rapid_alert', 'watch_match']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
