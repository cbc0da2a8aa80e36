// Counts over time as lines on one SVG, drawn by hand (no chart library: the
// CSP allows only our own code, and this is all we need). The same numbers
// are in a table beside it for screen readers and for reading exact values.
import { formatDate, formatNumber } from '../format.ts';

export interface Series {
  key: string;
  label: string;
  /** CSS class giving the colour (see styles.css: .s1 … .s4). */
  tone: string;
  values: number[];
}

const W = 760;
const H = 260;
const PAD = { left: 48, right: 16, top: 16, bottom: 36 };

/** A "nice" upper bound and step for the axis: 1, 2 or 5 times a power of ten. */
export function niceScale(max: number, ticks = 5): { top: number; step: number } {
  if (max <= 0) return { top: ticks, step: 1 };
  const raw = max / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
  const stepInt = Math.max(1, Math.round(step));
  return { top: Math.ceil(max / stepInt) * stepInt, step: stepInt };
}

export function TimeChart({ title, periods, series }: { title: string; periods: string[]; series: Series[] }) {
  const max = Math.max(0, ...series.flatMap((s) => s.values));
  const { top, step } = niceScale(max);
  const iw = W - PAD.left - PAD.right;
  const ih = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (periods.length <= 1 ? iw / 2 : (i / (periods.length - 1)) * iw);
  const y = (v: number) => PAD.top + ih - (v / top) * ih;
  const labelEvery = Math.max(1, Math.ceil(periods.length / 8));
  const id = title.replace(/\W+/g, '-').toLowerCase();
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t`} class="time-chart">
        <title id={`${id}-t`}>{title}</title>
        {Array.from({ length: top / step + 1 }, (_, i) => i * step).map((v) => (
          <g key={v} class="grid">
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
            <text x={PAD.left - 6} y={y(v) + 4} text-anchor="end">{formatNumber(v)}</text>
          </g>
        ))}
        {periods.map((p, i) => (i % labelEvery === 0 ? <text key={p} class="axis" x={x(i)} y={H - 12} text-anchor="middle">{formatDate(p)}</text> : null))}
        {series.map((s) => (
          <g key={s.key} class={`series ${s.tone}`}>
            <polyline fill="none" points={s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ')} />
            {s.values.map((v, i) => (
              <circle key={i} cx={x(i)} cy={y(v)} r={periods.length > 60 ? 1.5 : 3}>
                <title>{`${s.label}, ${formatDate(periods[i])}: ${formatNumber(v)}`}</title>
              </circle>
            ))}
          </g>
        ))}
      </svg>
      <figcaption class="legend">
        {series.map((s) => <span key={s.key} class={`key ${s.tone}`}><span class="swatch" aria-hidden="true" />{s.label}</span>)}
      </figcaption>
    </figure>
  );
}
