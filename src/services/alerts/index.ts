// Public face of the alerts area, for the API, the exchange area (hit
// confirmation reads alerts with getAlert) and the importer.
export { CATEGORY_RULES, checkCategoryRules, mayBeChild, type CategoryRule, type RequiredField } from './category-rules.ts';
export { createAlert, updateAlert, extendAlert, expireAlert, deleteAlert, approveAlert, rejectAlert, reviewQueue } from './manage.ts';
export { flagAlert, unflagAlert, linkAlerts } from './flags.ts';
export { getAlert, listAlerts, getAlertHistory, readAlert, effectiveAlertsOn, type AlertView, type AlertFlag, type AlertHistoryEntry, type HitAlert } from './read.ts';
export { expireAndPurgeAlerts, alertRetentionDays, DEFAULT_ALERT_RETENTION_DAYS } from './expiry.ts';
export * from './schemas.ts';
