// Turns a validated AlertInput into its stored row: the id of the person or
// object it is on follows from (subject source, subject ref), so the alert
// can be written without looking the subject up first; the writer then
// checks that the subject exists.
import type { AlertInput } from '../../domain/alert.ts';
import type { FieldIssue } from '../../domain/errors.ts';
import { recordId } from '../../store/ids.ts';
import type { Prepared, PreparedAlert } from './prepared.ts';
import { checkDate, checkStorableText } from './checks.ts';

export function prepareAlert(sourceId: string, rec: AlertInput): Prepared<PreparedAlert> {
  const issues: FieldIssue[] = [];
  checkDate(issues, 'validFrom', rec.validFrom);
  checkDate(issues, 'expiresAt', rec.expiresAt);
  checkDate(issues, 'reviewAt', rec.reviewAt);
  if (rec.validFrom && rec.validFrom > rec.expiresAt) issues.push({ path: 'validFrom', message: `validFrom ${rec.validFrom} is after expiresAt ${rec.expiresAt}` });
  if (rec.reviewAt && rec.reviewAt > rec.expiresAt) issues.push({ path: 'reviewAt', message: `reviewAt ${rec.reviewAt} is after expiresAt ${rec.expiresAt}` });
  const recordJson = JSON.stringify(rec);
  checkStorableText(issues, recordJson, rec);
  if (issues.length) return { ok: false, issues };
  const subjectSourceId = rec.subject.source ?? sourceId;
  return {
    ok: true,
    value: {
      id: recordId('alert', sourceId, rec.ref),
      sourceId,
      ref: rec.ref,
      subjectType: rec.subject.type,
      subjectSourceId,
      subjectId: recordId(rec.subject.type, subjectSourceId, rec.subject.ref),
      record: rec,
      recordJson,
    },
  };
}
