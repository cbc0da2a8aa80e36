// Server problems by field: `errors[].path` such as `legalBasis` or
// `subject/record/number` become a map the forms show next to each control.
import { ApiError } from '../api.ts';

export function fieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const e of error.problem.errors ?? []) {
    const key = e.path.replace(/^(json|body)\//, '');
    out[key] = out[key] ? `${out[key]}; ${e.message}` : e.message;
  }
  return out;
}
