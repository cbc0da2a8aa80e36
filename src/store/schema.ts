// The whole database as Kysely sees it: one interface per area, so each area
// declares its own tables next to its migration.
import type { CoreTables } from './tables/core.ts';
import type { ImportsTables } from './tables/imports.ts';
import type { AccessTables } from './tables/access.ts';
import type { AlertsTables } from './tables/alerts.ts';
import type { ExchangeTables } from './tables/exchange.ts';
import type { IdentityTables } from './tables/identity.ts';

export interface Schema extends CoreTables, ImportsTables, AccessTables, AlertsTables, ExchangeTables, IdentityTables {}
