// Records ready to be written: validated domain objects with their ids,
// normalised identifiers and search keys already computed, so the writers
// only move rows into the database.
import type { FieldIssue } from '../../domain/errors.ts';
import type { ObjectRecord } from '../../domain/object.ts';
import type { AlertInput } from '../../domain/alert.ts';
import type { Authority, Source } from '../../domain/authority.ts';

export type Prepared<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

export interface PreparedDocument {
  docType: string;
  number: string;
  numberKey: string;
  issuingCountry: string;
  expiry: string | null;
}

export interface PreparedPerson {
  id: string;
  sourceId: string;
  ref: string;
  /** The validated PersonRecord as JSON text: stored, and compared to tell unchanged records. */
  recordJson: string;
  displayName: string;
  birthDate: string | null;
  sex: string | null;
  nationalities: string[];
  documents: PreparedDocument[];
  keys: string[];
}

export interface PreparedObject {
  id: string;
  sourceId: string;
  ref: string;
  kind: ObjectRecord['kind'];
  identifier: string | null;
  identifierKey: string | null;
  identifier2: string | null;
  identifier2Key: string | null;
  country: string | null;
  /** The validated ObjectRecord as JSON text. */
  recordJson: string;
  displayName: string;
}

export interface PreparedAlert {
  id: string;
  sourceId: string;
  ref: string;
  subjectType: 'person' | 'object';
  /** Id of the person or object the alert is on, derived from (subject source, subject ref). */
  subjectId: string;
  subjectSourceId: string;
  record: AlertInput;
  recordJson: string;
}

export type PreparedAuthority = Authority;
export type PreparedSource = Source;
