// The domain codes the screens offer, from the server's own modules where
// those carry no validation library (category rules), else listed here as in
// src/domain (alert.ts, common.ts, object.ts) — keep in step.
import { CATEGORY_RULES, checkCategoryRules, mayBeChild, type RuleFields, type RuleSubject } from '../../src/services/alerts/category-rules.ts';

export { CATEGORY_RULES, checkCategoryRules, mayBeChild, type RuleFields, type RuleSubject };
export type AlertCategory = keyof typeof CATEGORY_RULES;
export const ALERT_CATEGORIES = Object.keys(CATEGORY_RULES) as AlertCategory[];
export const CRIME_AREAS = [
  'high_risk_criminal_networks', 'cyber_attacks', 'trafficking_in_human_beings', 'child_sexual_exploitation', 'migrant_smuggling', 'drug_trafficking',
  'fraud_economic_financial', 'organised_property_crime', 'environmental_crime', 'firearms_trafficking', 'terrorism', 'violent_crime', 'other',
] as const;
export const EMPACT = CRIME_AREAS.slice(0, 10);
export const HANDLING_CODES = ['H0', 'H1', 'H2', 'H3'] as const;
export const CLASSIFICATIONS = ['unclassified', 'restricted', 'confidential', 'secret'] as const;
export const OBJECT_KINDS = ['vehicle', 'firearm', 'document', 'bank_account', 'cultural_good', 'number_plate'] as const;
export const DOCUMENT_TYPES = ['passport', 'id_card', 'residence_permit', 'visa', 'driving_licence', 'other'] as const;
export const DOCUMENT_STATES = ['lost', 'stolen', 'invalidated', 'blank'] as const;
export const ALERT_STATUSES = ['proposed', 'active', 'expired', 'deleted', 'rejected'] as const;
export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
export const ALPHA3 = /^[A-Z]{3}$/;

export interface AlertView {
  id: string;
  source: string;
  ref: string;
  status: string;
  effective: boolean;
  category: string;
  crimeArea: string | null;
  action: string;
  reason: string | null;
  legalBasis: string | null;
  protectiveMeasures: string | null;
  handlingCode: string;
  issuingAuthority: { id: string; name: string; country: string };
  validFrom: string | null;
  expiresAt: string;
  reviewAt: string | null;
  subject: { type: 'person' | 'object'; id: string; source: string; ref: string; display: string; objectKind?: string };
  flags: { authorityId: string; authorityName: string; country: string; reason: string; flaggedBy: string; flaggedAt: string }[];
  links: { id: string; category: string; status: string; subjectType: string; display: string }[];
  createdAt: string;
  updatedAt: string;
}

export interface SourceView {
  id: string;
  name: string;
  kind: string;
  authorityId: string;
  authorityName: string;
  country: string;
  hitNoHit: boolean;
}
