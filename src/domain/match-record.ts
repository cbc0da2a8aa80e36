// The flat view of a person that the matching engine compares. It is what
// the dedupe/link CSV columns describe, widened to several names and
// documents so records from a registry are matched on all they hold.
import type { PersonRecord } from './person.ts';

export interface MatchName {
  given: string; // as written, any script, may be ''
  family: string; // as written, any script, may be ''
}

export interface MatchRecord {
  id: string;
  names: MatchName[];
  /** ISO 8601 full or partial date as given; '' when unknown. */
  birthDate: string;
  sex: string; // 'M' | 'F' | '' (anything else is treated as unknown)
  nationalities: string[];
  placeOfBirth: string;
  documentNumbers: string[];
  address: string;
}

export function personToMatchRecord(id: string, p: PersonRecord): MatchRecord {
  return {
    id,
    names: p.names.map((n) => ({ given: n.given ?? '', family: n.family ?? '' })),
    birthDate: p.birthDate ?? '',
    sex: p.sex === 'M' || p.sex === 'F' ? p.sex : '',
    nationalities: p.nationalities ?? [],
    placeOfBirth: p.placeOfBirth ?? '',
    documentNumbers: (p.documents ?? []).map((d) => d.number),
    address: p.addresses?.[0] ? [p.addresses[0].line, p.addresses[0].postcode, p.addresses[0].city].filter(Boolean).join(' ') : '',
  };
}
