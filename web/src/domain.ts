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

// Response shapes: the API's own types (type-only imports, nothing of the server is bundled).
export type { AlertView } from '../../src/services/alerts/read.ts';

export type { SourceSummary as SourceView } from '../../src/services/records/read.ts';
