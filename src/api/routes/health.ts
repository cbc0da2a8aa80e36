// Liveness/readiness and Prometheus metrics.
import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { createRouter } from '../openapi.ts';
import { metricsRegistry } from '../metrics.ts';

const Health = z.object({ status: z.enum(['ok', 'degraded']), engine: z.enum(['embedded', 'postgres']), database: z.enum(['ok', 'unreachable']), version: z.string() });

export function healthRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/healthz',
      tags: ['operations'],
      summary: 'Liveness and database reachability',
      responses: {
        200: { description: 'Node is healthy', content: { 'application/json': { schema: Health } } },
        503: { description: 'Database unreachable', content: { 'application/json': { schema: Health } } },
      },
    }),
    async (c) => {
      const node = c.get('node');
      let database: 'ok' | 'unreachable' = 'ok';
      try {
        await sql`select 1`.execute(node.database.db);
      } catch {
        database = 'unreachable';
      }
      const body = { status: database === 'ok' ? ('ok' as const) : ('degraded' as const), engine: node.database.engine, database, version: '0.1.0' };
      return c.json(body, database === 'ok' ? 200 : 503);
    },
  );
  app.get('/metrics', async (c) => {
    c.header('content-type', metricsRegistry.contentType);
    return c.body(await metricsRegistry.metrics());
  });
  return app;
}
