// Row types of the identity tables, as Kysely sees them (owned by the identity area).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface IdentityTables {}
