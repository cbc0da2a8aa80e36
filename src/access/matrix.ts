// The default access matrix. Deny unless a grant below allows it. A node
// replaces it with a JSON file of the same shape (PONTIS_ACCESS_POLICY).
//
// Actions are named `area.verb`; patterns `area.*` grant a whole area. The
// areas: auth (own session), search, record, import, alert, hit, identity,
// link, exchange, message, stats, audit, subject_report, retention, user,
// token, authority, source.
import type { SourceKind } from '../domain/authority.ts';
import type { AccessPolicy } from './policy-schema.ts';

const TRAVELLER_SOURCES: SourceKind[] = ['alerts', 'documents', 'persons_index', 'vehicle_register', 'passenger_data'];
const NON_POLICE_SOURCES: SourceKind[] = [
  'persons_index', 'alerts', 'vehicle_register', 'passenger_data', 'dna_profiles', 'firearms_register', 'cultural_goods', 'bank_accounts', 'documents',
];

export const DEFAULT_POLICY: AccessPolicy = {
  grants: [
    {
      description: 'Everyone signed in may see and end their own session.',
      roles: ['border_guard', 'police_officer', 'analyst', 'spoc', 'dpo', 'admin'],
      authorityKinds: '*',
      actions: ['auth.*'],
      purposes: '*',
      sources: '*',
      alertCategories: '*',
    },
    {
      description: 'Border guards check travellers: alerts, documents, persons, vehicles and passenger data, never police records.',
      roles: ['border_guard'],
      authorityKinds: ['border', 'migration', 'customs', 'police'],
      actions: ['search.run', 'record.read', 'alert.read', 'hit.read', 'hit.confirm', 'hit.report', 'screening.*', 'identity.read', 'message.read', 'message.acknowledge', 'rapid_alert.read', 'rapid_alert.acknowledge'],
      purposes: ['border_check', 'migration_check'],
      sources: TRAVELLER_SOURCES,
      alertCategories: '*',
    },
    {
      description: 'Police officers of a police authority check and investigate across every source, police records included, and keep alerts.',
      roles: ['police_officer'],
      authorityKinds: ['police'],
      actions: ['search.run', 'record.*', 'import.run', 'alert.*', 'hit.*', 'identity.read', 'identity.resolve', 'link.*', 'exchange.read', 'exchange.send', 'message.*', 'screening.*', 'rapid_alert.read', 'rapid_alert.acknowledge'],
      purposes: ['police_check', 'criminal_investigation', 'counter_terrorism', 'missing_person', 'judicial_cooperation', 'alert_management'],
      sources: '*',
      alertCategories: '*',
    },
    {
      description: 'Officers with police powers at customs, judicial and EU authorities check and investigate, without police records.',
      roles: ['police_officer'],
      authorityKinds: ['customs', 'judicial', 'eu_agency'],
      actions: ['search.run', 'record.read', 'alert.read', 'hit.*', 'identity.read', 'exchange.read', 'exchange.send', 'message.*', 'rapid_alert.read', 'rapid_alert.acknowledge'],
      purposes: ['police_check', 'criminal_investigation', 'counter_terrorism', 'missing_person', 'judicial_cooperation'],
      sources: NON_POLICE_SOURCES,
      alertCategories: '*',
    },
    {
      description: 'Analysts see statistics and the threat picture, link identities in bulk and search for investigations, without police records.',
      roles: ['analyst'],
      authorityKinds: '*',
      actions: ['stats.*', 'report.*', 'identity.*', 'link.*', 'search.run', 'record.read', 'alert.read', 'hit.read'],
      purposes: ['criminal_investigation', 'counter_terrorism'],
      sources: NON_POLICE_SOURCES,
      alertCategories: '*',
    },
    {
      description: 'Single points of contact carry the follow-up between authorities: hits, requests, answers and proposed alerts.',
      roles: ['spoc'],
      authorityKinds: '*',
      actions: ['exchange.*', 'message.*', 'hit.*', 'rapid_alert.*', 'alert.read', 'alert.review', 'alert.approve', 'alert.flag', 'search.run', 'record.read', 'identity.read', 'stats.read'],
      purposes: ['criminal_investigation', 'counter_terrorism', 'missing_person', 'judicial_cooperation', 'alert_management'],
      sources: NON_POLICE_SOURCES,
      alertCategories: '*',
    },
    {
      description: 'A single point of contact at a police authority also answers on police records.',
      roles: ['spoc'],
      authorityKinds: ['police'],
      actions: ['search.run', 'record.read'],
      purposes: ['criminal_investigation', 'counter_terrorism', 'missing_person', 'judicial_cooperation'],
      sources: ['police_records'],
      alertCategories: '*',
    },
    {
      description: 'Data-protection officers read, export and verify the audit trail and answer data-subject requests; they cannot search.',
      roles: ['dpo'],
      authorityKinds: '*',
      actions: ['audit.*', 'subject_report.read', 'retention.read', 'stats.read'],
      purposes: ['data_protection_review'],
      sources: '*',
      alertCategories: '*',
    },
    {
      description: 'Administrators manage accounts, tokens, sources, imports and retention; they cannot search or read records.',
      roles: ['admin'],
      authorityKinds: '*',
      actions: ['user.*', 'token.*', 'authority.*', 'source.*', 'import.*', 'retention.*', 'job.*'],
      purposes: '*',
      sources: '*',
      alertCategories: '*',
    },
  ],
};
