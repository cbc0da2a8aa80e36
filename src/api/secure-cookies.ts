// Whether cookies get the Secure attribute: forced by PONTIS_SECURE_COOKIES,
// else when the request came over https (directly, or through a proxy that
// PONTIS_TRUST_PROXY says to believe). Shared by every sign-in route.
import type { Context } from 'hono';
import type { AppEnv } from './env.ts';

export function secureCookies(c: Context<AppEnv>): boolean {
  if (process.env.PONTIS_SECURE_COOKIES === '1') return true;
  if (process.env.PONTIS_SECURE_COOKIES === '0') return false;
  if (new URL(c.req.url).protocol === 'https:') return true;
  return process.env.PONTIS_TRUST_PROXY === '1' && c.req.header('x-forwarded-proto') === 'https';
}
