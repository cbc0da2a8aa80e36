// The register of hot statements. Code marks a statement text with
// prepared(); each engine's driver then runs that text as a named statement,
// parsed and planned once per session instead of on every call (a search's
// lookup spends more CPU in the planner than in execution). Bounded, since
// each name lives in every session for its lifetime.
import { createHash } from 'node:crypto';

const PREPARED_LIMIT = 256;
const names = new Map<string, string>();

/** Marks a statement text as hot and returns it unchanged. */
export function prepared(text: string): string {
  if (!names.has(text) && names.size < PREPARED_LIMIT) names.set(text, `pontis_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`);
  return text;
}

/** The statement name of a text marked with prepared(), if any. */
export function preparedName(text: string): string | undefined {
  return names.get(text);
}
