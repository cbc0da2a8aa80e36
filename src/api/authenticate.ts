// Placeholder: resolves the request's credentials to an Actor (replaced by the access area).
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';

export function authenticate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('actor', null);
    await next();
  };
}
