// What each alert category demands, as data: which subject it may be on and
// which fields must be filled before it can be active. One table so that the
// API, the review of proposed alerts and the documentation agree.
import type { AlertCategory } from '../../domain/alert.ts';
import type { ObjectKind } from '../../domain/object.ts';
import type { FieldIssue } from '../../domain/errors.ts';

export type RequiredField = 'legalBasis' | 'reason' | 'protectiveMeasures' | 'crimeArea';

export interface CategoryRule {
  subject: 'person' | 'object' | 'person_or_object';
  /** Object kinds allowed when the subject is an object (all when absent). */
  objectKinds?: readonly ObjectKind[];
  requires: readonly RequiredField[];
  /** Required in addition when the person is a child (under 18 on the day the alert is written). */
  requiresForChild?: readonly RequiredField[];
  /** Why, for the error message and docs. */
  note: string;
}

const CHECKABLE_OBJECTS: readonly ObjectKind[] = ['vehicle', 'number_plate', 'bank_account', 'document', 'firearm'];

export const CATEGORY_RULES: Readonly<Record<AlertCategory, CategoryRule>> = {
  arrest: { subject: 'person', requires: ['legalBasis'], note: 'an arrest needs the warrant or decision it executes' },
  missing: { subject: 'person', requires: [], requiresForChild: ['protectiveMeasures'], note: 'a missing child must say how to protect them' },
  protection: { subject: 'person', requires: ['protectiveMeasures'], note: 'a protection alert exists to say how to protect the person' },
  judicial_procedure: { subject: 'person', requires: ['legalBasis'], note: 'a summons or service needs the procedure it belongs to' },
  discreet_check: { subject: 'person_or_object', objectKinds: CHECKABLE_OBJECTS, requires: ['reason'], note: 'a check must say what it is for' },
  inquiry_check: { subject: 'person_or_object', objectKinds: CHECKABLE_OBJECTS, requires: ['reason'], note: 'a check must say what it is for' },
  specific_check: { subject: 'person_or_object', objectKinds: CHECKABLE_OBJECTS, requires: ['reason'], note: 'a check must say what it is for' },
  refusal_of_entry: { subject: 'person', requires: ['legalBasis'], note: 'a refusal of entry rests on a return or entry-ban decision' },
  object_seizure: { subject: 'object', requires: [], note: 'seizure is for objects; documents must carry number, type and issuing country' },
  unknown_suspect: { subject: 'person', requires: ['reason', 'crimeArea'], note: 'an unknown suspect alert names the offence' },
};

export interface RuleSubject {
  type: 'person' | 'object';
  objectKind?: string;
  /** Person's birth date as known (YYYY, YYYY-MM, YYYY-MM-DD). */
  birthDate?: string | null;
  /** Object record, to check a document's number, type and country. */
  objectRecord?: Record<string, unknown>;
}

export interface RuleFields {
  category: AlertCategory;
  legalBasis?: string;
  reason?: string;
  protectiveMeasures?: string;
  crimeArea?: string;
}

/**
 * Whether the person may be under 18 on `today`. With only a year (or
 * month) known, the youngest possible age counts: better to ask for
 * protective measures once too often than to miss a child.
 */
export function mayBeChild(birthDate: string | null | undefined, today: string): boolean {
  if (!birthDate) return false;
  const [y, m = '12', d = '31'] = birthDate.split('-');
  const eighteenth = `${String(Number(y) + 18).padStart(4, '0')}-${m}-${d}`;
  return eighteenth > today;
}

const FIELD_WORDS: Record<RequiredField, string> = {
  legalBasis: 'the legal basis',
  reason: 'the reason',
  protectiveMeasures: 'the protective measures',
  crimeArea: 'the crime area',
};

/** The issues that keep these fields from making an active alert of this category; empty = fine. */
export function checkCategoryRules(fields: RuleFields, subject: RuleSubject, today: string): FieldIssue[] {
  const rule = CATEGORY_RULES[fields.category];
  const issues: FieldIssue[] = [];
  if (rule.subject !== 'person_or_object' && rule.subject !== subject.type) {
    issues.push({ path: 'subject/type', message: `a ${fields.category} alert is on a ${rule.subject}, not a ${subject.type}` });
  }
  if (subject.type === 'object' && rule.objectKinds && subject.objectKind && !rule.objectKinds.includes(subject.objectKind as ObjectKind)) {
    issues.push({ path: 'subject', message: `a ${fields.category} alert cannot be on a ${subject.objectKind}; allowed: ${rule.objectKinds.join(', ')}` });
  }
  const required = [...rule.requires];
  if (rule.requiresForChild && subject.type === 'person' && mayBeChild(subject.birthDate, today)) required.push(...rule.requiresForChild);
  for (const f of required) {
    const v = fields[f];
    if (v === undefined || v.trim() === '') {
      const child = rule.requiresForChild?.includes(f) ? ' (the person is, or may be, under 18)' : '';
      issues.push({ path: f, message: `a ${fields.category} alert needs ${FIELD_WORDS[f]}${child}: ${rule.note}` });
    }
  }
  if (subject.type === 'object' && subject.objectKind === 'document' && subject.objectRecord) {
    for (const k of ['number', 'documentType', 'issuingCountry'] as const) {
      const v = subject.objectRecord[k];
      if (typeof v !== 'string' || v.trim() === '') issues.push({ path: `subject/record/${k}`, message: `a document alert needs the document's ${k}` });
    }
  }
  return issues;
}
