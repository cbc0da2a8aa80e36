// Two person records side by side, row by row, with the rows that differ
// marked — by colour and in words, so the difference does not rest on colour.
import { t } from '../i18n/index.ts';

export interface PersonRecordView {
  ref?: string;
  names?: { given?: string; family?: string; kind?: string; script?: string }[];
  birthDate?: string;
  sex?: string;
  nationalities?: string[];
  placeOfBirth?: string;
  addresses?: { line: string; city?: string; postcode?: string; country?: string }[];
  documents?: { type: string; number: string; issuingCountry: string; expiry?: string }[];
}

export interface ComparedPerson {
  id: string;
  source: string;
  ref: string;
  display: string;
  /** Null when the viewer may not read that source's records (hit/no-hit, or not granted). */
  record: PersonRecordView | null;
}

const names = (r: PersonRecordView) => (r.names ?? []).map((n) => [n.family?.toUpperCase(), n.given].filter(Boolean).join(', ') + (n.kind && n.kind !== 'primary' ? ` (${n.kind})` : '')).join('; ');

export function personRows(r: PersonRecordView | null): [string, string][] {
  if (!r) r = {};
  return [
    [t('person.names'), names(r)],
    [t('person.birthDate'), r.birthDate ?? ''],
    [t('person.sex'), r.sex ?? ''],
    [t('person.nationality'), (r.nationalities ?? []).join(', ')],
    [t('person.placeOfBirth'), r.placeOfBirth ?? ''],
    [t('person.documents'), (r.documents ?? []).map((d) => `${d.type} ${d.number} (${d.issuingCountry})`).join('; ')],
    [t('person.addresses'), (r.addresses ?? []).map((a) => [a.line, a.postcode, a.city, a.country].filter(Boolean).join(', ')).join('; ')],
  ];
}

const norm = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();

export function PersonCompare({ a, b }: { a: ComparedPerson; b: ComparedPerson }) {
  const ra = personRows(a.record);
  const rb = personRows(b.record);
  return (
    <table class="compare" data-testid="compare">
      <caption class="sr-only">{t('identity.compareCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('identity.field')}</th>
          <th scope="col">{a.display}<br /><small class="muted">{a.source} / {a.ref}</small></th>
          <th scope="col">{b.display}<br /><small class="muted">{b.source} / {b.ref}</small></th>
        </tr>
      </thead>
      <tbody>
        {ra.map(([field, va], i) => {
          const vb = rb[i]![1];
          const both = va !== '' || vb !== '';
          // A record the viewer may not read is not compared: its blanks are unknown, not different.
          const differs = both && !!a.record && !!b.record && norm(va) !== norm(vb);
          return (
            <tr key={field} class={differs ? 'differs' : both ? 'same' : 'empty'}>
              <th scope="row">
                {field}
                {differs ? <span class="diff-mark"> · {t('identity.differs')}</span> : null}
              </th>
              <td>{a.record ? va || '—' : i === 0 ? t('identity.notReadable') : ''}</td>
              <td>{b.record ? vb || '—' : i === 0 ? t('identity.notReadable') : ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
