// Row types of the exchange tables, as Kysely sees them (owned by the exchange area).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ExchangeTables {}
