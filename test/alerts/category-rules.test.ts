// The per-category table: what each alert category demands of its subject and fields.
import { describe, expect, it } from 'vitest';
import { AlertCategory } from '../../src/domain/alert.ts';
import { CATEGORY_RULES, checkCategoryRules, mayBeChild } from '../../src/services/alerts/category-rules.ts';

const today = '2026-06-01';

describe('alert category rules', () => {
  it('has a rule for every category of the data model', () => {
    expect(Object.keys(CATEGORY_RULES).sort()).toEqual([...AlertCategory.options].sort());
  });

  it('treats a person as a possible child by the youngest age their partial birth date allows', () => {
    expect(mayBeChild('2010-06-02', today)).toBe(true);
    expect(mayBeChild('2008-06-01', today)).toBe(false);
    expect(mayBeChild('2008-06-02', today)).toBe(true);
    expect(mayBeChild('2008', today)).toBe(true); // born late 2008: 17
    expect(mayBeChild('2007', today)).toBe(false);
    expect(mayBeChild('2008-05', today)).toBe(false);
    expect(mayBeChild(null, today)).toBe(false);
  });

  it('asks an arrest for its legal basis, and a missing child for protective measures', () => {
    expect(checkCategoryRules({ category: 'arrest' }, { type: 'person' }, today)).toEqual([{ path: 'legalBasis', message: expect.stringMatching(/legal basis/) }]);
    expect(checkCategoryRules({ category: 'arrest', legalBasis: '  ' }, { type: 'person' }, today)).toHaveLength(1);
    expect(checkCategoryRules({ category: 'missing' }, { type: 'person', birthDate: '1990' }, today)).toEqual([]);
    expect(checkCategoryRules({ category: 'missing' }, { type: 'person', birthDate: '2015-01-01' }, today)).toEqual([
      { path: 'protectiveMeasures', message: expect.stringMatching(/under 18/) },
    ]);
  });

  it('keeps persons and objects to their categories and checks a document alert\'s document', () => {
    expect(checkCategoryRules({ category: 'object_seizure' }, { type: 'person' }, today)[0].path).toBe('subject/type');
    expect(checkCategoryRules({ category: 'arrest', legalBasis: 'x' }, { type: 'object', objectKind: 'vehicle' }, today)[0].path).toBe('subject/type');
    expect(checkCategoryRules({ category: 'discreet_check', reason: 'r' }, { type: 'object', objectKind: 'cultural_good' }, today)[0].path).toBe('subject');
    expect(checkCategoryRules({ category: 'object_seizure' }, { type: 'object', objectKind: 'document', objectRecord: { number: 'X1', documentType: 'passport', issuingCountry: 'NLD' } }, today)).toEqual([]);
    expect(checkCategoryRules({ category: 'object_seizure' }, { type: 'object', objectKind: 'document', objectRecord: { number: 'X1' } }, today).map((i) => i.path)).toEqual([
      'subject/record/documentType',
      'subject/record/issuingCountry',
    ]);
  });
});
