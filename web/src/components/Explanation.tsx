// Why a record matched: each field's contribution to the match weight as a
// waterfall of bars (green for agreement, red for disagreement) with the
// matching engine's own words: how well the field agreed and the values
// compared. Unknown shapes fall back to the summary text.
import { t } from '../i18n/index.ts';

export interface ExplanationField {
  field?: string;
  label?: string;
  levelLabel?: string;
  values?: string;
  bits?: number;
}

export interface ExplanationData {
  summary?: string;
  weight?: number;
  fields?: ExplanationField[];
}

export function Explanation({ data }: { data: unknown }) {
  if (!data) return null;
  if (typeof data === 'string') return <p class="why-summary">{data}</p>;
  const e = data as ExplanationData;
  const rows = (e.fields ?? []).map((c) => ({ label: c.label ?? c.field ?? '', level: c.levelLabel ?? '', values: c.values ?? '', w: c.bits }));
  const max = Math.max(1, ...rows.map((r) => Math.abs(r.w ?? 0)));
  return (
    <div class="why">
      {e.summary ? <p class="why-summary">{e.summary}</p> : null}
      {rows.length ? (
        <table class="waterfall">
          <caption class="sr-only">{t('search.why')}</caption>
          <thead class="sr-only">
            <tr><th scope="col">{t('why.field')}</th><th scope="col">{t('why.weight')}</th><th scope="col">{t('why.bits')}</th><th scope="col">{t('why.agreement')}</th></tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i} class={r.w !== undefined && r.w < 0 ? 'disagrees' : 'agrees'}>
                <th scope="row">{r.label}</th>
                <td class="bar-cell">{r.w !== undefined ? <span class={`bar ${r.w >= 0 ? 'pos' : 'neg'}`} style={{ width: `${(Math.abs(r.w) / max) * 100}%` }} /> : null}</td>
                <td class="num">{r.w !== undefined ? (r.w >= 0 ? '+' : '') + r.w.toFixed(1) : ''}</td>
                <td><strong>{r.level}</strong>{r.values ? <span class="muted"> — {r.values}</span> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
