// Bank accounts with valid IBANs: a plausible national BBAN (bank codes of
// real institutions, national check digits where the country has them)
// and the ISO 13616 check digits from ibantools.
import { composeIBAN } from 'ibantools';
import type { Rng } from '../prng.ts';
import { fillTemplate } from '../template.ts';

const digits = (rng: Rng, n: number) => fillTemplate(rng, 'D'.repeat(n));

/** Remainder of a long digit string modulo 97, without big integers. */
function mod97(s: string): number {
  let r = 0;
  for (let i = 0; i < s.length; i++) r = (r * 10 + (s.charCodeAt(i) - 48)) % 97;
  return r;
}

function spanishControl(s: string, weights: number[]): number {
  let sum = 0;
  for (let i = 0; i < s.length; i++) sum += (s.charCodeAt(i) - 48) * weights[i];
  const r = 11 - (sum % 11);
  return r === 11 ? 0 : r === 10 ? 1 : r;
}

const NL_BANKS: Array<[string, string]> = [['ABNA', 'ABNANL2A'], ['INGB', 'INGBNL2A'], ['RABO', 'RABONL2U'], ['TRIO', 'TRIONL2U'], ['SNSB', 'SNSBNL2A'], ['ASNB', 'ASNBNL21'], ['KNAB', 'KNABNL2H'], ['BUNQ', 'BUNQNL2A']];
const DE_BLZ = ['10070000', '37040044', '50010517', '12030000', '70150000', '20050550', '60050101', '30020900', '25050180'];

interface Bban {
  bban: string;
  bic?: string;
}

const BUILDERS: Record<string, (rng: Rng) => Bban> = {
  NL: (rng) => {
    const [bank, bic] = rng.pick(NL_BANKS);
    return { bban: bank + digits(rng, 10), bic };
  },
  DE: (rng) => ({ bban: rng.pick(DE_BLZ) + digits(rng, 10) }),
  BE: (rng) => {
    const ten = digits(rng, 10);
    const check = mod97(ten) || 97;
    return { bban: ten + String(check).padStart(2, '0') };
  },
  FR: (rng) => {
    const bank = rng.pick(['30004', '30003', '20041', '10278', '11315', '30002']);
    const branch = digits(rng, 5);
    const account = digits(rng, 11);
    const key = 97 - ((89 * +bank + 15 * +branch + 3 * (mod97(account))) % 97);
    return { bban: bank + branch + account + String(key).padStart(2, '0') };
  },
  ES: (rng) => {
    const bankBranch = rng.pick(['0049', '2100', '0182', '0081', '2038', '0128']) + digits(rng, 4);
    const account = digits(rng, 10);
    const c1 = spanishControl('00' + bankBranch, [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]);
    const c2 = spanishControl(account, [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]);
    return { bban: `${bankBranch}${c1}${c2}${account}` };
  },
  IT: (rng) => ({ bban: fillTemplate(rng, 'L') + rng.pick(['03069', '02008', '05034', '01030', '03062']) + digits(rng, 5) + digits(rng, 12) }),
  AT: (rng) => ({ bban: rng.pick(['12000', '20111', '32000', '14000', '60000']) + digits(rng, 11) }),
  PL: (rng) => {
    const seven = rng.pick(['1020', '1140', '1050', '1240', '1090']) + digits(rng, 3);
    const w = [3, 9, 7, 1, 3, 9, 7];
    let sum = 0;
    for (let i = 0; i < 7; i++) sum += (seven.charCodeAt(i) - 48) * w[i];
    const check = (10 - (sum % 10)) % 10;
    return { bban: seven + check + digits(rng, 16) };
  },
  RO: (rng) => ({ bban: rng.pick(['BTRL', 'RNCB', 'BRDE', 'INGB', 'RZBR']) + fillTemplate(rng, 'A'.repeat(16)) }),
  LT: (rng) => ({ bban: rng.pick(['73000', '70440', '40100', '32500']) + digits(rng, 11) }),
  IE: (rng) => ({ bban: rng.pick(['AIBK', 'BOFI', 'IPBS']) + digits(rng, 6) + digits(rng, 8) }),
  PT: (rng) => {
    const body = rng.pick(['0035', '0033', '0007', '0010', '0018']) + digits(rng, 4) + digits(rng, 11);
    const check = 98 - ((mod97(body) * 100) % 97);
    return { bban: body + String(check).padStart(2, '0') };
  },
  UA: (rng) => ({ bban: rng.pick(['305299', '322001', '300335', '320649']) + digits(rng, 19) }),
  GR: (rng) => ({ bban: rng.pick(['011', '017', '026', '014']) + digits(rng, 4) + digits(rng, 16) }),
};

export const IBAN_COUNTRIES: Array<[string, number]> = [
  ['DE', 18], ['NL', 14], ['FR', 14], ['ES', 10], ['IT', 10], ['BE', 7], ['PL', 7], ['RO', 5], ['AT', 4], ['LT', 4], ['PT', 3], ['IE', 3], ['UA', 3], ['GR', 2],
];

export function randomIban(rng: Rng, countryCode: string): { iban: string; bic?: string } {
  const build = BUILDERS[countryCode];
  if (!build) throw new Error(`no IBAN builder for ${countryCode}`);
  const { bban, bic } = build(rng);
  const iban = composeIBAN({ countryCode, bban });
  if (!iban) throw new Error(`could not compose an IBAN for ${countryCode} ${bban}`);
  return { iban, bic };
}
