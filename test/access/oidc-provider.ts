// A real OpenID Connect provider for the OIDC sign-in tests: panva's
// oidc-provider on a loopback port, with one confidential client and a few
// accounts, and a browser stand-in that walks its login and consent pages
// over HTTP, keeping cookies per host as a browser would.
import { createServer, type RequestListener, type Server } from 'node:http';
import { generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestAccount {
  preferred_username: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  /** Group names, for the role-map tests (the `groups` claim). */
  groups?: string[];
}

export interface TestIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Registers the client (redirect URI known once the node runs) and starts answering. */
  start(redirectUri: string): void;
  close(): Promise<void>;
}

/**
 * Binds the port first so the node can be configured with the issuer URL
 * before the client, which needs the node's callback URL, is registered.
 * `host` another loopback address (127.0.0.2) makes the provider a different
 * site from the node for a browser, as in production.
 */
export async function listenTestIdentityProvider(accounts: Record<string, TestAccount>, opts: { host?: string } = {}): Promise<TestIdentityProvider> {
  const host = opts.host ?? '127.0.0.1';
  let handler: RequestListener | undefined;
  const server: Server = createServer((req, res) => {
    if (handler) handler(req, res);
    else res.writeHead(503).end();
  });
  await new Promise<void>((r) => server.listen(0, host, r));
  const issuer = `http://${host}:${(server.address() as AddressInfo).port}`;
  const clientId = 'pontis-test';
  const clientSecret = 'a test client secret that is long enough';
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'ES256', use: 'sig' };

  return {
    issuer,
    clientId,
    clientSecret,
    start(redirectUri) {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: [redirectUri],
            grant_types: ['authorization_code'],
            response_types: ['code'],
            token_endpoint_auth_method: 'client_secret_basic',
            id_token_signed_response_alg: 'ES256',
          },
        ],
        jwks: { keys: [signingKey] },
        cookies: { keys: ['test cookie key for the identity provider'] },
        claims: { openid: ['sub'], profile: ['preferred_username', 'name'], email: ['email', 'email_verified'], groups: ['groups'] },
        scopes: ['openid', 'profile', 'email', 'groups'],
        // Keycloak puts the profile claims in the ID token; do the same.
        conformIdTokenClaims: false,
        features: { devInteractions: { enabled: true } },
        ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
        findAccount: (_ctx, id) => {
          const account = accounts[id];
          if (!account) return undefined;
          return { accountId: id, claims: () => ({ sub: id, ...account }) };
        },
      });
      handler = provider.callback();
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Cookies by host and name; enough for these flows (paths and expiry dates ignored, latest value wins). */
export class CookieJar {
  private readonly byHost = new Map<string, Map<string, string>>();

  store(url: string, res: Response): void {
    const host = new URL(url).host;
    const jar = this.byHost.get(host) ?? new Map<string, string>();
    this.byHost.set(host, jar);
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      // Deletion is Max-Age=0; Expires is ignored, as the node under test runs on a manual clock.
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
  }

  header(url: string): string {
    const jar = this.byHost.get(new URL(url).host);
    return jar ? [...jar].map(([k, v]) => `${k}=${v}`).join('; ') : '';
  }

  get(url: string, name: string): string | undefined {
    return this.byHost.get(new URL(url).host)?.get(name);
  }

  set(url: string, name: string, value: string): void {
    const host = new URL(url).host;
    const jar = this.byHost.get(host) ?? new Map<string, string>();
    this.byHost.set(host, jar);
    jar.set(name, value);
  }
}

export interface BrowserStep {
  url: string;
  status: number;
  location?: string;
}

/**
 * Does what a browser does, one request at a time: sends the jar's cookies,
 * stores the answer's cookies, and returns the answer without following it.
 */
export async function browse(jar: CookieJar, url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<{ res: Response; location?: string }> {
  const headers = new Headers({ cookie: jar.header(url) });
  let body: string | undefined;
  if (init.form) {
    headers.set('content-type', 'application/x-www-form-urlencoded');
    body = new URLSearchParams(init.form).toString();
  }
  const res = await fetch(url, { method: init.method ?? 'GET', headers, body, redirect: 'manual' });
  jar.store(url, res);
  const location = res.headers.get('location');
  return { res, ...(location ? { location: new URL(location, url).href } : {}) };
}

/**
 * Signs `accountId` in at the provider, starting from the provider's
 * authorization URL: follows redirects, fills in the login page with the
 * account (devInteractions takes any password) and grants consent, or aborts
 * at the login page when `abort` is set. Returns the first URL outside the
 * provider (the node's callback with code and state) and the pages shown.
 */
export async function signInAtProvider(jar: CookieJar, authorizationUrl: string, accountId: string, opts: { abort?: boolean } = {}): Promise<{ callback: string; prompts: string[] }> {
  const idp = new URL(authorizationUrl).origin;
  const prompts: string[] = [];
  let url = authorizationUrl;
  for (let hop = 0; hop < 20; hop++) {
    if (new URL(url).origin !== idp) return { callback: url, prompts };
    const { res, location } = await browse(jar, url);
    if (location) {
      await res.body?.cancel();
      url = location;
      continue;
    }
    const page = await res.text();
    if (res.status !== 200) throw new Error(`the identity provider answered ${res.status} at ${url}: ${page.slice(0, 300)}`);
    const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1] ?? 'unknown';
    prompts.push(prompt);
    if (opts.abort) {
      url = new URL(`${new URL(url).pathname}/abort`, idp).href;
      continue;
    }
    const form: Record<string, string> | undefined = prompt === 'login' ? { prompt, login: accountId, password: 'any' } : prompt === 'consent' ? { prompt } : undefined;
    if (!form) throw new Error(`unexpected page at ${url}: ${page.slice(0, 300)}`);
    const posted = await browse(jar, url, { method: 'POST', form });
    await posted.res.body?.cancel();
    if (!posted.location) throw new Error(`posting ${prompt} at ${url} answered ${posted.res.status} without a redirect`);
    url = posted.location;
  }
  throw new Error('too many redirects at the identity provider');
}
