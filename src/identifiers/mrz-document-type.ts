// From the MRZ document code (ICAO 9303 part 3: first letter P passport,
// V visa, I/A/C identity or official document; second letter at the issuer's
// discretion) to the Pontis document type. Residence permits have no ICAO
// letter of their own; IR (EU uniform format, Regulation 1030/2002), AR and RP
// are the codes issuers use for them.
import type { DocumentType } from '../domain/person.ts';

const RESIDENCE_PERMIT_CODES = new Set(['IR', 'AR', 'RP', 'CR']);

export function documentTypeFromMrz(documentCode: string): DocumentType {
  const code = documentCode.replace(/<+$/u, '').toUpperCase();
  if (RESIDENCE_PERMIT_CODES.has(code)) return 'residence_permit';
  switch (code[0]) {
    case 'P':
      return 'passport';
    case 'V':
      return 'visa';
    case 'I':
    case 'A':
    case 'C':
      return 'id_card';
    default:
      return 'other';
  }
}
