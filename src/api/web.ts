// Placeholder: serves the web application (filled in by the web area).
import { Hono } from 'hono';
import type { AppEnv } from './env.ts';
import type { NodeContext } from '../services/context.ts';

export async function webRoutes(_node: NodeContext): Promise<Hono<AppEnv>> {
  const app = new Hono<AppEnv>();
  app.get('/', (c) => c.redirect('/docs'));
  return app;
}
