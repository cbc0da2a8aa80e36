// Turns a validated PersonRecord into the rows stored for it: normalised
// document numbers with their confusion-folded keys, checked country codes,
// and the blocking keys under which a search finds the person.
import type { FieldIssue } from '../../domain/errors.ts';
import type { PersonRecord } from '../../domain/person.ts';
import { personToMatchRecord } from '../../domain/match-record.ts';
import { documentNumberKey, normaliseDocumentNumber, toCountryCode } from '../../identifiers/index.ts';
import { blockingKeys } from '../../matching/blocking.ts';
import { recordId } from '../../store/ids.ts';
import { checkDate, checkStorableText } from './checks.ts';
import type { Prepared, PreparedDocument, PreparedPerson } from './prepared.ts';

export function personDisplayName(p: PersonRecord): string {
  const n = p.names.find((x) => x.kind === 'primary') ?? p.names[0]!;
  return [n.given, n.family].map((s) => (s ?? '').trim()).filter(Boolean).join(' ');
}

export function preparePerson(sourceId: string, rec: PersonRecord): Prepared<PreparedPerson> {
  const issues: FieldIssue[] = [];
  rec.nationalities.forEach((c, i) => {
    const r = toCountryCode(c);
    if (!r.ok) issues.push({ path: `nationalities/${i}`, message: r.error });
  });
  rec.addresses.forEach((a, i) => {
    if (a.country === undefined) return;
    const r = toCountryCode(a.country);
    if (!r.ok) issues.push({ path: `addresses/${i}/country`, message: r.error });
  });
  checkDate(issues, 'birthDate', rec.birthDate);
  const documents: PreparedDocument[] = [];
  rec.documents.forEach((d, i) => {
    const n = normaliseDocumentNumber(d.number);
    if (!n.ok) issues.push({ path: `documents/${i}/number`, message: n.error });
    const c = toCountryCode(d.issuingCountry);
    if (!c.ok) issues.push({ path: `documents/${i}/issuingCountry`, message: c.error });
    checkDate(issues, `documents/${i}/expiry`, d.expiry);
    if (n.ok && c.ok) {
      documents.push({ docType: d.type, number: n.value, numberKey: documentNumberKey(n.value), issuingCountry: c.value, expiry: d.expiry ?? null });
    }
  });
  const recordJson = JSON.stringify(rec);
  checkStorableText(issues, recordJson, rec);
  if (issues.length) return { ok: false, issues };
  const id = recordId('person', sourceId, rec.ref);
  return {
    ok: true,
    value: {
      id,
      sourceId,
      ref: rec.ref,
      recordJson,
      displayName: personDisplayName(rec),
      birthDate: rec.birthDate ?? null,
      sex: rec.sex ?? null,
      nationalities: rec.nationalities,
      documents,
      // U+001D separates the keys of one person in the bulk write.
      keys: blockingKeys(personToMatchRecord(id, rec)).filter((k) => !/[\x1d-\x1f]/.test(k)),
    },
  };
}
