// The protocol side of OpenID Connect sign-in, done by openid-client:
// discovery of the provider (cached; retried after a failure), the
// authorization request with state, nonce and PKCE, and the code exchange
// with ID-token validation (signature against the provider's keys, issuer,
// audience, expiry, nonce).
import * as oidc from 'openid-client';
import { isLoopback, type OidcSettings } from './oidc-settings.ts';
import type { OidcTransaction } from './oidc-transaction.ts';

export type IdTokenClaims = oidc.IDToken;

/** Why the provider's answer was not accepted; the audit trail records it. */
export class OidcFlowError extends Error {
  constructor(
    readonly reason: 'cancelled' | 'provider error' | 'state mismatch' | 'invalid response' | 'provider unreachable',
    message: string,
  ) {
    super(message);
  }
}

export interface OidcRelyingParty {
  readonly settings: OidcSettings;
  /** The provider's authorization URL for a new sign-in, and what must be remembered until the browser returns. */
  start(redirectUrl: URL, nowMs: number): Promise<{ authorizationUrl: URL; transaction: OidcTransaction }>;
  /** Exchanges the code in `callbackUrl` and returns the validated ID-token claims. */
  finish(callbackUrl: URL, transaction: OidcTransaction): Promise<IdTokenClaims>;
}

export function oidcRelyingParty(settings: OidcSettings): OidcRelyingParty {
  let configuration: Promise<oidc.Configuration> | undefined;
  const discover = (): Promise<oidc.Configuration> => {
    configuration ??= oidc
      .discovery(
        settings.issuer,
        settings.clientId,
        settings.clientSecret,
        settings.clientSecret ? oidc.ClientSecretBasic(settings.clientSecret) : oidc.None(),
        // Plain http only to a provider on this machine (tests, a local Keycloak); settings refuse it otherwise.
        { execute: isLoopback(settings.issuer) ? [oidc.allowInsecureRequests] : [], timeout: 10 },
      )
      .catch((err: unknown) => {
        configuration = undefined;
        throw new OidcFlowError('provider unreachable', `The identity provider at ${settings.issuer.href} could not be discovered: ${(err as Error).message}`);
      });
    return configuration;
  };

  return {
    settings,
    async start(redirectUrl, nowMs) {
      const config = await discover();
      const transaction: OidcTransaction = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        codeVerifier: oidc.randomPKCECodeVerifier(),
        startedAt: nowMs,
      };
      const authorizationUrl = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUrl.href,
        response_type: 'code',
        scope: settings.scopes.join(' '),
        state: transaction.state,
        nonce: transaction.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(transaction.codeVerifier),
        code_challenge_method: 'S256',
        ...(settings.forceLogin ? { prompt: 'login' } : {}),
      });
      return { authorizationUrl, transaction };
    },
    async finish(callbackUrl, transaction) {
      const config = await discover();
      try {
        const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: transaction.codeVerifier,
          expectedState: transaction.state,
          expectedNonce: transaction.nonce,
          idTokenExpected: true,
        });
        const claims = tokens.claims();
        if (!claims) throw new OidcFlowError('invalid response', 'The identity provider returned no ID token.');
        return claims;
      } catch (err) {
        if (err instanceof OidcFlowError) throw err;
        if (err instanceof oidc.AuthorizationResponseError) {
          const cancelled = err.error === 'access_denied';
          throw new OidcFlowError(cancelled ? 'cancelled' : 'provider error', `The identity provider answered ${err.error}${err.error_description ? `: ${err.error_description}` : ''}`);
        }
        throw new OidcFlowError('invalid response', `The identity provider's answer was refused: ${(err as Error).message}`);
      }
    },
  };
}
