// Why a record matched: each field's contribution to the match weight as a
// waterfall of bars (green for agreement, red for disagreement) with the
// matching engine's own words. Works with any explanation that lists
// contributions; unknown shapes fall back to the summary text.
import { t } from '../i18n/index.ts';

export interface Contribution {
  field?: string;
  label?: string;
  description?: string;
  text?: string;
  weight?: number;
  bits?: number;
}

export interface ExplanationData {
  summary?: string;
  text?: string;
  prior?: number;
  contributions?: Contribution[];
  steps?: Contribution[];
}

export function Explanation({ data }: { data: unknown }) {
  if (!data) return null;
  if (typeof data === 'string') return <p class="why-summary">{data}</p>;
  const e = data as ExplanationData;
  const rows = (e.contributions ?? e.steps ?? []).map((c) => ({ label: c.label ?? c.field ?? '', text: c.description ?? c.text ?? '', w: Number(c.weight ?? c.bits ?? 0) }));
  const max = Math.max(1, ...rows.map((r) => Math.abs(r.w)));
  return (
    <div class="why">
      {e.summary || e.text ? <p class="why-summary">{e.summary ?? e.text}</p> : null}
      {rows.length ? (
        <table class="waterfall">
          <caption class="sr-only">{t('search.why')}</caption>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                <th scope="row">{r.label}</th>
                <td class="bar-cell">
                  <span class={`bar ${r.w >= 0 ? 'pos' : 'neg'}`} style={{ width: `${(Math.abs(r.w) / max) * 100}%` }} />
                </td>
                <td class="num">{(r.w >= 0 ? '+' : '') + r.w.toFixed(1)}</td>
                <td>{r.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
