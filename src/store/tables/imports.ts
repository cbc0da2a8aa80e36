// Row types of the imports tables, as Kysely sees them (owned by the imports area).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ImportsTables {}
