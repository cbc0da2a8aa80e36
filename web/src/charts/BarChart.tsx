// Horizontal bars for a breakdown (by category, crime priority, country): one
// column per measure, each scaled to its own largest value (a few hits beside
// hundreds of alerts would otherwise vanish), with the number printed at the
// end of every bar so it reads without colour or scale.
import { formatNumber } from '../format.ts';

export interface BarRow {
  key: string;
  label: string;
  values: number[];
  /** Added to the label (e.g. "(not EMPACT)"). */
  note?: string;
}

const ROW = 26;
const HEAD = 22;
const LABEL_W = 270;
const COL_W = 300;
const NUM_W = 48;

export function BarChart({ title, rows, measures }: { title: string; rows: BarRow[]; measures: { label: string; tone: string }[] }) {
  const maxes = measures.map((_, j) => Math.max(1, ...rows.map((r) => r.values[j] ?? 0)));
  const colW = measures.length > 2 ? 220 : COL_W;
  const H = HEAD + rows.length * ROW + 4;
  const W = LABEL_W + measures.length * (colW + 16);
  const id = title.replace(/\W+/g, '-').toLowerCase();
  const barMax = colW - NUM_W;
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t`} class="bar-chart">
        <title id={`${id}-t`}>{title}</title>
        {measures.map((m, j) => (
          <text key={m.label} class="col-head" x={LABEL_W + j * (colW + 16)} y={14}>{m.label}</text>
        ))}
        {rows.map((r, i) => (
          <g key={r.key} transform={`translate(0 ${HEAD + i * ROW})`}>
            <text class="row-label" x={LABEL_W - 10} y={ROW / 2 + 4} text-anchor="end">{r.label}{r.note ? ` ${r.note}` : ''}</text>
            {measures.map((m, j) => {
              const v = r.values[j] ?? 0;
              const x0 = LABEL_W + j * (colW + 16);
              const w = v > 0 ? Math.max(2, (v / maxes[j]!) * barMax) : 0;
              return (
                <g key={m.label}>
                  <rect class={m.tone} x={x0} y={4} height={ROW - 8} width={w}>
                    <title>{`${r.label} — ${m.label}: ${formatNumber(v)}`}</title>
                  </rect>
                  <text class="num-label" x={x0 + w + 6} y={ROW / 2 + 4}>{formatNumber(v)}</text>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
    </figure>
  );
}
