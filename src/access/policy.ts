// The one place where access is decided. Every route calls authorize() before
// it touches data; searches ask searchableSources() which sources a purpose
// opens. Deny unless a grant of the policy (src/access/matrix.ts, or the JSON
// file in PONTIS_ACCESS_POLICY) allows it. API tokens are further limited to
// their scopes.
import { readFileSync } from 'node:fs';
import type { Actor } from './actor.ts';
import { Purpose } from '../domain/purpose.ts';
import { AccessDeniedError, UnauthenticatedError, ValidationError, issuesFromZod } from '../domain/errors.ts';
import { AccessPolicy, type Grant } from './policy-schema.ts';
import { DEFAULT_POLICY } from './matrix.ts';

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

export type Decision = { allowed: true; grant: Grant } | { allowed: false; reason: string };

let active: AccessPolicy | undefined;

/** The policy in force: the JSON file named by PONTIS_ACCESS_POLICY, else the built-in matrix. */
export function currentPolicy(): AccessPolicy {
  active ??= process.env.PONTIS_ACCESS_POLICY ? loadPolicyFile(process.env.PONTIS_ACCESS_POLICY) : DEFAULT_POLICY;
  return active;
}

/** Replaces the policy in force (tests, and a node reloading its file). */
export function usePolicy(policy: AccessPolicy | undefined): void {
  active = policy;
}

export function loadPolicyFile(file: string): AccessPolicy {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ValidationError(`The access policy ${file} cannot be read as JSON: ${(err as Error).message}`);
  }
  const parsed = AccessPolicy.safeParse(raw);
  if (!parsed.success) throw new ValidationError(`The access policy ${file} is not valid.`, issuesFromZod(parsed.error));
  return parsed.data;
}

export function actionMatches(pattern: string, action: string): boolean {
  if (pattern === '*' || pattern === action) return true;
  return pattern.endsWith('.*') && action.startsWith(pattern.slice(0, -1));
}

const within = (allowed: '*' | readonly string[], value: string | undefined) => value === undefined || allowed === '*' || allowed.includes(value);

/** The decision without throwing; `reason` says which condition no grant met. */
export function decide(actor: Actor, action: Action, resource: ResourceAttrs = {}, policy: AccessPolicy = currentPolicy()): Decision {
  if (actor.scopes && !actor.scopes.some((s) => actionMatches(s, action))) {
    return { allowed: false, reason: `this API token is limited to ${actor.scopes.join(', ')}` };
  }
  const byRole = policy.grants.filter((g) => g.roles.some((r) => actor.roles.includes(r)) && within(g.authorityKinds, actor.authorityKind));
  const byAction = byRole.filter((g) => g.actions.some((p) => actionMatches(p, action)));
  if (byAction.length === 0) return { allowed: false, reason: `${describe(actor)} may not ${action}` };
  const byPurpose = byAction.filter((g) => within(g.purposes, resource.purpose));
  if (byPurpose.length === 0) return { allowed: false, reason: `${describe(actor)} may not ${action} for the purpose ${resource.purpose}` };
  const bySource = byPurpose.filter((g) => within(g.sources, resource.sourceKind));
  if (bySource.length === 0) {
    return { allowed: false, reason: `${describe(actor)} may not ${action} on ${resource.sourceKind} sources${resource.purpose ? ` for ${resource.purpose}` : ''}` };
  }
  const byCategory = bySource.filter((g) => within(g.alertCategories, resource.alertCategory));
  if (byCategory.length === 0) return { allowed: false, reason: `${describe(actor)} may not ${action} on ${resource.alertCategory} alerts` };
  return { allowed: true, grant: byCategory[0]! };
}

function describe(actor: Actor): string {
  const roles = actor.roles.length ? actor.roles.join('/') : 'an account without roles';
  return `${roles} of a ${actor.authorityKind} authority`;
}

/** Throws UnauthenticatedError (no actor) or AccessDeniedError (not granted). */
export function authorize(actor: Actor | null, action: Action, resource: ResourceAttrs = {}): asserts actor is Actor {
  if (!actor) throw new UnauthenticatedError('Sign in or present an API token.');
  const d = decide(actor, action, resource);
  if (!d.allowed) throw new AccessDeniedError(`Access denied: ${d.reason}.`);
}

/** Whether the actor may do the action (for menus and buttons; the server still calls authorize). */
export function isAllowed(actor: Actor | null, action: Action, resource: ResourceAttrs = {}): boolean {
  return actor !== null && decide(actor, action, resource).allowed;
}

/** The sources an actor may search for a purpose, and why the others are refused. */
export function searchableSources(
  actor: Actor,
  purpose: Purpose,
  sources: SourceInfo[],
): { allowed: SourceInfo[]; refused: { source: SourceInfo; reason: string }[] } {
  const allowed: SourceInfo[] = [];
  const refused: { source: SourceInfo; reason: string }[] = [];
  for (const source of sources) {
    const d = decide(actor, 'search.run', { purpose, sourceKind: source.kind, sourceId: source.id, authorityId: source.authorityId });
    if (d.allowed) allowed.push(source);
    else refused.push({ source, reason: d.reason });
  }
  return { allowed, refused };
}

/** The purposes for which the actor may do an action (for the purpose picker). */
export function allowedPurposes(actor: Actor, action: Action = 'search.run', policy: AccessPolicy = currentPolicy()): Purpose[] {
  const out = new Set<Purpose>();
  for (const g of policy.grants) {
    if (!g.roles.some((r) => actor.roles.includes(r)) || !within(g.authorityKinds, actor.authorityKind)) continue;
    if (!g.actions.some((p) => actionMatches(p, action))) continue;
    if (actor.scopes && !actor.scopes.some((s) => actionMatches(s, action))) continue;
    if (g.purposes === '*') return [...Purpose.options];
    for (const p of g.purposes) out.add(p);
  }
  return [...out];
}
