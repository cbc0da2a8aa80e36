// Row types of the access tables, as Kysely sees them (owned by the access area).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AccessTables {}
