// Public face of the matching library: what search, screening, linkage and
// the API call. Name/date/similarity primitives are exported by their own
// modules (names/, similarity.ts, dates.ts).
export { COMPARISONS, FIELD, FIELD_COUNT, compareFeatures, compareRecords, type ComparisonDefinition, type NameChoice } from './compare.ts';
export { extractFeatures, type RecordFeatures, type NamePart } from './model/features.ts';
export { BLOCKING_RULES, blockingKeys, blockingKeysOf, batchBlockingKeysOf } from './blocking.ts';
export { explainPair, explainFeatures, formatBits, type MatchExplanation, type FieldContribution } from './explain.ts';
export { defaultModel } from './model/default-model.ts';
export { trainModel, estimateU, termFrequencyTables, type TrainOptions } from './model/train.ts';
export { compileModel, matchWeight, fieldBits, bitsToProbability, probabilityToBits, recordTermFrequencies, type CompiledModel } from './model/score.ts';
export { modelToJson, parseModel, type ParsedModel } from './model/serialise.ts';
export type { MatchModel, ComparisonParameters, TermFrequencyTable, TrainingSummary } from './model/types.ts';
export { dedupe, link, type LinkageOptions, type LinkageResult, type LinkageProgress, type ScoredPair, type LinkageStats } from './linkage/engine.ts';
export { scorePair, type PairScore } from './model/pair.ts';
export { parsePeopleCsv, readPeopleCsv, PEOPLE_COLUMNS, type PeopleCsv, type CsvProblem } from './csv.ts';
