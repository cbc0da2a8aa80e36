// Public face of the search area: the single search, its result types, and
// the helpers other areas use to index or match the same way (watch, importer).
export { search, runSearch, identifierToken } from './search.ts';
export { SearchRequest, PersonQuery, ObjectQuery, ObjectQueryKind, type SearchRequestInput } from './schemas.ts';
export type { SearchResult, SearchHit, RecordHit, HitNoHitHit, HitExplanation, SearchInterpretation, MrzSummary } from './types.ts';
export { isRecordHit } from './types.ts';
export { searchPersons, MAX_CANDIDATES, MIN_PROBABILITY, type PersonMatch } from './person-search.ts';
export { prepareObjectLookup, searchObjects, type ObjectLookup } from './object-search.ts';
export { writePerson, writeObject } from './record-writer.ts';
export { searchModel } from './model.ts';
