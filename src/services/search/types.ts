// What a search answers. Stable contract for the exchange area (hit
// confirmation, watch) and the web app: change only by adding fields.
import type { HitAlert } from '../alerts/read.ts';

/** Why a record matched, field by field; the same shape for persons and objects. */
export interface HitExplanation {
  /** The waterfall in words an officer can read aloud. */
  summary: string;
  fields: { field: string; label: string; levelLabel: string; values: string; bits?: number }[];
  /** Total match weight in bits (persons); absent for identifier matches. */
  weight?: number;
}

/** A record the searcher may see: ranked, explained, with the alerts on it and what to do. */
export interface RecordHit {
  source: string;
  kind: 'person' | 'object';
  recordId: string;
  /** The record's own reference in its source. */
  ref: string;
  /** For objects: vehicle, firearm, document, bank_account, cultural_good, number_plate. */
  objectKind?: string;
  probability: number;
  explanation: HitExplanation;
  /** Active alerts on the record, each with the action to take on a hit. */
  alerts: HitAlert[];
  /** One line naming the record (name and birth date, or the object's identifier). */
  display: string;
  /** What the hit was found by: person, mrz, vin, plate, serial, iban, document_number. */
  matchedOn: string;
}

/** A hit in a hit/no-hit source: only that there is one and whom to ask; no personal data. */
export interface HitNoHitHit {
  source: string;
  hit: true;
  contact: { authorityId: string; name: string; country: string };
}

export type SearchHit = RecordHit | HitNoHitHit;

export function isRecordHit(h: SearchHit): h is RecordHit {
  return 'recordId' in h;
}

export interface SearchInterpretation {
  kind: string;
  value: string;
  confidence: number;
  /** Whether this reading was searched. */
  searched: boolean;
  warnings?: string[];
}

export interface MrzSummary {
  format: string;
  documentType: string;
  documentNumber: string;
  issuingCountry: string;
  /** All check digits correct. */
  valid: boolean;
  /** The fields whose check digit failed (documentNumber, birthDate, expiryDate, optionalData, composite). */
  failedChecks: string[];
  warnings: string[];
}

export interface SearchResult {
  searchId: string;
  purpose: string;
  caseReference: string;
  searchedAt: string;
  sources: {
    searched: { id: string; name: string; authorityId: string; hitNoHit: boolean }[];
    notSearched: { id: string; name: string; reason: string }[];
  };
  /** How free text was read (text searches only). */
  interpretations?: SearchInterpretation[];
  /** The MRZ as parsed, with its check-digit verdicts (MRZ searches only). */
  mrz?: MrzSummary;
  /** Doubts about the query the searcher should know (a failed check digit, too little to search on). */
  warnings: string[];
  hits: SearchHit[];
  /** Record hits found before the limit was applied. */
  totalHits: number;
}
