// Alerts on persons and objects with the mix a Schengen-type alerts source
// shows: mostly missing persons and discreet/inquiry checks, refusals of
// entry for third-country nationals, far fewer arrest warrants; object
// alerts are nearly all for seizure. Each says what to do in plain words.
import type { z } from 'zod';
import type { AlertLine } from '../domain/import-record.ts';
import type { AlertCategory, CrimeArea } from '../domain/alert.ts';
import { addDays, addYears, formatYmd, toDays, type Ymd } from './dates.ts';
import { weightedTable, type Rng, type WeightedTable } from './prng.ts';
import type { ObjectLineData } from './objects/objects.ts';

export type AlertLineData = z.infer<typeof AlertLine>;

const W = <T>(rows: Array<[T, number]>) => weightedTable(rows);

const ADULT: WeightedTable<AlertCategory> = W([
  ['missing', 22], ['discreet_check', 22], ['inquiry_check', 9], ['specific_check', 3], ['refusal_of_entry', 18],
  ['judicial_procedure', 13], ['arrest', 8], ['protection', 1.5],
]);
const ADULT_EU = W<AlertCategory>([
  ['missing', 26], ['discreet_check', 26], ['inquiry_check', 10], ['specific_check', 3], ['judicial_procedure', 16], ['arrest', 10], ['protection', 1.5],
]);
const MINOR = W<AlertCategory>([['missing', 62], ['protection', 22], ['discreet_check', 8], ['judicial_procedure', 5], ['arrest', 1]]);

const AREAS: Record<string, WeightedTable<CrimeArea | undefined>> = {
  arrest: W<CrimeArea | undefined>([
    ['drug_trafficking', 20], ['violent_crime', 15], ['high_risk_criminal_networks', 12], ['fraud_economic_financial', 10],
    ['organised_property_crime', 10], ['trafficking_in_human_beings', 6], ['migrant_smuggling', 6], ['firearms_trafficking', 5],
    ['terrorism', 4], ['child_sexual_exploitation', 4], ['cyber_attacks', 3], ['environmental_crime', 2], ['other', 3],
  ]),
  check: W<CrimeArea | undefined>([
    ['high_risk_criminal_networks', 20], ['drug_trafficking', 20], ['terrorism', 12], ['migrant_smuggling', 10], ['firearms_trafficking', 8],
    ['fraud_economic_financial', 8], ['organised_property_crime', 8], ['trafficking_in_human_beings', 6], ['cyber_attacks', 3],
    ['child_sexual_exploitation', 2], ['environmental_crime', 1], ['other', 2],
  ]),
  judicial_procedure: W<CrimeArea | undefined>([
    ['other', 30], ['fraud_economic_financial', 15], ['violent_crime', 15], ['drug_trafficking', 15], ['organised_property_crime', 15], ['cyber_attacks', 3], [undefined, 7],
  ]),
  missing: W<CrimeArea | undefined>([[undefined, 85], ['trafficking_in_human_beings', 10], ['child_sexual_exploitation', 5]]),
  protection: W<CrimeArea | undefined>([[undefined, 60], ['trafficking_in_human_beings', 25], ['terrorism', 10], ['child_sexual_exploitation', 5]]),
  refusal_of_entry: W<CrimeArea | undefined>([[undefined, 70], ['migrant_smuggling', 15], ['terrorism', 5], ['other', 10]]),
  unknown_suspect: W<CrimeArea | undefined>([['violent_crime', 40], ['organised_property_crime', 30], ['child_sexual_exploitation', 10], ['terrorism', 5], ['other', 15]]),
  vehicle: W<CrimeArea | undefined>([['organised_property_crime', 80], ['drug_trafficking', 6], ['migrant_smuggling', 6], ['high_risk_criminal_networks', 4], ['other', 4]]),
  number_plate: W<CrimeArea | undefined>([['organised_property_crime', 70], ['high_risk_criminal_networks', 15], ['other', 15]]),
  firearm: W<CrimeArea | undefined>([['firearms_trafficking', 85], ['terrorism', 5], ['violent_crime', 5], ['other', 5]]),
  document: W<CrimeArea | undefined>([[undefined, 40], ['migrant_smuggling', 25], ['fraud_economic_financial', 15], ['trafficking_in_human_beings', 5], ['terrorism', 3], ['other', 12]]),
  bank_account: W<CrimeArea | undefined>([['fraud_economic_financial', 50], ['cyber_attacks', 20], ['drug_trafficking', 12], ['high_risk_criminal_networks', 13], ['terrorism', 5]]),
  cultural_good: W<CrimeArea | undefined>([['organised_property_crime', 75], ['other', 20], ['terrorism', 5]]),
};

const CRIMES: Record<CrimeArea, string[]> = {
  high_risk_criminal_networks: ['membership of a criminal organisation', 'leading a mafia-type organisation', 'extortion on behalf of a criminal network'],
  cyber_attacks: ['ransomware attacks on hospitals', 'operating a botnet', 'intrusion into public-administration systems'],
  trafficking_in_human_beings: ['trafficking in human beings for sexual exploitation', 'trafficking for labour exploitation', 'forced criminality of minors'],
  child_sexual_exploitation: ['distribution of child sexual abuse material', 'sexual abuse of a minor', 'online grooming'],
  migrant_smuggling: ['facilitation of unauthorised entry', 'smuggling migrants in lorries', 'organising irregular boat crossings'],
  drug_trafficking: ['importing cocaine through a seaport', 'producing synthetic drugs', 'cannabis trafficking', 'trafficking in heroin'],
  fraud_economic_financial: ['money laundering', 'VAT carousel fraud', 'investment fraud', 'excise fraud with cigarettes'],
  organised_property_crime: ['a series of residential burglaries', 'theft of high-value vehicles', 'cash-machine attacks', 'cargo theft'],
  environmental_crime: ['illegal shipment of waste', 'trafficking in protected species', 'illegal trade in F-gases'],
  firearms_trafficking: ['trafficking in converted firearms', 'illegal trade in weapons and ammunition'],
  terrorism: ['participation in a terrorist group', 'financing of terrorism', 'preparing a terrorist attack'],
  violent_crime: ['murder', 'armed robbery', 'grievous bodily harm', 'kidnapping'],
  other: ['failure to pay a fine', 'breach of an entry ban', 'contempt of court'],
};

const ACTIONS: Record<AlertCategory, string[]> = {
  arrest: [
    'Arrest the person. A European Arrest Warrant is attached; inform the SIRENE bureau at once.',
    'Arrest and hold for surrender; the person may be armed and violent — approach with caution.',
    'Arrest. Do not release before the issuing authority has confirmed the warrant is still valid.',
  ],
  missing: [
    'Locate and place in safety; inform the issuing authority. Do not disclose the whereabouts to relatives without its consent.',
    'Missing adult: establish the whereabouts and inform the issuing authority; no coercive measures.',
    'Missing person: check well-being, record where and with whom found, and inform the issuing authority.',
  ],
  protection: [
    'Prevent the person from travelling and take them into protection; call the issuing authority.',
    'Vulnerable person at risk of being taken abroad: stop travel and contact the issuing authority immediately.',
  ],
  judicial_procedure: [
    'Establish the place of residence for service of a summons; inform the issuing court.',
    'Witness sought: obtain the current address and inform the issuing judicial authority.',
    'Serve the attached judgment and report the date of service.',
  ],
  discreet_check: [
    'Discreet check: do not alert the person; record route, companions, vehicle and items carried, and report to the issuing authority.',
    'Discreet check only — no questioning. Report time, place, companions and means of transport.',
  ],
  inquiry_check: [
    'Inquiry check: interview the person on the questions supplied by the issuing authority and report the answers.',
    'Inquiry check: question the person about purpose and route of travel; report without delay.',
  ],
  specific_check: [
    'Specific check: search the person, vehicle and luggage; report what is found.',
    'Specific check: search for documents, cash and communication devices; report findings to the issuing authority.',
  ],
  refusal_of_entry: [
    'Refuse entry to and stay in the Schengen area; inform the issuing authority.',
    'Entry ban in force: refuse entry, record the attempt and inform the issuing authority.',
  ],
  object_seizure: [
    'Seize the object and secure it as evidence; inform the issuing authority.',
    'Seize and hold; do not return to the possessor before the issuing authority decides.',
  ],
  unknown_suspect: [
    'Unknown suspect identified by fingerprints: take fingerprints, compare, and inform the issuing authority of any match.',
    'Unknown suspect (DNA profile on record): if a match is suspected, take a sample and contact the issuing authority.',
  ],
};

const OBJECT_ACTIONS: Partial<Record<ObjectLineData['kind'], string>> = {
  vehicle: 'Seize the vehicle and secure it for forensic examination; inform the issuing authority.',
  firearm: 'Seize the firearm; make it safe and do not fire it; inform the issuing authority.',
  document: 'Seize the document and withdraw it from circulation; establish the identity of the holder.',
  bank_account: 'Report any transaction on this account to the issuing authority; a freezing order is attached.',
  cultural_good: 'Seize the object; handle with care, photograph it and inform the issuing authority.',
  number_plate: 'Seize the plates and check the vehicle carrying them.',
};

const LEGAL_BASIS: Record<AlertCategory, string> = {
  arrest: 'Regulation (EU) 2018/1862, Art. 26',
  missing: 'Regulation (EU) 2018/1862, Art. 32',
  protection: 'Regulation (EU) 2018/1862, Art. 32',
  judicial_procedure: 'Regulation (EU) 2018/1862, Art. 34',
  discreet_check: 'Regulation (EU) 2018/1862, Art. 36',
  inquiry_check: 'Regulation (EU) 2018/1862, Art. 36',
  specific_check: 'Regulation (EU) 2018/1862, Art. 36',
  refusal_of_entry: 'Regulation (EU) 2018/1861, Art. 24',
  object_seizure: 'Regulation (EU) 2018/1862, Art. 38',
  unknown_suspect: 'Regulation (EU) 2018/1862, Art. 40',
};

const PROTECTIVE = [
  'Child at risk of abduction by a parent without custody: place in safety and keep away from the abducting parent.',
  'Possible victim of trafficking: place in safety, offer assistance and do not treat as an offender.',
  'Suicidal risk reported by the family: ensure medical assessment.',
  'Minor at risk of forced marriage abroad: prevent departure and contact child protection services.',
];

const HANDLING = W([['H0', 70], ['H1', 15], ['H2', 10], ['H3', 5]] as const);
const HANDLING_SENSITIVE = W([['H0', 20], ['H1', 20], ['H2', 40], ['H3', 20]] as const);

function dates(rng: Rng, today: Ymd, years: number, recentDays: number): { validFrom: string; expiresAt: string; reviewAt?: string } {
  const from = addDays(today, -rng.int(recentDays));
  const expires = addYears(from, years);
  const review = years > 1 ? addYears(from, Math.min(3, years - 1)) : addDays(from, 300);
  return { validFrom: formatYmd(from), expiresAt: formatYmd(expires), reviewAt: toDays(review) < toDays(expires) ? formatYmd(review) : undefined };
}

function reason(rng: Rng, category: AlertCategory, area: CrimeArea | undefined, issuer: string): string | undefined {
  const crime = area ? rng.pick(CRIMES[area]) : undefined;
  switch (category) {
    case 'arrest':
      return `European Arrest Warrant of ${issuer} for ${crime ?? 'a criminal offence'}, case ${rng.range(10, 99)}/${rng.range(1000, 9999)}/${rng.range(2015, 2025)}`;
    case 'missing':
      return crime ? `Reported missing; suspected victim of ${crime}` : rng.pick(['Reported missing by family', 'Left a care institution without notice', 'Did not return from a school trip', 'Reported missing by a partner']);
    case 'protection':
      return crime ? `Person at risk in connection with ${crime}` : 'Person at risk; travel to be prevented';
    case 'judicial_procedure':
      return rng.pick(['Summons as witness in criminal proceedings', 'Service of a criminal judgment', 'Summons as accused person']) + (crime ? ` (${crime})` : '');
    case 'refusal_of_entry':
      return rng.pick(['Return decision with entry ban', 'Threat to public order: prior conviction', 'Entry ban after unlawful stay']) + (crime ? ` (${crime})` : '');
    case 'unknown_suspect':
      return `Unknown perpetrator of ${crime ?? 'a serious offence'}; fingerprints and DNA on record`;
    default:
      return crime ? `Suspected of ${crime}` : undefined;
  }
}

export interface PersonAlertInput {
  minor: boolean;
  thirdCountry: boolean;
  issuer: string;
  unknownSuspect?: boolean;
}

export function personAlert(rng: Rng, today: Ymd, p: PersonAlertInput): AlertLineData {
  const category: AlertCategory = p.unknownSuspect ? 'unknown_suspect' : rng.weighted(p.minor ? MINOR : p.thirdCountry ? ADULT : ADULT_EU);
  const areaKey = category === 'discreet_check' || category === 'inquiry_check' || category === 'specific_check' ? 'check' : category;
  const crimeArea = rng.weighted(AREAS[areaKey] ?? AREAS.check);
  const years = areaKey === 'check' ? 1 : category === 'refusal_of_entry' || category === 'arrest' ? 5 : 3;
  const recent = areaKey === 'check' ? 420 : years * 365 + 120;
  const sensitive = crimeArea === 'terrorism' || crimeArea === 'high_risk_criminal_networks';
  const a: AlertLineData = {
    type: 'alert',
    source: '',
    ref: '',
    subject: { type: 'person', ref: '' },
    category,
    action: rng.pick(ACTIONS[category]),
    legalBasis: LEGAL_BASIS[category],
    handlingCode: rng.weighted(sensitive ? HANDLING_SENSITIVE : HANDLING),
    ...dates(rng, today, years, recent),
    // Third-party information on terrorism waits for approval before it becomes an alert.
    status: crimeArea === 'terrorism' && rng.chance(0.3) ? 'proposed' : rng.chance(0.01) ? 'proposed' : 'active',
    links: [],
  };
  const r = reason(rng, category, crimeArea, p.issuer);
  if (r) a.reason = r;
  if (crimeArea) a.crimeArea = crimeArea;
  if ((category === 'missing' && p.minor) || category === 'protection') a.protectiveMeasures = rng.pick(PROTECTIVE);
  if (a.reviewAt === undefined) delete a.reviewAt;
  return a;
}

const OBJECT_CATEGORY: Record<ObjectLineData['kind'], WeightedTable<AlertCategory>> = {
  vehicle: W<AlertCategory>([['object_seizure', 75], ['discreet_check', 15], ['specific_check', 5], ['inquiry_check', 5]]),
  number_plate: W<AlertCategory>([['object_seizure', 85], ['discreet_check', 15]]),
  firearm: W<AlertCategory>([['object_seizure', 95], ['discreet_check', 5]]),
  document: W<AlertCategory>([['object_seizure', 100]]),
  bank_account: W<AlertCategory>([['discreet_check', 40], ['inquiry_check', 20], ['object_seizure', 40]]),
  cultural_good: W<AlertCategory>([['object_seizure', 100]]),
};

export function objectAlert(rng: Rng, today: Ymd, kind: ObjectLineData['kind'], issuer: string): AlertLineData {
  const category = rng.weighted(OBJECT_CATEGORY[kind]);
  const crimeArea = rng.weighted(AREAS[kind]);
  const check = category !== 'object_seizure';
  const years = check ? 1 : 10;
  const a: AlertLineData = {
    type: 'alert',
    source: '',
    ref: '',
    subject: { type: 'object', ref: '' },
    category,
    action: check ? rng.pick(ACTIONS[category]) : (OBJECT_ACTIONS[kind] ?? rng.pick(ACTIONS.object_seizure)),
    legalBasis: check ? LEGAL_BASIS[category] : LEGAL_BASIS.object_seizure,
    handlingCode: rng.weighted(HANDLING),
    ...dates(rng, today, years, check ? 420 : 4000),
    status: 'active',
    links: [],
  };
  if (crimeArea) {
    a.crimeArea = crimeArea;
    a.reason = `${kind === 'document' ? 'Document' : 'Object'} sought in connection with ${rng.pick(CRIMES[crimeArea])} (${issuer})`;
  }
  if (a.reviewAt === undefined) delete a.reviewAt;
  return a;
}
