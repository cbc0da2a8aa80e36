import { describe, expect, it } from 'vitest';
import { csvLine, invalidUtf8Line, parsePeopleCsv } from './csv.ts';
import { seededRandom } from './model/random.ts';

const HEADER = 'id,given_names,surname,birth_date,sex,nationality,place_of_birth,document_number,address\n';

describe('people CSV', () => {
  it('reads all columns, partial dates, several documents, any script, and ignores unknown columns', () => {
    const r = parsePeopleCsv('\uFEFFid,surname,given_names,birth_date,nationality,document_number,remark\n'
      + '1,Шевченко,Олександр,1987,UKR;pol,FE123456;AB 99,x\n2,"de la Cruz, Jr",María,1990-04,,,\n');
    expect(r.errors).toEqual([]);
    expect(r.records).toHaveLength(2);
    expect(r.records[0]).toMatchObject({ id: '1', names: [{ given: 'Олександр', family: 'Шевченко' }], birthDate: '1987', nationalities: ['UKR', 'POL'], documentNumbers: ['FE123456', 'AB 99'] });
    expect(r.records[1].names[0].family).toBe('de la Cruz, Jr');
    expect(r.lines).toEqual([2, 3]);
  });

  it('names the line of each problem', () => {
    const r = parsePeopleCsv(`${HEADER}1,A,B,1987-02-30x,,,,,\n,A,B,,,,,,\n1,C,D,,,,,,\n4,E,F\n5,G,H,,Q,,,,\n6,I,J,,,U1,,,\n`);
    expect(r.errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(r.errors[0].message).toMatch(/birth_date "1987-02-30x"/);
    expect(r.errors[1].message).toMatch(/id is empty/);
    expect(r.errors[2].message).toMatch(/already used on line 2/);
    expect(r.errors[3].message).toMatch(/expected 9 columns.*found 3/);
    expect(r.errors[4].message).toMatch(/sex "Q"/);
    expect(r.errors[5].message).toMatch(/nationality "U1"/);
  });

  it('rejects a file without id column, an empty file and broken quoting', () => {
    expect(parsePeopleCsv('name,surname\nA,B\n').errors[0]).toMatchObject({ line: 1, message: expect.stringMatching(/no "id" column/) });
    expect(parsePeopleCsv('').errors[0].message).toMatch(/empty/);
    const q = parsePeopleCsv(`${HEADER}1,"A,B,,,,,,,\n2,C,D,,,,,,\n`);
    expect(q.errors).toHaveLength(1);
    expect(q.errors[0].message).toMatch(/not valid CSV/);
  });

  it('finds the line with invalid UTF-8', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode(`${HEADER}1,A,B,,,,,,\n`), 0x32, 0x2c, 0xff, 0xfe, 0x0a]);
    expect(invalidUtf8Line(bytes)).toBe(3);
    const r = parsePeopleCsv(bytes);
    expect(r.errors[0]).toMatchObject({ line: 3, message: expect.stringMatching(/UTF-8/) });
  });

  it('survives random and mutated input without throwing', () => {
    const rnd = seededRandom(99);
    const base = `${HEADER}1,Anna,Smith,1980-01-02,F,GBR,London,AB123,"1 High St"\n2,Ivan,Петров,1975,M,,,,\n`;
    const alphabet = ',"\n\r;ab1-é\u0000\uFEFFШ ';
    for (let n = 0; n < 300; n++) {
      const chars = [...base];
      for (let k = 0; k < 5; k++) chars.splice(Math.floor(rnd() * chars.length), Math.floor(rnd() * 3), alphabet[Math.floor(rnd() * alphabet.length)]);
      const input = n % 3 === 0 ? Uint8Array.from({ length: 60 }, () => Math.floor(rnd() * 256)) : chars.join('');
      const r = parsePeopleCsv(input);
      expect(Array.isArray(r.records)).toBe(true);
      expect(r.records.length).toBe(r.lines.length);
      for (const e of r.errors) expect(e.line).toBeGreaterThanOrEqual(0);
    }
  });

  it('quotes output fields that need it', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', 0.5])).toBe('a,"b,c","say ""hi""",0.5\n');
  });
});
