import { describe, expect, it } from 'vitest';
import * as identifiers from './index.ts';
import { normaliseObjectIdentifier } from './index.ts';

describe('normaliseObjectIdentifier', () => {
  it('dispatches by kind', () => {
    expect(normaliseObjectIdentifier('vehicle_vin', '1m8gdm9axkp042788')).toEqual({ ok: true, value: '1M8GDM9AXKP042788' });
    expect(normaliseObjectIdentifier('plate', 'gv-123-x', 'NL')).toEqual({ ok: true, value: 'GV123X' });
    expect(normaliseObjectIdentifier('firearm_serial', 'abc 123')).toEqual({ ok: true, value: 'ABC123' });
    expect(normaliseObjectIdentifier('document_number', 'l898902c3')).toEqual({ ok: true, value: 'L898902C3' });
    expect(normaliseObjectIdentifier('iban', 'NL91 ABNA 0417 1643 00')).toEqual({ ok: true, value: 'NL91ABNA0417164300' });
  });

  it('passes errors and the plate country through', () => {
    expect(normaliseObjectIdentifier('iban', 'NL90ABNA0417164300')).toEqual({ ok: false, error: 'IBAN check digits do not match: expected 91, got 90' });
    expect(normaliseObjectIdentifier('plate', 'XXXXXXXX', 'NLD')).toMatchObject({ ok: true, warnings: [expect.stringContaining('NLD')] });
  });

  it('refuses an unknown kind instead of throwing', () => {
    expect(normaliseObjectIdentifier('dna' as never, 'x')).toEqual({ ok: false, error: "unknown identifier kind 'dna'" });
  });
});

describe('index', () => {
  it('exports the public API', () => {
    for (const name of [
      'toCountryCode', 'countryName', 'normaliseIban', 'formatIban', 'normaliseVin', 'normalisePlate', 'plateKey',
      'normaliseDocumentNumber', 'documentNumberKey', 'normaliseSerial', 'serialKey', 'parseMrz', 'detectIdentifier',
      'normaliseObjectIdentifier',
    ]) {
      expect(typeof (identifiers as Record<string, unknown>)[name]).toBe('function');
    }
  });
});
