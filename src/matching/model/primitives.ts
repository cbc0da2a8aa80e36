// The one place the model takes its name/date/similarity primitives from,
// so swapping an implementation touches a single import list.
export { foldLatin, nameForms, nameTokenForms, nameKey, givenNameGroup } from '../names/index.ts';
export { jaroWinkler, damerauLevenshtein } from '../similarity.ts';
export { parseBirthDate, compareBirthDates } from '../dates.ts';
export type { DateParts as BirthDate, DateAgreement as BirthDateComparison } from '../dates.ts';
