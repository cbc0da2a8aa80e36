// Shows an API problem: its detail and each offending field, announced to screen readers.
import { ApiError } from '../api.ts';
import { t } from '../i18n/index.ts';

export function ProblemMessage({ error }: { error: unknown }) {
  if (!error) return null;
  const p = error instanceof ApiError ? error.problem : null;
  const text = p?.status === 0 ? t('error.network') : t('error.generic', { detail: p?.detail ?? p?.title ?? String((error as Error).message ?? error) });
  return (
    <div class="problem" role="alert">
      <p>{text}</p>
      {p?.errors?.length ? (
        <ul>
          {p.errors.map((e) => (
            <li key={e.path}>{t('error.field', { field: e.path, message: e.message })}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
