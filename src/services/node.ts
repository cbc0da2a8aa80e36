// Opens a node: its database (embedded by default, PostgreSQL with a URL),
// migrated, with clock, logger and configuration. The CLI, the tests and the
// benchmarks all start a node through here.
import { resolve } from 'node:path';
import { openDatabase } from '../store/database.ts';
import { systemClock, type Clock } from './clock.ts';
import { createLogger, type Logger } from './logger.ts';
import type { NodeConfig, NodeContext } from './context.ts';

export interface OpenNodeOptions {
  /** Directory of the embedded store; ignored when databaseUrl is set. Undefined = in memory. */
  dataDir?: string;
  databaseUrl?: string;
  /** The embedded store's page cache when PONTIS_EMBEDDED_SHARED_BUFFERS sets none (see openDatabase); default 1GB. */
  sharedBuffers?: string;
  clock?: Clock;
  logger?: Logger;
  config?: Partial<NodeConfig>;
}

export async function openNode(opts: OpenNodeOptions = {}): Promise<NodeContext & { close(): Promise<void> }> {
  const dataDir = opts.dataDir ? resolve(opts.dataDir) : undefined;
  const database = await openDatabase({ url: opts.databaseUrl, dataDir: opts.databaseUrl ? undefined : dataDir && resolve(dataDir, 'db'), sharedBuffers: opts.sharedBuffers });
  const config: NodeConfig = {
    nodeAuthorityId: opts.config?.nodeAuthorityId ?? process.env.PONTIS_NODE_AUTHORITY ?? 'nl-politie',
    nodeName: opts.config?.nodeName ?? process.env.PONTIS_NODE_NAME ?? 'Pontis node',
    dataDir,
    publicUrl: opts.config?.publicUrl,
  };
  return {
    database,
    clock: opts.clock ?? systemClock,
    logger: opts.logger ?? createLogger(),
    config,
    close: () => database.close(),
  };
}
