// Identity-document numbers in each issuer's format, with Spain's DNI
// control letter computed as the real one is.
import { country } from './countries.ts';
import type { Rng } from './prng.ts';
import { fillTemplate } from './template.ts';

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

function dni(rng: Rng): string {
  const n = rng.range(10_000_000, 99_999_999);
  return `${n}${DNI_LETTERS[n % 23]}`;
}

export function documentNumber(rng: Rng, issuer: string, type: 'passport' | 'id_card' | 'residence_permit'): string {
  if (type === 'residence_permit') return fillTemplate(rng, 'LLDDDDDDD');
  const profile = country(issuer);
  const template = type === 'passport' ? profile.passport : (profile.idCard ?? profile.passport);
  if (template === 'DNI') return dni(rng);
  return fillTemplate(rng, template);
}
