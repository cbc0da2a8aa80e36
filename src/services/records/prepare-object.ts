// Turns a validated ObjectRecord into its stored row: the primary identifier
// of its kind validated and normalised (VIN, plate, serial, document number,
// IBAN), with the confusion-folded key a tolerant lookup uses.
import type { FieldIssue } from '../../domain/errors.ts';
import type { ObjectRecord } from '../../domain/object.ts';
import {
  documentNumberKey,
  foldConfusables,
  normaliseDocumentNumber,
  normaliseIban,
  normalisePlate,
  normaliseSerial,
  normaliseVin,
  plateKey,
  serialKey,
  toCountryCode,
  type IdentifierResult,
} from '../../identifiers/index.ts';
import { recordId } from '../../store/ids.ts';
import type { Prepared, PreparedObject } from './prepared.ts';
import { checkDate, checkStorableText } from './checks.ts';

interface Identifiers {
  identifier: string | null;
  identifierKey: string | null;
  identifier2: string | null;
  identifier2Key: string | null;
  country: string | null;
  displayName: string;
}

function check(issues: FieldIssue[], path: string, r: IdentifierResult): string | null {
  if (r.ok) return r.value;
  issues.push({ path, message: r.error });
  return null;
}

function joinWords(...parts: (string | null | undefined)[]): string {
  return parts.map((p) => (p ?? '').trim()).filter(Boolean).join(' ');
}

function identifiersOf(o: ObjectRecord, issues: FieldIssue[]): Identifiers {
  switch (o.kind) {
    case 'vehicle': {
      const vin = o.vin !== undefined ? check(issues, 'vin', normaliseVin(o.vin)) : null;
      const plate = o.plate !== undefined ? check(issues, 'plate', normalisePlate(o.plate, o.plateCountry)) : null;
      const country = o.plateCountry !== undefined ? check(issues, 'plateCountry', toCountryCode(o.plateCountry)) : null;
      const name = joinWords(o.make, o.model, o.colour, plate ?? vin);
      if (vin) return { identifier: vin, identifierKey: foldConfusables(vin), identifier2: plate, identifier2Key: plate && plateKey(plate), country, displayName: name };
      return { identifier: plate, identifierKey: plate && plateKey(plate), identifier2: null, identifier2Key: null, country, displayName: name };
    }
    case 'number_plate': {
      const plate = check(issues, 'plate', normalisePlate(o.plate, o.plateCountry));
      const country = check(issues, 'plateCountry', toCountryCode(o.plateCountry));
      return { identifier: plate, identifierKey: plate && plateKey(plate), identifier2: null, identifier2Key: null, country, displayName: joinWords('plate', plate, country) };
    }
    case 'firearm': {
      const serial = check(issues, 'serial', normaliseSerial(o.serial));
      return { identifier: serial, identifierKey: serial && serialKey(serial), identifier2: null, identifier2Key: null, country: null, displayName: joinWords(o.make, o.model, o.calibre, serial) };
    }
    case 'document': {
      const number = check(issues, 'number', normaliseDocumentNumber(o.number));
      const country = check(issues, 'issuingCountry', toCountryCode(o.issuingCountry));
      return { identifier: number, identifierKey: number && documentNumberKey(number), identifier2: null, identifier2Key: null, country, displayName: joinWords(o.state, o.documentType.replace('_', ' '), number, country) };
    }
    case 'bank_account': {
      const iban = check(issues, 'iban', normaliseIban(o.iban));
      const cc = iban ? toCountryCode(iban.slice(0, 2)) : null;
      return { identifier: iban, identifierKey: iban, identifier2: null, identifier2Key: null, country: cc?.ok ? cc.value : null, displayName: joinWords('IBAN', iban, o.holder) };
    }
    case 'cultural_good': {
      const inv = o.inventoryNumber?.trim().toUpperCase() || null;
      const desc = o.description.length > 80 ? `${o.description.slice(0, 77)}…` : o.description;
      return { identifier: inv, identifierKey: inv && foldConfusables(inv.replace(/[^\p{L}\p{N}]/gu, '')), identifier2: null, identifier2Key: null, country: null, displayName: desc };
    }
  }
}

export function prepareObject(sourceId: string, rec: ObjectRecord): Prepared<PreparedObject> {
  const issues: FieldIssue[] = [];
  const ids = identifiersOf(rec, issues);
  if (rec.kind === 'document') checkDate(issues, 'expiry', rec.expiry);
  const recordJson = JSON.stringify(rec);
  checkStorableText(issues, recordJson, rec);
  if (issues.length) return { ok: false, issues };
  return {
    ok: true,
    value: {
      id: recordId('object', sourceId, rec.ref),
      sourceId,
      ref: rec.ref,
      kind: rec.kind,
      ...ids,
      displayName: ids.displayName || `${rec.kind} ${rec.ref}`,
      recordJson,
    },
  };
}
