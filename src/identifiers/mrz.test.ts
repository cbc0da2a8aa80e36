import { describe, expect, it } from 'vitest';
import { parse as oracleParse } from 'mrz';
import { parseMrz, type ParsedMrz } from './mrz.ts';
import { mrzCheckDigit } from './mrz-check-digit.ts';
import { documentTypeFromMrz } from './mrz-document-type.ts';
import { expandMrzDate, mrzDateProblem } from './mrz-dates.ts';
import { ALPHABETS, expectWellFormed, mutate, pick, prng, randomString } from './testing/fuzz.ts';

const today = new Date('2026-11-23T12:00:00Z');
const parse = (text: string) => parseMrz(text, { today });

// ICAO 9303 specimens: part 4 (TD3), part 5 (TD1), part 6 (TD2), part 7 (MRV-A, MRV-B).
const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const TD1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
const TD2 = ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'];
const MRVA = ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L8988901C4XXX4009078F96121096ZE184226B<<<<<<'];
const MRVB = ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'L8988901C4XXX4009078F9612109<<<<<<<<'];
// German specimens (Bundesdruckerei "Erika Mustermann"): the ICAO code D, and sex < on the ID card.
const DEU_PASSPORT = ['P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<', 'C01X00T478D<<6408125F2702283<<<<<<<<<<<<<<<4'];
const DEU_ID_CARD = ['IDD<<T220001293<<<<<<<<<<<<<<<', '6408125<2010315D<<<<<<<<<<<<<4', 'MUSTERMANN<<ERIKA<<<<<<<<<<<<<'];

const UTO_WARNINGS = [
  'MRZ issuing state UTO is not an ISO 3166-1 or ICAO 9303 code (UTO is ICAO’s specimen state)',
  'MRZ nationality UTO is not an ISO 3166-1 or ICAO 9303 code (UTO is ICAO’s specimen state)',
];

function value(result: ReturnType<typeof parseMrz>): ParsedMrz {
  if (!result.ok) throw new Error(`expected a parse, got: ${result.error}`);
  return result.value;
}

describe('parseMrz: ICAO specimens', () => {
  it('parses the TD3 passport specimen', () => {
    expect(parse(TD3.join('\n'))).toEqual({
      ok: true,
      value: {
        format: 'TD3',
        documentType: 'P',
        issuingCountry: 'UTO',
        documentNumber: 'L898902C3',
        surname: 'ERIKSSON',
        givenNames: 'ANNA MARIA',
        nationality: 'UTO',
        birthDate: '1974-08-12',
        sex: 'F',
        expiryDate: '2012-04-15',
        optionalData: 'ZE184226B',
        checks: [
          { field: 'documentNumber', valid: true },
          { field: 'birthDate', valid: true },
          { field: 'expiryDate', valid: true },
          { field: 'optionalData', valid: true },
          { field: 'composite', valid: true },
        ],
        truncated: false,
        lines: TD3,
      },
      warnings: UTO_WARNINGS,
    });
  });

  it('parses the TD1 identity-card specimen', () => {
    const mrz = value(parse(TD1.join('\n')));
    expect(mrz).toMatchObject({
      format: 'TD1', documentType: 'I', issuingCountry: 'UTO', documentNumber: 'D23145890',
      surname: 'ERIKSSON', givenNames: 'ANNA MARIA', nationality: 'UTO', birthDate: '1974-08-12', sex: 'F', expiryDate: '2012-04-15',
      truncated: false,
    });
    expect(mrz.optionalData).toBeUndefined();
    expect(mrz.checks).toEqual([
      { field: 'documentNumber', valid: true },
      { field: 'birthDate', valid: true },
      { field: 'expiryDate', valid: true },
      { field: 'composite', valid: true },
    ]);
  });

  it('parses the TD2 specimen', () => {
    const mrz = value(parse(TD2.join('\n')));
    expect(mrz).toMatchObject({ format: 'TD2', documentNumber: 'D23145890', surname: 'ERIKSSON', givenNames: 'ANNA MARIA', birthDate: '1974-08-12' });
    expect(mrz.checks.every((c) => c.valid)).toBe(true);
    expect(mrz.checks.map((c) => c.field)).toEqual(['documentNumber', 'birthDate', 'expiryDate', 'composite']);
  });

  it('parses the MRV-A and MRV-B visa specimens, which have no composite check digit', () => {
    const a = value(parse(MRVA.join('\n')));
    expect(a).toMatchObject({
      format: 'MRVA', documentType: 'V', documentNumber: 'L8988901C', nationality: 'XXX', birthDate: '1940-09-07', sex: 'F', expiryDate: '1996-12-10',
      optionalData: '6ZE184226B',
    });
    expect(a.checks.map((c) => c.field)).toEqual(['documentNumber', 'birthDate', 'expiryDate']);
    expect(a.checks.every((c) => c.valid)).toBe(true);
    const b = value(parse(MRVB.join('\n')));
    expect(b).toMatchObject({ format: 'MRVB', documentNumber: 'L8988901C', nationality: 'XXX', birthDate: '1940-09-07' });
    expect(b.checks.every((c) => c.valid)).toBe(true);
  });

  it('maps the German D to DEU and an unspecified sex (<) to X', () => {
    const passport = parse(DEU_PASSPORT.join('\n'));
    expect(passport.ok && passport.warnings).toBeUndefined();
    expect(value(passport)).toMatchObject({ issuingCountry: 'DEU', nationality: 'DEU', documentNumber: 'C01X00T47', surname: 'MUSTERMANN', givenNames: 'ERIKA', expiryDate: '2027-02-28' });
    expect(value(parse(DEU_ID_CARD.join('\n')))).toMatchObject({ format: 'TD1', documentType: 'ID', issuingCountry: 'DEU', sex: 'X', documentNumber: 'T22000129' });
  });
});

describe('parseMrz: tolerated input shapes', () => {
  const expected = value(parse(TD3.join('\n')));
  it.each([
    ['CRLF and surrounding whitespace', `\r\n  ${TD3[0]}  \r\n${TD3[1]}\r\n\r\n`],
    ['lower case', TD3.join('\n').toLowerCase()],
    ['« for <', TD3.join('\n').replace(/</g, '«')],
    ['one line of 88', TD3.join('')],
    ['spaces inside lines', TD3.map((l) => l.replace(/(.{4})/g, '$1 ')).join('\n')],
  ])('%s', (_, text) => {
    expect(value(parse(text))).toEqual(expected);
  });

  it('splits one line of 90 (TD1) and 72 (TD2)', () => {
    expect(value(parse(TD1.join(''))).format).toBe('TD1');
    expect(value(parse(TD2.join(''))).format).toBe('TD2');
    expect(value(parse(MRVB.join(''))).format).toBe('MRVB');
  });

  it('pads a name line whose trailing fillers were trimmed, and says so', () => {
    const result = parse(`P<UTOERIKSSON<<ANNA<MARIA\n${TD3[1]}`);
    expect(result.ok && result.value.surname).toBe('ERIKSSON');
    expect(result.ok && result.warnings).toContain('MRZ line 1 had 25 characters and was padded with < to 44; check that no letter of the name is missing');
  });
});

describe('parseMrz: check digits', () => {
  it('keeps a corrupted document-number check digit as ok, with the failed checks and a warning', () => {
    const corrupted = [TD3[0], `${TD3[1].slice(0, 9)}7${TD3[1].slice(10)}`].join('\n');
    const result = parse(corrupted);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.checks).toEqual([
      { field: 'documentNumber', valid: false },
      { field: 'birthDate', valid: true },
      { field: 'expiryDate', valid: true },
      { field: 'optionalData', valid: true },
      { field: 'composite', valid: false },
    ]);
    expect(result.warnings).toEqual([
      ...UTO_WARNINGS,
      "MRZ document number check digit at line 2, column 10 is '7', computed 6",
      "MRZ composite check digit at line 2, column 44 is '0', computed 7",
    ]);
  });

  it('detects a mistyped birth date through its check digit', () => {
    const corrupted = [TD1[0], `7408132${TD1[1].slice(7)}`, TD1[2]].join('\n');
    const mrz = value(parse(corrupted));
    expect(mrz.birthDate).toBe('1974-08-13');
    expect(mrz.checks.filter((c) => !c.valid).map((c) => c.field)).toEqual(['birthDate', 'composite']);
  });

  it('reads a TD1 long document number from the optional data', () => {
    // Document number D23145890734: nine characters, a filler, the rest and its check digit in the optional data.
    const line1 = 'I<UTOD23145890<7349<<<<<<<<<<<';
    const line2head = '7408122F1204159UTO<<<<<<<<<<<';
    const composite = mrzCheckDigit(line1.slice(5, 30) + line2head.slice(0, 7) + line2head.slice(8, 15) + line2head.slice(18, 29));
    const mrz = value(parse([line1, line2head + composite, TD1[2]].join('\n')));
    expect(mrz.documentNumber).toBe('D23145890734');
    expect(mrz.optionalData).toBeUndefined();
    expect(mrz.checks.every((c) => c.valid)).toBe(true);
  });

  it('accepts an all-filler TD3 optional data field with < as its check digit', () => {
    const mrz = value(parse(DEU_PASSPORT.join('\n')));
    expect(mrz.checks.find((c) => c.field === 'optionalData')).toEqual({ field: 'optionalData', valid: true });
  });

  it('computes 7-3-1 check digits', () => {
    expect(mrzCheckDigit('L898902C3')).toBe('6');
    expect(mrzCheckDigit('740812')).toBe('2');
    expect(mrzCheckDigit('<<<<<<<<<')).toBe('0');
  });
});

describe('parseMrz: errors name line and column', () => {
  it.each([
    ['empty', '  \n ', 'MRZ is empty'],
    ['garbage', 'hello world', 'MRZ is one line of 10 characters; an MRZ has 2 lines of 44 or 36 characters or 3 of 30 (88, 72 or 90 when pasted as one line)'],
    ['a short data line', `${TD3[0]}\n${TD3[1].slice(1)}`, 'MRZ line 2 has 43 characters; expected 44 like the other line'],
    ['four lines', [...TD1, 'X'].join('\n'), 'MRZ has 4 lines; expected 2 (passport, TD2, visa) or 3 (ID card)'],
    ['a bad character', `${TD3[0].slice(0, 6)}@${TD3[0].slice(7)}\n${TD3[1]}`, "MRZ line 1, column 7: '@' is not allowed (only A–Z, 0–9 and <)"],
    ['a month 13', [TD1[0], `7413122${TD1[1].slice(7)}`, TD1[2]].join('\n'), "MRZ line 2, column 3: birth date has month '13' is not a month"],
    ['a 30 February', [TD3[0], TD3[1].slice(0, 21) + '120230' + TD3[1].slice(27)].join('\n'), "MRZ line 2, column 26: expiry date has day '30' does not exist in month 02"],
    ['a letter in a date', [TD3[0], TD3[1].slice(0, 15) + 'O' + TD3[1].slice(16)].join('\n'), "MRZ line 2, column 16: birth date has 'O' in a date (YYMMDD, digits or << for unknown); probably the digit 0, misread"],
    ['a bad sex', [TD3[0], TD3[1].slice(0, 20) + 'Q' + TD3[1].slice(21)].join('\n'), "MRZ line 2, column 21: sex must be M, F, X or <, found 'Q'"],
    ['a digit in the name', [TD3[0].replace('ANNA', 'ANN4'), TD3[1]].join('\n'), "MRZ line 1, column 19: names must be letters and <, found '4'"],
    ['a digit in a country', [TD3[0], TD3[1].slice(0, 11) + '7' + TD3[1].slice(12)].join('\n'), "MRZ line 2, column 12: nationality must be letters, found '7'"],
    ['lines of an unknown width', 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184', 'MRZ line 2 has 33 characters; a two-line MRZ has 44 (passport, MRV-A visa) or 36 (TD2, MRV-B visa)'],
  ])('%s', (_, text, error) => {
    expect(parse(text)).toEqual({ ok: false, error });
  });
});

describe('parseMrz: names and dates', () => {
  it('flags a name that fills its field as possibly truncated', () => {
    const line1 = 'P<UTOVANDERSTEEN<<MARIANNELOUISE<ANTONIA<BEA';
    const mrz = value(parse(`${line1}\n${TD3[1]}`));
    expect(mrz).toMatchObject({ surname: 'VANDERSTEEN', givenNames: 'MARIANNELOUISE ANTONIA BEA', truncated: true });
  });

  it('returns partial birth dates when the MRZ has << for unknown parts', () => {
    expect(expandMrzDate('74<<<<', 'birth', today)).toBe('1974');
    expect(expandMrzDate('7408<<', 'birth', today)).toBe('1974-08');
    expect(expandMrzDate('<<<<<<', 'birth', today)).toBe('');
    const mrz = value(parse([TD3[0], TD3[1].slice(0, 13) + '74<<<<' + TD3[1].slice(19)].join('\n')));
    expect(mrz.birthDate).toBe('1974');
  });

  it('puts birth dates in the past and expiry dates within fifty years of today', () => {
    expect(expandMrzDate('251122', 'birth', today)).toBe('2025-11-22');
    expect(expandMrzDate('261124', 'birth', today)).toBe('1926-11-24'); // tomorrow, a century ago
    expect(expandMrzDate('261123', 'birth', today)).toBe('2026-11-23');
    expect(expandMrzDate('000229', 'birth', today)).toBe('2000-02-29');
    expect(expandMrzDate('120415', 'expiry', today)).toBe('2012-04-15');
    expect(expandMrzDate('350101', 'expiry', today)).toBe('2035-01-01');
    expect(expandMrzDate('760101', 'expiry', today)).toBe('1976-01-01');
    expect(expandMrzDate('750101', 'expiry', today)).toBe('2075-01-01');
    expect(expandMrzDate('740812', 'birth', new Date('1980-01-01'))).toBe('1974-08-12');
  });

  it('validates date parts', () => {
    expect(mrzDateProblem('740812')).toBeUndefined();
    expect(mrzDateProblem('74<<<<')).toBeUndefined();
    expect(mrzDateProblem('740001')).toEqual({ offset: 2, message: "month '00' is not a month" });
    expect(mrzDateProblem('740431')).toEqual({ offset: 4, message: "day '31' does not exist in month 04" });
    expect(mrzDateProblem('7A0431')).toEqual({ offset: 1, message: "'A' in a date (YYMMDD, digits or << for unknown)" });
  });

  it('leaves out an expiry date that is all fillers, whose check digit may be <', () => {
    const head = TD1[1].slice(0, 8) + '<<<<<<<' + TD1[1].slice(15, 29);
    const composite = mrzCheckDigit(TD1[0].slice(5, 30) + head.slice(0, 7) + head.slice(8, 15) + head.slice(18, 29));
    const result = parse([TD1[0], head + composite, TD1[2]].join('\n'));
    const mrz = value(result);
    expect(mrz.expiryDate).toBeUndefined();
    expect(mrz.checks.every((c) => c.valid)).toBe(true);
  });

  it('falls back to the real today when given an invalid date', () => {
    const mrz = value(parseMrz(TD3.join('\n'), { today: new Date('not a date') }));
    expect(mrz.birthDate).toBe('1974-08-12');
  });
});

describe('documentTypeFromMrz', () => {
  it.each([
    ['P', 'passport'], ['PO', 'passport'], ['V<', 'visa'], ['I', 'id_card'], ['ID', 'id_card'], ['AC', 'id_card'],
    ['IR', 'residence_permit'], ['AR', 'residence_permit'], ['DL', 'other'], ['', 'other'],
  ])('%s → %s', (code, type) => {
    expect(documentTypeFromMrz(code)).toBe(type);
  });
});

/** Check-digit validity per field as the `mrz` package sees it. */
function oracleChecks(lines: string[]): Record<string, boolean> | undefined {
  const labels: Record<string, string> = {
    'Document number check digit': 'documentNumber',
    'Birth date check digit': 'birthDate',
    'Expiration date check digit': 'expiryDate',
    'Personal number check digit': 'optionalData',
    'Composite check digit': 'composite',
  };
  try {
    const result = oracleParse(lines);
    if (!['TD1', 'TD2', 'TD3'].includes(result.format)) return undefined;
    const out: Record<string, boolean> = {};
    for (const d of result.details) if (labels[d.label]) out[labels[d.label]] = d.valid;
    return out;
  } catch {
    return undefined;
  }
}

describe('parseMrz agrees with the mrz package on check digits', () => {
  it('for the specimens and 2000 single-character substitutions of them', () => {
    const rand = prng(9303);
    const specimens = [TD3, TD1, TD2, DEU_PASSPORT, DEU_ID_CARD];
    let compared = 0;
    let failedChecks = 0;
    for (let i = 0; i < 2000 + specimens.length; i++) {
      const base = specimens[i % specimens.length];
      const lines = [...base];
      if (i >= specimens.length) {
        const line = Math.floor(rand() * lines.length);
        const col = Math.floor(rand() * lines[line].length);
        lines[line] = lines[line].slice(0, col) + pick(rand, ALPHABETS.mrz) + lines[line].slice(col + 1);
      }
      const oracle = oracleChecks(lines);
      const ours = parseMrz(lines.join('\n'), { today });
      // Skip what only one side can read: structural errors on ours, long document numbers (the package guesses differently).
      if (!oracle || !ours.ok || lines[0][14] === '<' || (lines.length === 2 && lines[1][9] === '<')) continue;
      for (const c of ours.value.checks) {
        expect({ line: lines, field: c.field, valid: c.valid }).toEqual({ line: lines, field: c.field, valid: oracle[c.field] });
        if (!c.valid) failedChecks++;
      }
      compared++;
    }
    expect(compared).toBeGreaterThan(800);
    expect(failedChecks).toBeGreaterThan(300);
  });
});

describe('parseMrz fuzz', () => {
  it('never throws, and every result is well-formed', () => {
    const rand = prng(4);
    const seeds = [TD3, TD1, TD2, MRVA, MRVB, DEU_PASSPORT, DEU_ID_CARD].map((l) => l.join('\n'));
    let parsed = 0;
    for (let i = 0; i < 4000; i++) {
      const input =
        i % 4 === 0 ? randomString(rand, ALPHABETS.noise + ALPHABETS.mrz, 100)
        : i % 4 === 1 ? randomString(rand, ALPHABETS.mrz + '\n', 95)
        : mutate(rand, pick(rand, seeds), ALPHABETS.mrz + '\n «');
      const result = expectWellFormed(parseMrz(input, { today }));
      if (!result.ok) {
        expect(result.error).toMatch(/^MRZ /);
        continue;
      }
      parsed++;
      const mrz = result.value;
      expect(['TD1', 'TD2', 'TD3', 'MRVA', 'MRVB']).toContain(mrz.format);
      expect(mrz.birthDate).toMatch(/^(\d{4}(-\d\d(-\d\d)?)?)?$/);
      if (mrz.expiryDate !== undefined) expect(mrz.expiryDate).toMatch(/^\d{4}(-\d\d(-\d\d)?)?$/);
      expect(['M', 'F', 'X']).toContain(mrz.sex);
      expect(mrz.documentNumber).toMatch(/^[A-Z0-9]+$/);
      expect(mrz.surname + mrz.givenNames).toMatch(/^[A-Z ]+$/);
      expect(mrz.checks.length).toBeGreaterThanOrEqual(3);
      for (const line of mrz.lines) expect(line).toMatch(/^[A-Z0-9<]+$/);
      // Failed checks and warnings go together.
      const failed = mrz.checks.filter((c) => !c.valid).length;
      expect((result.warnings ?? []).filter((w) => w.includes('check digit'))).toHaveLength(failed);
    }
    expect(parsed).toBeGreaterThan(300);
  });
});
