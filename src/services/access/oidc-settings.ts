// How this node signs people in through an authority's OpenID Connect
// provider (Keycloak, Entra ID, …). Off unless an issuer is configured. Read
// from PONTIS_OIDC_* variables, or from the JSON file named by
// PONTIS_OIDC_CONFIG with the variables overriding it. The client secret
// comes only from a variable or a secret file, never from the JSON file, so
// that file can sit in an operations repository.
//
// The defaults are the safe ones: an identity signs in only to an existing,
// active Pontis account of one authority, and roles stay Pontis's own unless
// a role map is given.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ROLES, type Role } from '../../access/actor.ts';
import { issuesFromZod, type FieldIssue } from '../../domain/errors.ts';

export interface OidcSettings {
  issuer: URL;
  clientId: string;
  /** Undefined for a public client (PKCE only). */
  clientSecret?: string;
  /** Where the provider sends the browser back; undefined = derived from the public URL or the request. */
  redirectUrl?: URL;
  /** Shown on the sign-in button: "Sign in with <displayName>". */
  displayName: string;
  scopes: string[];
  /** ID-token claim whose value is the Pontis username. */
  usernameClaim: string;
  /** Only accounts of this authority may sign in through this provider. */
  authorityId: string;
  /** When set, the account's roles are replaced at each sign-in by the mapped values of this claim. */
  roleMapping?: { claim: string; map: Record<string, Role[]> };
  /** Ask the provider to authenticate again every time (`prompt=login`), for shared workstations. */
  forceLogin: boolean;
}

export type OidcSettingsResult = { ok: true; settings: OidcSettings | null } | { ok: false; issues: FieldIssue[] };

const HttpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((s) => URL.canParse(s) && ['https:', 'http:'].includes(new URL(s).protocol), 'must be an absolute http(s) URL')
  .refine((s) => !URL.canParse(s) || new URL(s).protocol === 'https:' || isLoopback(new URL(s)), 'must use https (plain http only on a loopback address)');

const ClaimName = z.string().trim().regex(/^[A-Za-z0-9_:.-]{1,100}$/, 'a claim name, or a dotted path such as realm_access.roles');

const RoleMap = z.record(z.string().trim().min(1).max(200), z.array(z.enum(ROLES)).min(1).max(ROLES.length));

/** The fields of the JSON file; a secret in it is refused rather than ignored. */
const FileShape = z
  .object({
    issuer: z.string(),
    clientId: z.string(),
    clientSecretFile: z.string(),
    redirectUrl: z.string(),
    displayName: z.string(),
    scopes: z.union([z.string(), z.array(z.string())]),
    usernameClaim: z.string(),
    authorityId: z.string(),
    rolesClaim: z.string(),
    roleMap: z.unknown(),
    forceLogin: z.boolean(),
  })
  .partial()
  .strict();

const Settings = z
  .object({
    issuer: HttpUrl,
    clientId: z.string().trim().min(1).max(200),
    clientSecret: z.string().min(1).max(1000).optional(),
    redirectUrl: HttpUrl.optional(),
    displayName: z.string().trim().min(1).max(60).default('OpenID Connect'),
    scopes: z
      .array(z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]{1,100}$/, 'a scope is printable ASCII without spaces, quotes or backslashes'))
      .max(30)
      .default(['openid', 'profile', 'email'])
      .refine((s) => s.includes('openid'), 'the scopes must include "openid"'),
    usernameClaim: ClaimName.default('preferred_username'),
    authorityId: z.string().trim().min(1).max(63),
    rolesClaim: ClaimName.optional(),
    roleMap: RoleMap.optional(),
    forceLogin: z.boolean().default(false),
  })
  .refine((s) => (s.rolesClaim === undefined) === (s.roleMap === undefined), {
    message: 'give both rolesClaim (PONTIS_OIDC_ROLES_CLAIM) and roleMap (PONTIS_OIDC_ROLE_MAP), or neither',
    path: ['roleMap'],
  });

export function isLoopback(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(url.hostname);
}

type Env = Record<string, string | undefined>;
type ReadText = (path: string) => string;

/**
 * Parses the OIDC configuration; never throws. `settings: null` means OIDC is
 * not configured. Every issue names the variable or file field at fault.
 */
export function parseOidcSettings(env: Env, nodeAuthorityId: string, readText: ReadText = (p) => readFileSync(p, 'utf8')): OidcSettingsResult {
  const issues: FieldIssue[] = [];
  let file: z.infer<typeof FileShape> = {};
  const configPath = nonEmpty(env.PONTIS_OIDC_CONFIG);
  if (configPath) {
    const text = readOrIssue(readText, configPath, 'PONTIS_OIDC_CONFIG', issues);
    if (text !== undefined) {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (err) {
        issues.push({ path: 'PONTIS_OIDC_CONFIG', message: `${configPath} is not JSON: ${(err as Error).message}` });
      }
      if (json !== undefined) {
        const shape = FileShape.safeParse(json);
        if (shape.success) file = shape.data;
        else issues.push(...issuesFromZod(shape.error, configPath).map(explainSecretInFile));
      }
    }
  }
  if (issues.length) return { ok: false, issues };

  const issuer = nonEmpty(env.PONTIS_OIDC_ISSUER) ?? nonEmpty(file.issuer);
  if (!issuer) {
    const stray = Object.keys(env).filter((k) => k.startsWith('PONTIS_OIDC_') && nonEmpty(env[k]) !== undefined && k !== 'PONTIS_OIDC_CONFIG');
    if (stray.length || configPath) {
      return { ok: false, issues: [{ path: 'PONTIS_OIDC_ISSUER', message: `OpenID Connect is half configured (${[...stray, ...(configPath ? [configPath] : [])].join(', ')}) but has no issuer URL` }] };
    }
    return { ok: true, settings: null };
  }

  let clientSecret = nonEmpty(env.PONTIS_OIDC_CLIENT_SECRET);
  const secretFile = nonEmpty(env.PONTIS_OIDC_CLIENT_SECRET_FILE) ?? nonEmpty(file.clientSecretFile);
  if (clientSecret !== undefined && secretFile !== undefined) {
    issues.push({ path: 'PONTIS_OIDC_CLIENT_SECRET', message: 'give the client secret once: PONTIS_OIDC_CLIENT_SECRET or a secret file, not both' });
  } else if (secretFile !== undefined) {
    clientSecret = readOrIssue(readText, secretFile, 'PONTIS_OIDC_CLIENT_SECRET_FILE', issues)?.trim();
    if (clientSecret === '') issues.push({ path: 'PONTIS_OIDC_CLIENT_SECRET_FILE', message: `${secretFile} is empty` });
  }

  let roleMap: unknown = file.roleMap;
  const roleMapText = nonEmpty(env.PONTIS_OIDC_ROLE_MAP);
  if (roleMapText !== undefined) {
    const parsed = parseRoleMap(roleMapText);
    if ('issue' in parsed) issues.push({ path: 'PONTIS_OIDC_ROLE_MAP', message: parsed.issue });
    else roleMap = parsed.map;
  }
  let forceLogin = file.forceLogin;
  const forceText = nonEmpty(env.PONTIS_OIDC_FORCE_LOGIN)?.toLowerCase();
  if (forceText !== undefined) {
    if (['1', 'true', 'yes'].includes(forceText)) forceLogin = true;
    else if (['0', 'false', 'no'].includes(forceText)) forceLogin = false;
    else issues.push({ path: 'PONTIS_OIDC_FORCE_LOGIN', message: 'give 1 (sign in at the provider every time) or 0' });
  }
  if (issues.length) return { ok: false, issues };

  const scopesRaw = nonEmpty(env.PONTIS_OIDC_SCOPES) ?? file.scopes;
  const parsed = Settings.safeParse({
    issuer,
    clientId: nonEmpty(env.PONTIS_OIDC_CLIENT_ID) ?? file.clientId,
    clientSecret,
    redirectUrl: nonEmpty(env.PONTIS_OIDC_REDIRECT_URL) ?? nonEmpty(file.redirectUrl),
    displayName: nonEmpty(env.PONTIS_OIDC_DISPLAY_NAME) ?? nonEmpty(file.displayName),
    scopes: typeof scopesRaw === 'string' ? scopesRaw.split(/[\s,]+/).filter(Boolean) : scopesRaw,
    usernameClaim: nonEmpty(env.PONTIS_OIDC_USERNAME_CLAIM) ?? nonEmpty(file.usernameClaim),
    authorityId: nonEmpty(env.PONTIS_OIDC_AUTHORITY) ?? nonEmpty(file.authorityId) ?? nodeAuthorityId,
    rolesClaim: nonEmpty(env.PONTIS_OIDC_ROLES_CLAIM) ?? nonEmpty(file.rolesClaim),
    roleMap,
    forceLogin,
  });
  if (!parsed.success) return { ok: false, issues: issuesFromZod(parsed.error).map((i) => ({ ...i, path: variableOf(i.path) })) };
  const s = parsed.data;
  return {
    ok: true,
    settings: {
      issuer: new URL(s.issuer),
      clientId: s.clientId,
      ...(s.clientSecret !== undefined ? { clientSecret: s.clientSecret } : {}),
      ...(s.redirectUrl !== undefined ? { redirectUrl: new URL(s.redirectUrl) } : {}),
      displayName: s.displayName,
      scopes: s.scopes,
      usernameClaim: s.usernameClaim,
      authorityId: s.authorityId,
      ...(s.rolesClaim && s.roleMap ? { roleMapping: { claim: s.rolesClaim, map: s.roleMap } } : {}),
      forceLogin: s.forceLogin,
    },
  };
}

/** `idp-value=role[+role], …`, e.g. `pontis-grens=border_guard, pontis-beheer=admin+dpo`. */
export function parseRoleMap(text: string): { map: Record<string, string[]> } | { issue: string } {
  const map: Record<string, string[]> = {};
  const entries = text.split(',').map((e) => e.trim()).filter(Boolean);
  if (!entries.length) return { issue: 'no entries; write idp-value=role, e.g. pontis-grens=border_guard' };
  for (const [i, entry] of entries.entries()) {
    const eq = entry.lastIndexOf('=');
    if (eq <= 0 || eq === entry.length - 1) return { issue: `entry ${i + 1} ("${entry.slice(0, 40)}") is not idp-value=role` };
    const key = entry.slice(0, eq).trim();
    map[key] = [...(map[key] ?? []), ...entry.slice(eq + 1).split('+').map((r) => r.trim())];
  }
  return { map };
}

/** Reads the settings the node starts with; a malformed configuration stops the node with every issue listed. */
export function oidcSettingsFromEnvironment(nodeAuthorityId: string): OidcSettings | null {
  const r = parseOidcSettings(process.env, nodeAuthorityId);
  if (!r.ok) throw new Error(`OpenID Connect configuration is not valid:\n${r.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
  return r.settings;
}

const VARIABLES: Record<string, string> = {
  issuer: 'PONTIS_OIDC_ISSUER',
  clientId: 'PONTIS_OIDC_CLIENT_ID',
  clientSecret: 'PONTIS_OIDC_CLIENT_SECRET',
  redirectUrl: 'PONTIS_OIDC_REDIRECT_URL',
  displayName: 'PONTIS_OIDC_DISPLAY_NAME',
  scopes: 'PONTIS_OIDC_SCOPES',
  usernameClaim: 'PONTIS_OIDC_USERNAME_CLAIM',
  authorityId: 'PONTIS_OIDC_AUTHORITY',
  rolesClaim: 'PONTIS_OIDC_ROLES_CLAIM',
  roleMap: 'PONTIS_OIDC_ROLE_MAP',
  forceLogin: 'PONTIS_OIDC_FORCE_LOGIN',
};

function variableOf(path: string): string {
  const [head, ...rest] = path.split('/');
  return [VARIABLES[head!] ?? head, ...rest].join('/');
}

function explainSecretInFile(issue: FieldIssue): FieldIssue {
  return /clientSecret\b/.test(issue.message) && !/clientSecretFile/.test(issue.message)
    ? { ...issue, message: 'the client secret does not belong in the configuration file; use clientSecretFile or PONTIS_OIDC_CLIENT_SECRET' }
    : issue;
}

function readOrIssue(readText: ReadText, path: string, variable: string, issues: FieldIssue[]): string | undefined {
  try {
    return readText(path);
  } catch (err) {
    issues.push({ path: variable, message: `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` });
    return undefined;
  }
}

function nonEmpty(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}
