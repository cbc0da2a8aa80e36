// Page through a long server-side list: the list shows one page of rows, so a
// queue of thousands stays as quick as a queue of ten.
import { t } from '../i18n/index.ts';
import { formatNumber } from '../format.ts';

export function Pager({ offset, limit, total, onChange, label }: { offset: number; limit: number; total: number; onChange(offset: number): void; label: string }) {
  if (total <= limit && offset === 0) return null;
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(total, offset + limit);
  return (
    <nav class="pager" aria-label={label}>
      <button type="button" class="secondary" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>{t('pager.previous')}</button>
      <span aria-live="polite">{t('pager.range', { from: formatNumber(from), to: formatNumber(to), total: formatNumber(total) })}</span>
      <button type="button" class="secondary" disabled={to >= total} onClick={() => onChange(offset + limit)}>{t('pager.next')}</button>
    </nav>
  );
}
