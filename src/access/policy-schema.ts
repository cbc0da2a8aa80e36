// The shape of an access policy: a list of grants, each saying which roles of
// which kinds of authority may perform which actions, for which purposes, on
// which source kinds and alert categories. Anything no grant covers is denied.
// The same shape is accepted from a JSON file (PONTIS_ACCESS_POLICY).
import { z } from 'zod';
import { AuthorityKind, SourceKind } from '../domain/authority.ts';
import { AlertCategory } from '../domain/alert.ts';
import { Purpose } from '../domain/purpose.ts';
import { ROLES } from './actor.ts';

/** `area.verb`, `area.*` or `*`. */
export const ActionPattern = z.string().regex(/^(\*|[a-z_]+\.(\*|[a-z_]+))$/, 'an action pattern is area.verb, area.* or *');

const anyOr = <T extends z.ZodType>(item: T) => z.union([z.literal('*'), z.array(item).min(1)]);

export const Grant = z.object({
  /** Why the grant exists, in plain words; shown in denials and in docs. */
  description: z.string().max(300).optional(),
  roles: z.array(z.enum(ROLES)).min(1),
  authorityKinds: anyOr(AuthorityKind),
  actions: z.array(ActionPattern).min(1),
  /** Purposes the actions may be done for; checked when a request states one. */
  purposes: anyOr(Purpose),
  /** Source kinds the actions may touch; checked when a request names one. */
  sources: anyOr(SourceKind),
  alertCategories: anyOr(AlertCategory),
});
export type Grant = z.infer<typeof Grant>;

export const AccessPolicy = z.object({
  grants: z.array(Grant).min(1).max(500),
});
export type AccessPolicy = z.infer<typeof AccessPolicy>;
