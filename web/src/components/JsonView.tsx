// Shows any JSON value as nested lists: for reports whose exact shape belongs
// to another area (audit entries, data-subject reports), readable without
// knowing the shape in advance.
import { formatDateTime } from '../format.ts';

const ISO_TS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const words = (k: string) => k.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ');

export function JsonView({ value, depth = 0 }: { value: unknown; depth?: number }) {
  if (value === null || value === undefined || value === '') return <span class="muted">—</span>;
  if (typeof value === 'string') return <span>{ISO_TS.test(value) ? formatDateTime(value) : value}</span>;
  if (typeof value !== 'object') return <span>{String(value)}</span>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span class="muted">—</span>;
    if (value.every((v) => typeof v !== 'object' || v === null)) return <span>{value.map(String).join(', ')}</span>;
    return (
      <ol class={`json-list depth-${depth}`}>
        {value.slice(0, 500).map((v, i) => <li key={i}><JsonView value={v} depth={depth + 1} /></li>)}
      </ol>
    );
  }
  const entries = Object.entries(value as Record<string, unknown>);
  return (
    <dl class={`json-dl depth-${depth}`}>
      {entries.map(([k, v]) => (
        <div key={k} class="json-row">
          <dt>{words(k)}</dt>
          <dd><JsonView value={v} depth={depth + 1} /></dd>
        </div>
      ))}
    </dl>
  );
}
