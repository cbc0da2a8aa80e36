import { describe, expect, it } from 'vitest';
import { MAX_NAME_FORMS, nameForms } from './parse.ts';

const first = (given: string, family: string) => nameForms(given, family)[0];

describe('nameForms', () => {
  it('keeps hyphenated names in parts and joined', () => {
    expect(first('Jean-Pierre', 'Dupont')).toEqual({ given: ['JEAN', 'PIERRE', 'JEANPIERRE'], family: ['DUPONT'] });
    expect(first('Anna', 'Müller-Lüdenscheidt').family).toEqual(['MULLER', 'LUDENSCHEIDT', 'MULLERLUDENSCHEIDT']);
  });

  it('attaches particles to the name that follows and keeps the bare name', () => {
    expect(first('Ludwig', 'van Beethoven').family).toEqual(['VANBEETHOVEN', 'BEETHOVEN']);
    expect(first('Ruud', 'van der Berg').family).toEqual(['VANDERBERG', 'BERG']);
    expect(first('Maria', 'de la Cruz').family).toEqual(['DELACRUZ', 'CRUZ']);
    expect(first('Ahmed', 'al-Hassan').family).toEqual(['ALHASSAN', 'HASSAN']);
    expect(first('Ahmed', 'Al Hassan').family).toEqual(['ALHASSAN', 'HASSAN']);
    expect(first('Otto', 'von Bismarck').family).toEqual(['VONBISMARCK', 'BISMARCK']);
    expect(first('Abu Bakr', 'bin Laden')).toEqual({ given: ['ABUBAKR', 'BAKR'], family: ['BINLADEN', 'LADEN'] });
    expect(first('Leonardo', 'da Vinci').family).toEqual(['DAVINCI', 'VINCI']);
  });

  it('adds the bare name after an elided particle', () => {
    expect(first('Seán', "O'Brien").family).toEqual(['OBRIEN', 'BRIEN']);
    expect(first('Lucia', "D'Angelo").family).toEqual(['DANGELO', 'ANGELO']);
  });

  it('keeps both Spanish surnames, apart and joined', () => {
    expect(first('José María', 'García López')).toEqual({
      given: ['JOSE', 'MARIA', 'JOSEMARIA'],
      family: ['GARCIA', 'LOPEZ', 'GARCIALOPEZ'],
    });
  });

  it('keeps initials as one-letter tokens and does not join them', () => {
    expect(first('J. R. R.', 'Tolkien').given).toEqual(['J', 'R']);
    expect(first('Anna M.', 'Kowalska').given).toEqual(['ANNA', 'M']);
  });

  it('takes MRZ filler and truncation as they come', () => {
    expect(first('OLEKSANDR<<<<<<', 'SHEVCHENKO')).toEqual({ given: ['OLEKSANDR'], family: ['SHEVCHENKO'] });
    expect(first('MARIA<ELENA', 'SCHWARZENEGG')).toEqual({ given: ['MARIA', 'ELENA', 'MARIAELENA'], family: ['SCHWARZENEGG'] });
  });

  it('is not fooled by a particle as the whole name', () => {
    expect(first('', 'Van').family).toEqual(['VAN']);
    expect(first('', 'de la').family).toEqual(['DELA', 'LA']);
  });

  it('gives one form per spelling of a name in another script, standard spelling first', () => {
    const forms = nameForms('Олександр', 'Шевченко');
    expect(forms[0]).toEqual({ given: ['OLEKSANDR'], family: ['SHEVCHENKO'] });
    expect(forms.length).toBeLessThanOrEqual(MAX_NAME_FORMS);
    const families = new Set(forms.map((f) => f.family[0]));
    expect(families).toEqual(new Set(['SHEVCHENKO', 'SCHEWTSCHENKO', 'CHEVTCHENKO', 'SEVCENKO', 'SZEWCZENKO']));
    const givens = new Set(forms.map((f) => f.given[0]));
    expect(givens).toEqual(new Set(['OLEKSANDR', 'OLEXANDR']));
  });

  it('renders the Arabic article like the Latin one', () => {
    const forms = nameForms('أحمد', 'الحسن');
    expect(forms[0]).toEqual({ given: ['AHMED'], family: ['ALHASSAN', 'HASSAN'] });
    expect(forms.some((f) => f.given[0] === 'AHMAD')).toBe(true);
  });

  it('renders Greek names', () => {
    expect(first('Γεώργιος', 'Παπαδόπουλος')).toEqual({ given: ['GEORGIOS'], family: ['PAPADOPOULOS'] });
  });

  it('handles a missing part', () => {
    expect(nameForms('', 'Müller')).toEqual([{ given: [], family: ['MULLER'] }, { given: [], family: ['MUELLER'] }]);
    expect(nameForms('Anna', '')).toEqual([{ given: ['ANNA'], family: [] }]);
    expect(nameForms('', '')).toEqual([]);
    expect(nameForms(' - ', '...')).toEqual([]);
  });

  it('does not repeat a combination', () => {
    for (const [g, f] of [['Юрій', 'Ковальчук'], ['محمد', 'عبد الله'], ['Müller', 'Groß']]) {
      const forms = nameForms(g, f);
      const keys = forms.map((x) => `${x.given.join(' ')}|${x.family.join(' ')}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});
