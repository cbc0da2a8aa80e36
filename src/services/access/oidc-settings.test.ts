import { describe, expect, it } from 'vitest';
import { parseOidcSettings, parseRoleMap, type OidcSettingsResult } from './oidc-settings.ts';

const BASE = { PONTIS_OIDC_ISSUER: 'https://sso.kmar.example/realms/pontis', PONTIS_OIDC_CLIENT_ID: 'pontis' };
const noFiles = (path: string): string => {
  throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
};
const files = (contents: Record<string, string>) => (path: string) => contents[path] ?? noFiles(path);

function issues(r: OidcSettingsResult) {
  if (r.ok) throw new Error('expected issues');
  return r.issues;
}

describe('OpenID Connect settings', () => {
  it('is off when nothing is configured', () => {
    expect(parseOidcSettings({ PATH: '/usr/bin' }, 'nl-kmar', noFiles)).toEqual({ ok: true, settings: null });
  });

  it('uses the safe defaults: preferred_username of the node authority, no role map', () => {
    const r = parseOidcSettings({ ...BASE, PONTIS_OIDC_CLIENT_SECRET: 's3cret' }, 'nl-kmar', noFiles);
    expect(r.ok && r.settings).toMatchObject({
      clientId: 'pontis',
      clientSecret: 's3cret',
      displayName: 'OpenID Connect',
      scopes: ['openid', 'profile', 'email'],
      usernameClaim: 'preferred_username',
      authorityId: 'nl-kmar',
    });
    expect(r.ok && r.settings?.issuer.href).toBe('https://sso.kmar.example/realms/pontis');
    expect(r.ok && r.settings?.roleMapping).toBeUndefined();
  });

  it('reads a JSON file, the secret from its own file, and lets variables override', () => {
    const r = parseOidcSettings(
      { PONTIS_OIDC_CONFIG: '/etc/pontis/oidc.json', PONTIS_OIDC_DISPLAY_NAME: 'KMar SSO' },
      'nl-politie',
      files({
        '/etc/pontis/oidc.json': JSON.stringify({
          issuer: 'https://sso.kmar.example/realms/pontis',
          clientId: 'pontis-node',
          clientSecretFile: '/run/secrets/oidc',
          displayName: 'Keycloak',
          authorityId: 'nl-kmar',
          scopes: ['openid', 'profile', 'roles'],
          rolesClaim: 'realm_access.roles',
          roleMap: { 'pontis-grens': ['border_guard'], 'pontis-beheer': ['admin', 'dpo'] },
        }),
        '/run/secrets/oidc': 'from-the-file\n',
      }),
    );
    expect(r.ok && r.settings).toMatchObject({
      clientId: 'pontis-node',
      clientSecret: 'from-the-file',
      displayName: 'KMar SSO',
      authorityId: 'nl-kmar',
      scopes: ['openid', 'profile', 'roles'],
      roleMapping: { claim: 'realm_access.roles', map: { 'pontis-grens': ['border_guard'], 'pontis-beheer': ['admin', 'dpo'] } },
    });
  });

  it('refuses a client secret written into the JSON file', () => {
    const r = parseOidcSettings({ PONTIS_OIDC_CONFIG: '/c.json' }, 'x', files({ '/c.json': JSON.stringify({ issuer: BASE.PONTIS_OIDC_ISSUER, clientId: 'p', clientSecret: 'oops' }) }));
    expect(issues(r)).toEqual([{ path: '/c.json', message: expect.stringMatching(/does not belong in the configuration file/) }]);
  });

  it('names the variable at fault', () => {
    expect(issues(parseOidcSettings({ PONTIS_OIDC_ISSUER: 'http://sso.example', PONTIS_OIDC_CLIENT_ID: 'p' }, 'x', noFiles))).toEqual([
      { path: 'PONTIS_OIDC_ISSUER', message: 'must use https (plain http only on a loopback address)' },
    ]);
    expect(issues(parseOidcSettings({ PONTIS_OIDC_ISSUER: 'https://sso.example' }, 'x', noFiles)).map((i) => i.path)).toEqual(['PONTIS_OIDC_CLIENT_ID']);
    expect(issues(parseOidcSettings({ ...BASE, PONTIS_OIDC_SCOPES: 'profile email' }, 'x', noFiles))).toEqual([{ path: 'PONTIS_OIDC_SCOPES', message: 'the scopes must include "openid"' }]);
    expect(issues(parseOidcSettings({ ...BASE, PONTIS_OIDC_ROLES_CLAIM: 'groups' }, 'x', noFiles))[0]!.path).toBe('PONTIS_OIDC_ROLE_MAP');
    expect(issues(parseOidcSettings({ ...BASE, PONTIS_OIDC_ROLES_CLAIM: 'groups', PONTIS_OIDC_ROLE_MAP: 'a=chief' }, 'x', noFiles))[0]!.path).toMatch(/^PONTIS_OIDC_ROLE_MAP\/a\/0$/);
    expect(issues(parseOidcSettings({ ...BASE, PONTIS_OIDC_CLIENT_SECRET: 'a', PONTIS_OIDC_CLIENT_SECRET_FILE: '/s' }, 'x', noFiles))[0]!.path).toBe('PONTIS_OIDC_CLIENT_SECRET');
    expect(issues(parseOidcSettings({ ...BASE, PONTIS_OIDC_CLIENT_SECRET_FILE: '/nope' }, 'x', noFiles))).toEqual([{ path: 'PONTIS_OIDC_CLIENT_SECRET_FILE', message: 'cannot read /nope: ENOENT' }]);
    expect(issues(parseOidcSettings({ PONTIS_OIDC_CLIENT_ID: 'p' }, 'x', noFiles))[0]).toMatchObject({ path: 'PONTIS_OIDC_ISSUER', message: expect.stringMatching(/half configured/) });
    expect(issues(parseOidcSettings({ PONTIS_OIDC_CONFIG: '/c.json' }, 'x', files({ '/c.json': '{"issuer": ' })))[0]!.message).toMatch(/^\/c\.json is not JSON/);
  });

  it('asks the provider to authenticate every time only when told to', () => {
    const force = (v?: string) => {
      const r = parseOidcSettings({ ...BASE, ...(v === undefined ? {} : { PONTIS_OIDC_FORCE_LOGIN: v }) }, 'x', noFiles);
      return r.ok ? r.settings?.forceLogin : r.issues;
    };
    expect(force()).toBe(false);
    expect(force('1')).toBe(true);
    expect(force('false')).toBe(false);
    expect(force('sometimes')).toEqual([{ path: 'PONTIS_OIDC_FORCE_LOGIN', message: 'give 1 (sign in at the provider every time) or 0' }]);
  });

  it('accepts plain http only for a provider on this machine', () => {
    for (const issuer of ['http://127.0.0.1:8080/realms/x', 'http://localhost:8080', 'http://[::1]:9000']) {
      expect(parseOidcSettings({ ...BASE, PONTIS_OIDC_ISSUER: issuer }, 'x', noFiles).ok, issuer).toBe(true);
    }
    expect(parseOidcSettings({ ...BASE, PONTIS_OIDC_ISSUER: 'http://127.0.0.1.evil.example' }, 'x', noFiles).ok).toBe(false);
  });

  it('parses a role map from a variable', () => {
    expect(parseRoleMap('pontis-grens=border_guard, pontis-beheer=admin+dpo,pontis-grens=analyst')).toEqual({
      map: { 'pontis-grens': ['border_guard', 'analyst'], 'pontis-beheer': ['admin', 'dpo'] },
    });
    expect(parseRoleMap('just-a-group')).toEqual({ issue: 'entry 1 ("just-a-group") is not idp-value=role' });
    expect(parseRoleMap(' , ')).toMatchObject({ issue: expect.stringMatching(/no entries/) });
  });

  it('never throws on random or mutated configuration (fuzz)', () => {
    let seed = 20261123;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pieces = ['https://', 'http://', '127.0.0.1', 'sso.example', '/', '=', ',', '+', 'openid', 'admin', '{', '}', '"', ':', '[', ']', ' ', '\u0000', 'é', 'null', 'clientSecret', '.'];
    const text = () => Array.from({ length: Math.floor(random() * 12) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
    const keys = ['PONTIS_OIDC_ISSUER', 'PONTIS_OIDC_CLIENT_ID', 'PONTIS_OIDC_SCOPES', 'PONTIS_OIDC_ROLE_MAP', 'PONTIS_OIDC_ROLES_CLAIM', 'PONTIS_OIDC_USERNAME_CLAIM', 'PONTIS_OIDC_REDIRECT_URL', 'PONTIS_OIDC_FORCE_LOGIN', 'PONTIS_OIDC_CONFIG', 'PONTIS_OIDC_CLIENT_SECRET_FILE'];
    for (let i = 0; i < 2000; i++) {
      const env: Record<string, string> = { ...BASE };
      for (const k of keys) if (random() < 0.4) env[k] = text();
      const r = parseOidcSettings(env, 'nl-kmar', () => text());
      if (r.ok) {
        if (r.settings) expect(r.settings.scopes).toContain('openid');
      } else {
        expect(r.issues.length).toBeGreaterThan(0);
        for (const issue of r.issues) expect(typeof issue.path === 'string' && issue.message.length > 0).toBe(true);
      }
    }
  });
});
