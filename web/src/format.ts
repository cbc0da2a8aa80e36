// Small display helpers shared by the screens: dates in the chosen language,
// labels for domain codes (with a readable fallback for codes the catalogue
// does not know yet), and lists that may arrive as arrays or as {items}.
import { language, t, type MessageKey } from './i18n/index.ts';
import { en } from './i18n/en.ts';

const locale = () => (language.value === 'nl' ? 'nl-NL' : 'en-GB');

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  if (/^\d{4}(-\d{2})?$/.test(iso)) return iso;
  const d = new Date(iso.length === 10 ? iso + 'T00:00:00Z' : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(locale(), { dateStyle: 'medium', timeZone: 'UTC' });
}

export function formatNumber(n: number): string {
  return n.toLocaleString(locale());
}

/** The label of a domain code, e.g. label('category', 'arrest'). */
export function label(prefix: string, code: string | null | undefined): string {
  if (!code) return '—';
  const key = `${prefix}.${code}`;
  return key in en ? t(key as MessageKey) : code.replace(/_/g, ' ');
}

export function itemsOf<T>(data: unknown): T[] {
  if (Array.isArray(data)) return data as T[];
  const d = data as { items?: T[] } | null;
  return d?.items ?? [];
}

/** Query string from the set values only. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
