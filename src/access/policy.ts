// PLACEHOLDER with the final signatures; the access area replaces the bodies
// with the real deny-by-default matrix. Do not rely on this allowing things.
import type { Actor } from './actor.ts';
import type { Purpose } from '../domain/purpose.ts';
import { UnauthenticatedError } from '../domain/errors.ts';

/** Everything the API can do, named `area.verb`. */
export type Action = string;

export interface ResourceAttrs {
  sourceKind?: string;
  sourceId?: string;
  authorityId?: string;
  alertCategory?: string;
  purpose?: Purpose;
}

export interface SourceInfo {
  id: string;
  kind: string;
  authorityId: string;
  hitNoHit: boolean;
}

/** Throws UnauthenticatedError (no actor) or AccessDeniedError (not granted). */
export function authorize(actor: Actor | null, _action: Action, _resource: ResourceAttrs = {}): asserts actor is Actor {
  if (!actor) throw new UnauthenticatedError('Sign in or present an API token.');
}

/** The sources an actor may search for a purpose, and why the others are refused. */
export function searchableSources(
  _actor: Actor,
  _purpose: Purpose,
  sources: SourceInfo[],
): { allowed: SourceInfo[]; refused: { source: SourceInfo; reason: string }[] } {
  return { allowed: sources, refused: [] };
}
