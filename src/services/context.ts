// Everything a service needs from the node, passed in (never imported as a
// global) so tests give services a real database and a manual clock.
import type { Database } from '../store/database.ts';
import type { Clock } from './clock.ts';
import type { Logger } from './logger.ts';

export interface NodeConfig {
  /** The authority operating this node; its key signs audit checkpoints and outgoing messages. */
  nodeAuthorityId: string;
  /** Human name of the node, shown in the web app and logs. */
  nodeName: string;
  /** Directory of the embedded store and the node's key files; undefined for in-memory/PostgreSQL-only. */
  dataDir?: string;
  /** Public base URL, for links in notifications. */
  publicUrl?: string;
}

export interface NodeContext {
  database: Database;
  clock: Clock;
  logger: Logger;
  config: NodeConfig;
}
