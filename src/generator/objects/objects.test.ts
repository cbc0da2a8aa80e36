import { describe, expect, it } from 'vitest';
import { isValidIBAN, extractIBAN } from 'ibantools';
import { Vehicle } from '../../domain/object.ts';
import { documentNumber } from '../documents.ts';
import { Rng } from '../prng.ts';
import { fillTemplate } from '../template.ts';
import { IBAN_COUNTRIES, randomIban } from './iban.ts';
import { plate, vehicle, vin } from './objects.ts';
import { modelYearCode, vinCheckDigit } from './vin.ts';

describe('VIN', () => {
  it('computes the ISO 3779 check digit of known VINs', () => {
    expect(vinCheckDigit('1M8GDM9AXKP042788')).toBe('X');
    expect(vinCheckDigit('11111111111111111')).toBe('1');
    expect(vinCheckDigit('1HGCM82633A004352')).toBe('3');
  });

  it('builds VINs with manufacturer prefix, model year and a correct check digit', () => {
    const rng = new Rng(1);
    for (let i = 0; i < 500; i++) {
      const v = vin(rng, 'WVW', 2015);
      expect(v).toMatch(/^WVW[A-HJ-NPR-Z0-9]{14}$/);
      expect(v[8]).toBe(vinCheckDigit(v));
      expect(v[9]).toBe(modelYearCode(2015));
    }
    expect(modelYearCode(2000)).toBe('Y');
    expect(modelYearCode(2001)).toBe('1');
    expect(modelYearCode(2010)).toBe('A');
    expect(modelYearCode(2024)).toBe('R');
  });

  it('makes vehicles that satisfy the domain schema', () => {
    const rng = new Rng(2);
    for (let i = 0; i < 300; i++) {
      const { type: _t, source: _s, ...v } = vehicle(rng, { y: 2026, m: 1, d: 1 });
      expect(Vehicle.safeParse({ ...v, ref: 'V1' }).success).toBe(true);
    }
  });
});

describe('IBAN', () => {
  it('passes ibantools for every supported country, national check digits included', () => {
    const rng = new Rng(7);
    for (const [country] of IBAN_COUNTRIES) {
      for (let i = 0; i < 300; i++) {
        const { iban } = randomIban(rng, country);
        expect(isValidIBAN(iban), iban).toBe(true);
        expect(extractIBAN(iban).countryCode).toBe(country);
      }
    }
  });

  it('gives Dutch accounts the bank’s BIC', () => {
    const { iban, bic } = randomIban(new Rng(3), 'NL');
    expect(bic?.slice(0, 4)).toBe(iban.slice(4, 8));
  });
});

describe('identifiers in national formats', () => {
  it('computes the Spanish DNI control letter', () => {
    const rng = new Rng(5);
    for (let i = 0; i < 200; i++) {
      const n = documentNumber(rng, 'ESP', 'id_card');
      expect(n).toMatch(/^\d{8}[A-Z]$/);
      expect(n[8]).toBe('TRWAGMYFPDXBNJZSQVHLCKE'[Number(n.slice(0, 8)) % 23]);
    }
  });

  it('fills plate and document templates', () => {
    const rng = new Rng(8);
    expect(fillTemplate(rng, 'LL-DDD-LL')).toMatch(/^[A-Z]{2}-\d{3}-[A-Z]{2}$/);
    expect(fillTemplate(rng, '{AA|DD} D')).toMatch(/^(AA|DD) \d$/);
    expect(fillTemplate(rng, '[DD|LL]')).toMatch(/^(\d\d|[A-Z]{2})$/);
    expect(plate(rng, 'NLD')).toMatch(/^[0-9BCDFGHJKLMNPRSTVWXZ]{1,3}-[0-9BCDFGHJKLMNPRSTVWXZ]{2,3}-[0-9BCDFGHJKLMNPRSTVWXZ]{1,2}$/);
    expect(plate(rng, 'FRA')).toMatch(/^[A-Z]{2}-\d{3}-[A-Z]{2}$/);
    expect(plate(rng, 'ESP')).toMatch(/^\d{4} [B-DF-HJ-NP-TV-XZ]{3}$/);
    expect(documentNumber(rng, 'UKR', 'passport')).toMatch(/^[A-Z]{2}\d{6}$/);
  });
});
