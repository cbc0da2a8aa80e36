// The subject report as a printable HTML document. No scripts and no inline
// styles (the Content Security Policy forbids both); tables print as they are.
import type { SubjectReport } from './subject-report.ts';

const esc = (s: unknown) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function table(headers: string[], rows: unknown[][]): string {
  if (!rows.length) return '<p>None.</p>';
  return `<table border="1" cellpadding="4" cellspacing="0"><thead><tr>${headers.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

export function subjectReportHtml(r: SubjectReport): string {
  const persons = table(
    ['Record', 'Source', 'Reference', 'Name', 'Birth date', 'Nationalities', 'Documents', 'Held since', 'Deleted'],
    r.persons.map((p) => [
      p.id, `${p.source.name} (${p.source.kind}, ${p.source.authorityId})`, p.ref, p.displayName, p.birthDate ?? '', p.nationalities.join(', '),
      p.documents.map((d) => `${d.type} ${d.number} (${d.issuingCountry}${d.expiry ? `, expires ${d.expiry}` : ''})`).join('; '),
      p.createdAt.slice(0, 10), p.deletedAt?.slice(0, 10) ?? '',
    ]),
  );
  const alerts = table(
    ['Alert', 'On record', 'Category', 'Status', 'Action to take', 'Issued by', 'Expires', 'Created'],
    r.alerts.map((a) => [a.id, a.personId, a.category, a.status, a.action, a.issuingAuthorityId, a.expiresAt, a.createdAt.slice(0, 10)]),
  );
  const accesses = table(
    ['When (UTC)', 'Who', 'Authority', 'Roles', 'What', 'Purpose', 'Case', 'Outcome', 'Entry'],
    r.accesses.map((e) => [e.at.replace('T', ' ').slice(0, 19), `${e.actor.name} (${e.actor.kind})`, e.actor.authorityId, e.actor.roles.join(', '), e.action, e.purpose ?? '', e.caseReference ?? '', e.outcome, e.seq]),
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Data-subject access report ${esc(r.personId)}</title></head>
<body>
<h1>Data-subject access report</h1>
<p>Node: ${esc(r.node.name)} (${esc(r.node.authorityId)}). Generated ${esc(r.generatedAt.replace('T', ' ').slice(0, 19))} UTC for person record ${esc(r.personId)}
and the ${r.persons.length} record(s) confirmed to be the same person.</p>
<h2>Records held</h2>${persons}
<h2>Alerts</h2>${alerts}
<h2>Who accessed or changed these records</h2>${accesses}
${r.accessesTruncated ? '<p>More entries exist than this report lists; export the audit log for the full list.</p>' : ''}
<p>Every entry is part of the node's hash-chained audit log; its number identifies it for verification.</p>
</body></html>`;
}
