// Public API of the import service.
export { importFile, detectFormat, type ImportFileOptions, type ImportFormat } from './import-file.ts';
export { importLines } from './import-lines.ts';
export { DEFAULT_BATCH_LINES, type ImportOptions, type ImportProgress } from './importer.ts';
export { createProgressBar, type ProgressBar } from './progress-bar.ts';
export { formatRejection, formatSummary, type ImportSummary, type ImportCounts, type Rejection, type TypeCounts } from './summary.ts';
