// The threat-picture statistics: counts for the analyst's charts and exports.
export { threatPicture, type ThreatPicture, type PeriodCount, type BreakdownRow, type CountryRow } from './threat-picture.ts';
export { threatPictureCsv } from './csv.ts';
export { ThreatPictureQuery, resolveQuery, bucketStarts, MAX_BUCKETS, MAX_PERIOD_DAYS, type ResolvedQuery } from './query.ts';
