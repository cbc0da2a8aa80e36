import { describe, expect, it } from 'vitest';
import { detectScript } from './script.ts';

describe('detectScript', () => {
  it.each([
    ['Müller', 'latin'],
    ["O'Brien-Smith 3rd", 'latin'],
    ['Шевченко', 'cyrillic'],
    ['ЂОКОВИЋ', 'cyrillic'],
    ['Γεώργιος', 'greek'],
    ['محمد', 'arabic'],
    ['مُحَمَّد', 'arabic'],
    ['李小龙', 'other'],
    ['123 --', 'other'],
    ['', 'other'],
    // A Latin E typed into a Cyrillic name.
    ['ШEВЧЕНКО', 'mixed'],
    ['Ivan Иванов', 'mixed'],
  ])('%j → %s', (input, expected) => {
    expect(detectScript(input)).toBe(expected);
  });
});
