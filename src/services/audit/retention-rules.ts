// How long the node keeps what. Defaults below; a node overrides them with a
// JSON file of the same shape named by PONTIS_RETENTION. Days throughout.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AlertCategory } from '../../domain/alert.ts';
import { SourceKind } from '../../domain/authority.ts';
import { ValidationError, issuesFromZod } from '../../domain/errors.ts';

const Days = z.number().int().min(0).max(100 * 366);

export const RetentionRules = z.object({
  alerts: z
    .object({
      /** Alerts expired, deleted or rejected are removed this long after their last change. */
      afterEndDays: Days.default(365),
      /** Per category, overriding afterEndDays (missing children are kept longer, for instance). */
      byCategory: z.partialRecord(AlertCategory, Days).default({}),
    })
    .default({ afterEndDays: 365, byCategory: {} }),
  records: z
    .object({
      /** Person and object records marked deleted are removed for good after this. */
      afterDeletionDays: Days.default(30),
      /** Records of these source kinds are removed this long after they were stored (passenger data, for example). */
      maxAgeBySourceKind: z.partialRecord(SourceKind, Days).default({}),
    })
    .default({ afterDeletionDays: 30, maxAgeBySourceKind: {} }),
  audit: z
    .object({
      /** Audit entries (the query log included) are kept this long. */
      keepDays: Days.default(5 * 365),
    })
    .default({ keepDays: 5 * 365 }),
});
export type RetentionRules = z.infer<typeof RetentionRules>;

export const DEFAULT_RETENTION: RetentionRules = RetentionRules.parse({});

let cached: RetentionRules | undefined;

export function retentionRules(): RetentionRules {
  cached ??= process.env.PONTIS_RETENTION ? loadRetentionFile(process.env.PONTIS_RETENTION) : DEFAULT_RETENTION;
  return cached;
}

export function loadRetentionFile(file: string): RetentionRules {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ValidationError(`The retention rules ${file} cannot be read as JSON: ${(err as Error).message}`);
  }
  const r = RetentionRules.safeParse(raw);
  if (!r.success) throw new ValidationError(`The retention rules ${file} are not valid.`, issuesFromZod(r.error));
  return r.data;
}

/** Days an ended alert of this category is kept (for the alerts area's purge). */
export function alertRetentionDaysFor(category: string, rules: RetentionRules = retentionRules()): number {
  return (rules.alerts.byCategory as Record<string, number | undefined>)[category] ?? rules.alerts.afterEndDays;
}
