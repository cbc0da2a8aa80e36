// Signing in through the authority's OpenID Connect provider, and the
// sign-in options the web app offers. The browser is sent to the provider
// and back; on return it gets the same session cookie and CSRF token as a
// password sign-in, then lands on the web app (with `?signin_error=` when
// refused). Without configuration the OIDC routes answer 404.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createRouter, ProblemSchema } from '../openapi.ts';
import type { AppEnv } from '../env.ts';
import { clientAddress } from '../authenticate.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { NodeContext } from '../../services/context.ts';
import { SESSION_COOKIE } from '../../services/access/sessions.ts';
import { oidcSettingsFromEnvironment, type OidcSettings } from '../../services/access/oidc-settings.ts';
import { oidcRelyingParty, OidcFlowError, type OidcRelyingParty } from '../../services/access/oidc-client.ts';
import { OIDC_TRANSACTION_COOKIE, OIDC_TRANSACTION_TTL_MS, sealTransaction, transactionKey, unsealTransaction } from '../../services/access/oidc-transaction.ts';
import { auditOidcFailure, loginWithIdToken, OidcLoginRefused } from '../../services/access/oidc-login.ts';
import { sameSecret } from '../../services/access/secrets.ts';
import { secureCookies } from '../secure-cookies.ts';

export const OIDC_LOGIN_PATH = '/api/v1/auth/oidc/login';
export const OIDC_CALLBACK_PATH = '/api/v1/auth/oidc/callback';

/** What the web app shows when it is sent back with `?signin_error=`. */
export type OidcSignInError = 'oidc-no-account' | 'oidc-cancelled' | 'oidc-expired' | 'oidc-failed' | 'oidc-unavailable';

const SignInOptions = z
  .object({
    password: z.boolean(),
    oidc: z
      .object({
        displayName: z.string().openapi({ example: 'Keycloak Koninklijke Marechaussee' }),
        loginUrl: z.string().openapi({ example: OIDC_LOGIN_PATH }),
      })
      .nullable()
      .openapi({ description: 'null when this node has no OpenID Connect provider configured' }),
  })
  .openapi('SignInOptions');

const notConfigured = { 404: { description: 'OpenID Connect is not configured on this node', content: { 'application/problem+json': { schema: ProblemSchema } } } } as const;
const redirect = (description: string) => ({ 302: { description, headers: z.object({ location: z.string() }) } }) as const;

/** `settings` defaults to the PONTIS_OIDC_* environment; a malformed configuration throws at start. */
export function oidcRoutes(node: NodeContext, settings: OidcSettings | null = oidcSettingsFromEnvironment(node.config.nodeAuthorityId)) {
  const app = createRouter();
  const party = settings ? oidcRelyingParty(settings) : null;
  const key = transactionKey(settings?.clientSecret);
  const enabled = (): OidcRelyingParty => {
    if (!party) throw new NotFoundError('Sign-in through OpenID Connect is not configured on this node (see PONTIS_OIDC_ISSUER).');
    return party;
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/auth/options',
      tags: ['auth'],
      summary: 'How one can sign in here: password, and the OpenID Connect provider if configured',
      security: [],
      responses: { 200: { description: 'Sign-in options', content: { 'application/json': { schema: SignInOptions } } } },
    }),
    (c) => c.json({ password: true, oidc: party ? { displayName: party.settings.displayName, loginUrl: OIDC_LOGIN_PATH } : null }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: OIDC_LOGIN_PATH,
      tags: ['auth'],
      summary: 'Start signing in at the OpenID Connect provider (authorization code flow with PKCE)',
      security: [],
      responses: { ...redirect('To the provider, or back to the web app with ?signin_error= when it cannot be reached'), ...notConfigured },
    }),
    async (c) => {
      const rp = enabled();
      try {
        const { authorizationUrl, transaction } = await rp.start(redirectUrl(c, rp.settings), c.get('node').clock.now().getTime());
        setCookie(c, OIDC_TRANSACTION_COOKIE, sealTransaction(key, transaction), {
          httpOnly: true,
          // Lax, not Strict: the cookie must come along on the provider's top-level redirect back to us.
          sameSite: 'Lax',
          secure: secureCookies(c),
          path: OIDC_CALLBACK_PATH,
          maxAge: OIDC_TRANSACTION_TTL_MS / 1000,
        });
        return noStore(c.redirect(authorizationUrl.href, 302));
      } catch (err) {
        if (!(err instanceof OidcFlowError)) throw err;
        c.get('node').logger.error('OpenID Connect provider unreachable', { requestId: c.get('requestId'), err });
        return noStore(c.redirect(webAppError('oidc-unavailable'), 302));
      }
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: OIDC_CALLBACK_PATH,
      tags: ['auth'],
      summary: 'Where the provider sends the browser back: checks state, exchanges the code, validates the ID token and sets the session cookie',
      security: [],
      responses: { ...redirect('To the web app: signed in, or with ?signin_error= naming why not'), ...notConfigured },
    }),
    async (c) => {
      const rp = enabled();
      const node = c.get('node');
      const attempt = { address: clientAddress(c), requestId: c.get('requestId') };
      const fail = async (error: OidcSignInError, reason: string | null) => {
        if (reason) await auditOidcFailure(node, attempt, reason);
        return noStore(c.redirect(webAppError(error), 302));
      };
      const sealed = getCookie(c, OIDC_TRANSACTION_COOKIE);
      // One use only: whatever happens next, this sign-in attempt is over.
      deleteCookie(c, OIDC_TRANSACTION_COOKIE, { path: OIDC_CALLBACK_PATH, secure: secureCookies(c), httpOnly: true, sameSite: 'Lax' });

      const opened = unsealTransaction(key, sealed, node.clock.now().getTime());
      if (!opened.ok) {
        const why = { missing: 'no sign-in in progress (cookie missing)', malformed: 'sign-in cookie malformed or altered', expired: 'sign-in took too long' }[opened.reason];
        return fail(opened.reason === 'malformed' ? 'oidc-failed' : 'oidc-expired', why);
      }
      const tx = opened.transaction;
      if (!sameSecret(c.req.query('state') ?? '', tx.state)) return fail('oidc-failed', 'state mismatch');

      const callbackUrl = redirectUrl(c, rp.settings);
      callbackUrl.search = new URL(c.req.url).search;
      let claims;
      try {
        claims = await rp.finish(callbackUrl, tx);
      } catch (err) {
        if (!(err instanceof OidcFlowError)) throw err;
        if (err.reason === 'provider unreachable' || err.reason === 'invalid response') node.logger.warn('OpenID Connect sign-in failed', { requestId: attempt.requestId, reason: err.message });
        const error = err.reason === 'cancelled' ? 'oidc-cancelled' : err.reason === 'provider unreachable' ? 'oidc-unavailable' : 'oidc-failed';
        return fail(error, `${err.reason}: ${err.message}`.slice(0, 500));
      }

      try {
        const r = await loginWithIdToken(node, rp.settings, claims, attempt);
        setCookie(c, SESSION_COOKIE, r.sessionId, { httpOnly: true, sameSite: 'Strict', secure: secureCookies(c), path: '/', expires: r.expiresAt });
        c.set('actor', r.actor);
        return noStore(c.redirect('/', 302));
      } catch (err) {
        if (!(err instanceof OidcLoginRefused)) throw err;
        return fail(err.code === 'no-account' ? 'oidc-no-account' : 'oidc-failed', null);
      }
    },
  );

  return app;
}

/**
 * The callback URL registered at the provider: configured, else under the
 * node's public URL, else on the host the browser used (behind a proxy only
 * with PONTIS_TRUST_PROXY=1). The provider refuses any URL not registered.
 */
function redirectUrl(c: Context<AppEnv>, settings: OidcSettings): URL {
  if (settings.redirectUrl) return new URL(settings.redirectUrl);
  const publicUrl = c.get('node').config.publicUrl;
  if (publicUrl) return new URL(OIDC_CALLBACK_PATH, publicUrl);
  const here = new URL(c.req.url);
  if (process.env.PONTIS_TRUST_PROXY === '1') {
    const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim();
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim();
    if (host) here.host = host;
    if (proto === 'https' || proto === 'http') here.protocol = proto;
  }
  return new URL(OIDC_CALLBACK_PATH, here.origin);
}

function webAppError(error: OidcSignInError): string {
  return `/?signin_error=${error}`;
}

function noStore(res: Response): Response {
  res.headers.set('cache-control', 'no-store');
  return res;
}

