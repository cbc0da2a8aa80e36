// The identifier columns of an object row (objects.identifier, _key,
// identifier2, _key, country), computed the one way both the writer and the
// search use: a value normalised for its kind and a key with letter/digit
// confusions folded for the tolerant lookup.
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
} from '../../identifiers/index.ts';

export interface ObjectIdentifierColumns {
  identifier: string | null;
  identifier_key: string | null;
  identifier2: string | null;
  identifier2_key: string | null;
  country: string | null;
}

function orRaw(r: { ok: true; value: string } | { ok: false }, raw: string): string {
  // A stored record whose identifier fails validation is still findable by what it says.
  return r.ok ? r.value : raw.replace(/[\s.\-/]/g, '').toUpperCase();
}

export function objectIdentifierColumns(o: ObjectRecord): ObjectIdentifierColumns {
  switch (o.kind) {
    case 'vehicle': {
      const plate = o.plate ? orRaw(normalisePlate(o.plate), o.plate) : null;
      if (o.vin) {
        const vin = orRaw(normaliseVin(o.vin), o.vin);
        return { identifier: vin, identifier_key: foldConfusables(vin), identifier2: plate, identifier2_key: plate && plateKey(plate), country: o.plateCountry ?? null };
      }
      return { identifier: plate, identifier_key: plate && plateKey(plate), identifier2: null, identifier2_key: null, country: o.plateCountry ?? null };
    }
    case 'number_plate': {
      const plate = orRaw(normalisePlate(o.plate), o.plate);
      return { identifier: plate, identifier_key: plateKey(plate), identifier2: null, identifier2_key: null, country: o.plateCountry };
    }
    case 'firearm': {
      const serial = orRaw(normaliseSerial(o.serial), o.serial);
      return { identifier: serial, identifier_key: serialKey(serial), identifier2: null, identifier2_key: null, country: null };
    }
    case 'document': {
      const number = orRaw(normaliseDocumentNumber(o.number), o.number);
      return { identifier: number, identifier_key: documentNumberKey(number), identifier2: null, identifier2_key: null, country: o.issuingCountry };
    }
    case 'bank_account': {
      const iban = orRaw(normaliseIban(o.iban), o.iban);
      return { identifier: iban, identifier_key: iban, identifier2: null, identifier2_key: null, country: iban.slice(0, 2) || null };
    }
    case 'cultural_good': {
      const inv = o.inventoryNumber ? o.inventoryNumber.replace(/[\s.\-/]/g, '').toUpperCase() : null;
      return { identifier: inv, identifier_key: inv && serialKey(inv), identifier2: null, identifier2_key: null, country: null };
    }
  }
}

/** One line for lists and hits: what the object is, by its identifier. */
export function objectDisplayName(o: ObjectRecord): string {
  switch (o.kind) {
    case 'vehicle':
      return ['vehicle', [o.make, o.model].filter(Boolean).join(' '), o.vin ? `VIN ${o.vin}` : '', o.plate ? `plate ${o.plate}${o.plateCountry ? ` (${o.plateCountry})` : ''}` : ''].filter(Boolean).join(', ');
    case 'number_plate':
      return `number plate ${o.plate} (${o.plateCountry})`;
    case 'firearm':
      return ['firearm', [o.make, o.model].filter(Boolean).join(' '), `serial ${o.serial}`].filter(Boolean).join(', ');
    case 'document':
      return `${o.documentType.replace('_', ' ')} ${o.number} (${o.issuingCountry}), ${o.state}`;
    case 'bank_account':
      return `bank account ${o.iban}`;
    case 'cultural_good':
      return `cultural good: ${o.description.slice(0, 80)}${o.inventoryNumber ? ` (inv. ${o.inventoryNumber})` : ''}`;
  }
}
