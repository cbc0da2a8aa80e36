// Who is acting: a signed-in user, an API token of a system, or the node
// itself (scheduled jobs). Every service call carries one; the policy and
// the audit trail both read it.
import type { AuthorityKind } from '../domain/authority.ts';

export const ROLES = ['border_guard', 'police_officer', 'analyst', 'spoc', 'dpo', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  kind: 'user' | 'token' | 'system';
  /** user id, token id, or 'system:<job>' */
  id: string;
  /** login name or token label, for people reading the audit trail */
  name: string;
  authorityId: string;
  authorityKind: AuthorityKind;
  country: string;
  roles: Role[];
  /** For tokens: the scopes granted; users have none (their roles decide). */
  scopes?: string[];
}

export function systemActor(job: string, authorityId: string, country: string, authorityKind: AuthorityKind = 'police'): Actor {
  return { kind: 'system', id: `system:${job}`, name: job, authorityId, authorityKind, country, roles: ['admin'] };
}
