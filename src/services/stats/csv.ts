// The threat picture as one CSV table an analyst can open in a spreadsheet:
// one row per point of every section, empty cells where a measure does not
// apply to the section.
import type { ThreatPicture } from './threat-picture.ts';

const HEADER = ['section', 'key', 'searches', 'searches_with_hit', 'confirmed_hits', 'dismissed_hits', 'active_alerts'];

function cell(v: string | number | undefined): string {
  if (v === undefined) return '';
  const s = String(v);
  // Quote when needed, and defuse spreadsheet formulas in text cells.
  const safe = /^[=+\-@\t\r]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function threatPictureCsv(p: ThreatPicture): string {
  const rows: (string | number | undefined)[][] = [HEADER];
  rows.push(['totals', `${p.query.from}..${p.query.to}`, p.totals.searches, p.totals.searchesWithHit, p.totals.confirmedHits, p.totals.dismissedHits, p.totals.activeAlerts]);
  for (const s of p.series) rows.push([`over_time_${p.query.bucket}`, s.period, s.searches, s.searchesWithHit, s.confirmedHits, s.dismissedHits, undefined]);
  for (const c of p.byCategory) rows.push(['by_alert_category', c.key, undefined, undefined, c.confirmedHits, undefined, c.activeAlerts]);
  for (const a of p.byCrimeArea) rows.push([a.empact ? 'by_empact_priority' : 'by_other_crime_area', a.key, undefined, undefined, a.confirmedHits, undefined, a.activeAlerts]);
  for (const c of p.byCountry) rows.push(['by_country', c.key, c.searches, undefined, c.confirmedHits, undefined, c.activeAlerts]);
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
