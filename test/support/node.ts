// Starts a real node for end-to-end tests: a store of the chosen engine, the
// HTTP API on a free port, and a fetch helper. No mocks: tests talk HTTP.
import { openNode } from '../../src/services/node.ts';
import { startServer } from '../../src/api/server.ts';
import { ManualClock } from '../../src/services/clock.ts';
import { silentLogger } from '../../src/services/logger.ts';
import type { NodeContext } from '../../src/services/context.ts';
import type { Engine } from '../../src/store/database.ts';
import { createScratchDatabase } from './postgres-cluster.ts';
import { inject } from 'vitest';

export interface TestNode {
  node: NodeContext;
  url: string;
  clock: ManualClock;
  /** fetch against the node; `path` starts with '/'. */
  request(path: string, init?: RequestInit & { json?: unknown; token?: string }): Promise<Response>;
  close(): Promise<void>;
}

export async function startTestNode(opts: { engine?: Engine; clock?: ManualClock } = {}): Promise<TestNode> {
  const clock = opts.clock ?? new ManualClock('2026-06-01T09:00:00Z');
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>> | undefined;
  if (opts.engine === 'postgres') scratch = await createScratchDatabase(inject('postgresUrl'));
  const node = await openNode({ databaseUrl: scratch?.url, clock, logger: silentLogger });
  const server = await startServer(node);
  return {
    node,
    url: server.url,
    clock,
    async request(path, init = {}) {
      const headers = new Headers(init.headers);
      if (init.json !== undefined) headers.set('content-type', 'application/json');
      if (init.token) headers.set('authorization', `Bearer ${init.token}`);
      return fetch(server.url + path, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body });
    },
    async close() {
      await server.close();
      await node.close();
      await scratch?.drop();
    },
  };
}
