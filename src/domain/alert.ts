// Alerts: a record that asks whoever finds the person or object to act.
// Categories follow the SIS alert types; crime areas include the ten EMPACT
// priorities so the threat picture can count by them.
import { z } from 'zod';
import { HandlingCode, IsoDate, SourceRef } from './common.ts';

export const AlertCategory = z.enum([
  'arrest', // arrest for surrender or extradition
  'missing', // missing person (adult or child), for protection or to locate
  'protection', // vulnerable person to be prevented from travelling
  'judicial_procedure', // witness, summons, service of a judgment
  'discreet_check',
  'inquiry_check',
  'specific_check',
  'refusal_of_entry',
  'object_seizure', // seizure or use as evidence
  'unknown_suspect', // unknown wanted person (e.g. from prints or DNA)
]);
export type AlertCategory = z.infer<typeof AlertCategory>;

/** The ten EMPACT 2022–2025 crime priorities plus other areas. */
export const CrimeArea = z.enum([
  'high_risk_criminal_networks',
  'cyber_attacks',
  'trafficking_in_human_beings',
  'child_sexual_exploitation',
  'migrant_smuggling',
  'drug_trafficking',
  'fraud_economic_financial',
  'organised_property_crime',
  'environmental_crime',
  'firearms_trafficking',
  'terrorism',
  'violent_crime',
  'other',
]);
export type CrimeArea = z.infer<typeof CrimeArea>;
export const EMPACT_PRIORITIES: readonly CrimeArea[] = CrimeArea.options.slice(0, 10);

export const AlertStatus = z.enum(['proposed', 'active', 'expired', 'deleted', 'rejected']);
export type AlertStatus = z.infer<typeof AlertStatus>;

/** What the alert is on: a person or an object, referred to by source and the source's reference. */
export const AlertSubject = z.object({
  type: z.enum(['person', 'object']),
  /** Source holding the subject record; defaults to the alert's own source. */
  source: z.string().optional(),
  ref: SourceRef,
});

export const AlertInput = z.object({
  ref: SourceRef,
  subject: AlertSubject,
  category: AlertCategory,
  reason: z.string().max(2000).optional(),
  crimeArea: CrimeArea.optional(),
  /** What an officer must do on a hit, in plain words. */
  action: z.string().min(1).max(1000),
  legalBasis: z.string().max(500).optional(),
  /** For missing persons, especially children: measures to protect them. */
  protectiveMeasures: z.string().max(1000).optional(),
  handlingCode: HandlingCode.default('H0'),
  validFrom: IsoDate.optional(),
  expiresAt: IsoDate,
  reviewAt: IsoDate.optional(),
  status: z.enum(['proposed', 'active']).default('active'),
  /** Other alerts (by ref in the same source) this one belongs with, e.g. a person and their vehicle. */
  links: z.array(SourceRef).max(50).default([]),
});
export type AlertInput = z.infer<typeof AlertInput>;
