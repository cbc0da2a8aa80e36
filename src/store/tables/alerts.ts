// Row types of the alerts tables, as Kysely sees them (owned by the alerts area).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AlertsTables {}
