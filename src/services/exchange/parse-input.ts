// Validates service input against its schema; failures become one
// ValidationError naming every offending field.
import { ValidationError, issuesFromZod } from '../../domain/errors.ts';

export function parseInput<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, input: unknown, what: string): T {
  const r = schema.safeParse(input);
  if (!r.success) throw new ValidationError(`The ${what} is not valid.`, issuesFromZod(r.error));
  return r.data;
}
