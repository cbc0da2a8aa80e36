// The authorities and sources of the synthetic world: a few police, border,
// customs, judicial and migration bodies, each with the registries such a
// body really keeps. Person records land in a source with a bias towards
// the authorities of the country the person lives in or comes from.
import type { z } from 'zod';
import type { AuthorityLine, SourceLine } from '../domain/import-record.ts';
import type { SourceKind } from '../domain/authority.ts';
import { weightedTable, type WeightedTable } from './prng.ts';

type AuthorityRow = z.infer<typeof AuthorityLine>;
type SourceRow = z.infer<typeof SourceLine>;

export const AUTHORITIES: AuthorityRow[] = [
  { type: 'authority', id: 'nl-politie', country: 'NLD', name: 'Politie Nederland', kind: 'police' },
  { type: 'authority', id: 'nl-kmar', country: 'NLD', name: 'Koninklijke Marechaussee', kind: 'border' },
  { type: 'authority', id: 'nl-om', country: 'NLD', name: 'Openbaar Ministerie', kind: 'judicial' },
  { type: 'authority', id: 'de-bka', country: 'DEU', name: 'Bundeskriminalamt', kind: 'police' },
  { type: 'authority', id: 'de-bpol', country: 'DEU', name: 'Bundespolizei', kind: 'border' },
  { type: 'authority', id: 'de-bamf', country: 'DEU', name: 'Bundesamt für Migration und Flüchtlinge', kind: 'migration' },
  { type: 'authority', id: 'fr-dgpn', country: 'FRA', name: 'Direction générale de la Police nationale', kind: 'police' },
  { type: 'authority', id: 'fr-dgddi', country: 'FRA', name: 'Direction générale des douanes et droits indirects', kind: 'customs' },
  { type: 'authority', id: 'be-fedpol', country: 'BEL', name: 'Police fédérale – Federale Politie', kind: 'police' },
  { type: 'authority', id: 'es-cnp', country: 'ESP', name: 'Policía Nacional', kind: 'police' },
  { type: 'authority', id: 'it-ps', country: 'ITA', name: 'Polizia di Stato', kind: 'police' },
  { type: 'authority', id: 'it-cc-tpc', country: 'ITA', name: 'Carabinieri – Comando Tutela Patrimonio Culturale', kind: 'police' },
  { type: 'authority', id: 'pl-kgp', country: 'POL', name: 'Komenda Główna Policji', kind: 'police' },
  { type: 'authority', id: 'pl-sg', country: 'POL', name: 'Straż Graniczna', kind: 'border' },
  { type: 'authority', id: 'at-bk', country: 'AUT', name: 'Bundeskriminalamt Österreich', kind: 'police' },
  { type: 'authority', id: 'ro-igpr', country: 'ROU', name: 'Inspectoratul General al Poliției Române', kind: 'police' },
  { type: 'authority', id: 'gr-elas', country: 'GRC', name: 'Ελληνική Αστυνομία', kind: 'police' },
  { type: 'authority', id: 'se-polis', country: 'SWE', name: 'Polismyndigheten', kind: 'police' },
  { type: 'authority', id: 'ua-npu', country: 'UKR', name: 'Національна поліція України', kind: 'police' },
  { type: 'authority', id: 'ua-dpsu', country: 'UKR', name: 'Державна прикордонна служба України', kind: 'border' },
];

export interface SourceSpec {
  line: SourceRow;
  country: string;
  /** Prefix of the refs this source gives its records. */
  refPrefix: string;
  /** Relative weight as a home for person records (0: holds no persons). */
  personWeight: number;
  /** Migration registries hold mostly third-country nationals. */
  thirdCountryOnly?: boolean;
}

const S = (authorityId: string, id: string, kind: SourceKind, name: string, refPrefix: string, personWeight: number, extra: Partial<SourceSpec> & { hitNoHit?: boolean } = {}): SourceSpec => {
  const authority = AUTHORITIES.find((a) => a.id === authorityId)!;
  return {
    line: { type: 'source', id: `${authorityId}.${id}`, authorityId, name, kind, hitNoHit: extra.hitNoHit ?? false },
    country: authority.country,
    refPrefix,
    personWeight,
    thirdCountryOnly: extra.thirdCountryOnly,
  };
};

export const SOURCES: SourceSpec[] = [
  S('nl-politie', 'bvh', 'police_records', 'Basisvoorziening Handhaving', 'BVH', 8),
  S('nl-politie', 'opsporing', 'alerts', 'Opsporingsregister', 'OPS', 3),
  S('nl-politie', 'voertuigen', 'vehicle_register', 'Gestolen voertuigen', 'VTG', 0),
  S('nl-kmar', 'api', 'passenger_data', 'API/PNR passagiersgegevens', 'API', 8),
  S('nl-om', 'eaw', 'alerts', 'Europese aanhoudingsbevelen', 'EAB', 1),
  S('de-bka', 'inpol-person', 'persons_index', 'INPOL Personenbestand', 'INP', 12),
  S('de-bka', 'kpmd', 'police_records', 'Kriminalpolizeilicher Meldedienst', 'KPM', 6, { hitNoHit: true }),
  S('de-bka', 'fahndung', 'alerts', 'INPOL Personen- und Sachfahndung', 'FAH', 4),
  S('de-bka', 'waffen', 'firearms_register', 'Nationales Waffenregister – abhandengekommene Waffen', 'NWR', 0),
  S('de-bpol', 'pnr', 'passenger_data', 'Fluggastdatenzentralstelle', 'FDZ', 9),
  S('de-bpol', 'dokumente', 'documents', 'Verlorene und gestohlene Reisedokumente', 'DOK', 0),
  S('de-bamf', 'azr', 'persons_index', 'Ausländerzentralregister (Auszug)', 'AZR', 10, { thirdCountryOnly: true }),
  S('fr-dgpn', 'taj', 'police_records', "Traitement d'antécédents judiciaires", 'TAJ', 8),
  S('fr-dgpn', 'fpr', 'alerts', 'Fichier des personnes recherchées', 'FPR', 4),
  S('fr-dgpn', 'foves', 'vehicle_register', 'Fichier des objets et véhicules signalés', 'FOV', 0),
  S('fr-dgddi', 'comptes', 'bank_accounts', 'Comptes bancaires signalés', 'CPT', 0),
  S('be-fedpol', 'bng', 'police_records', 'Banque de données nationale générale', 'BNG', 5),
  S('es-cnp', 'personas', 'persons_index', 'Registro de personas', 'PER', 6),
  S('es-cnp', 'senalamientos', 'alerts', 'Señalamientos', 'SEN', 2),
  S('it-ps', 'sdi', 'police_records', "Sistema d'indagine", 'SDI', 7),
  S('it-cc-tpc', 'leonardo', 'cultural_goods', 'Banca dati dei beni culturali illecitamente sottratti', 'TPC', 0),
  S('pl-kgp', 'kcik', 'persons_index', 'Krajowe Centrum Informacji Kryminalnych', 'KCK', 6),
  S('pl-kgp', 'poszukiwani', 'alerts', 'Osoby poszukiwane', 'POS', 2),
  S('pl-sg', 'odprawa', 'passenger_data', 'Odprawa graniczna – dane pasażerów', 'ODP', 5),
  S('at-bk', 'ekis', 'alerts', 'EKIS Fahndung', 'EKI', 2),
  S('ro-igpr', 'cazier', 'police_records', 'Cazier judiciar (index)', 'CAZ', 4, { hitNoHit: true }),
  S('gr-elas', 'katazitoumenoi', 'alerts', 'Καταζητούμενα πρόσωπα', 'KAT', 1),
  S('se-polis', 'misstankt', 'police_records', 'Misstankeregistret', 'MSR', 3),
  S('ua-npu', 'persons', 'persons_index', 'Інформаційний портал Національної поліції', 'IPN', 5),
  S('ua-npu', 'rozshuk', 'alerts', 'Особи, які переховуються від органів влади', 'ROZ', 2),
  S('ua-dpsu', 'gart', 'passenger_data', 'Гарт – перетин кордону', 'GRT', 4),
];

export const SOURCE_BY_ID = new Map(SOURCES.map((s) => [s.line.id, s]));
export const sourcesOfKind = (kind: SourceKind) => SOURCES.filter((s) => s.line.kind === kind);

const personTables = new Map<string, WeightedTable<SourceSpec>>();

/**
 * Where a person's records are likely held: their residence country's
 * authorities most, their own country's next, everyone else a little.
 */
export function personSourceTable(nationality: string, residence: string, thirdCountry: boolean): WeightedTable<SourceSpec> {
  const key = `${nationality}/${residence}/${thirdCountry ? 1 : 0}`;
  let t = personTables.get(key);
  if (!t) {
    const rows = SOURCES.filter((s) => s.personWeight > 0 && (!s.thirdCountryOnly || thirdCountry)).map((s) => {
      const affinity = s.country === residence ? 8 : s.country === nationality ? 5 : 1;
      return [s, s.personWeight * affinity] as const;
    });
    t = weightedTable(rows);
    personTables.set(key, t);
  }
  return t;
}
