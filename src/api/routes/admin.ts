// Administration: accounts, API tokens, retention and the access policy in force.
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, problemResponses } from '../openapi.ts';
import { ROLES } from '../../access/actor.ts';
import { authorize, currentPolicy } from '../../access/policy.ts';
import { createUser, issueApiToken, listApiTokens, listUsers, revokeApiToken, updateUser } from '../../services/access/index.ts';
import { retentionRules } from '../../services/audit/retention-rules.ts';
import { runRetention } from '../../services/audit/retention.ts';
import { appendAudit } from '../../services/audit/audit-log.ts';

const Role = z.enum(ROLES);
const IdParam = z.object({ id: z.string().uuid() });

const UserSchema = z
  .object({
    id: z.string(), username: z.string(), displayName: z.string().nullable(), authorityId: z.string(), roles: z.array(z.string()),
    disabled: z.boolean(), lockedUntil: z.string().nullable(), lastLoginAt: z.string().nullable(), createdAt: z.string(),
  })
  .openapi('User');

const NewUserBody = z
  .object({
    username: z.string().min(2).max(64),
    password: z.string().min(12).max(256).optional(),
    authorityId: z.string().min(1).max(63),
    roles: z.array(Role).min(1).max(ROLES.length),
    displayName: z.string().max(200).optional(),
  })
  .openapi('NewUser');

const UserChangeBody = z
  .object({
    roles: z.array(Role).min(1).max(ROLES.length).optional(),
    disabled: z.boolean().optional(),
    password: z.string().min(12).max(256).optional(),
    displayName: z.string().max(200).optional(),
    unlock: z.literal(true).optional(),
  })
  .openapi('UserChange');

const TokenSchema = z
  .object({
    id: z.string(), label: z.string(), authorityId: z.string(), roles: z.array(z.string()), scopes: z.array(z.string()).nullable(), userId: z.string().nullable(),
    createdAt: z.string(), expiresAt: z.string().nullable(), revokedAt: z.string().nullable(), lastUsedAt: z.string().nullable(),
  })
  .openapi('ApiToken');

const NewTokenBody = z
  .object({
    authorityId: z.string().min(1).max(63),
    roles: z.array(Role).min(1).max(ROLES.length),
    label: z.string().min(1).max(120),
    scopes: z.array(z.string().max(64)).min(1).max(50).optional(),
    userId: z.string().uuid().optional(),
    expiresAt: z.string().max(40).optional(),
  })
  .openapi('NewApiToken');

const RetentionSummary = z.object({ alerts: z.number(), persons: z.number(), objects: z.number(), auditEntries: z.number(), sessions: z.number(), errors: z.array(z.string()) });

export function adminRoutes() {
  // A malformed PONTIS_RETENTION file stops the node at start, not in the nightly job.
  retentionRules();
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'get', path: '/api/v1/admin/users', tags: ['admin'], summary: 'List accounts',
      request: { query: z.object({ authority: z.string().max(63).optional() }) },
      responses: { 200: { description: 'Accounts', content: { 'application/json': { schema: z.object({ users: z.array(UserSchema) }) } } }, ...problemResponses },
    }),
    async (c) => {
      authorize(c.get('actor'), 'user.read');
      return c.json({ users: await listUsers(c.get('node'), c.req.valid('query').authority) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/api/v1/admin/users', tags: ['admin'], summary: 'Create an account',
      request: { body: { content: { 'application/json': { schema: NewUserBody } }, required: true } },
      responses: { 201: { description: 'Created', content: { 'application/json': { schema: z.object({ id: z.string() }) } } }, 404: { description: 'No such authority' }, 409: { description: 'Username taken' }, ...problemResponses },
    }),
    async (c) => {
      const actor = c.get('actor');
      authorize(actor, 'user.create');
      return c.json(await createUser(c.get('node'), c.req.valid('json'), actor), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch', path: '/api/v1/admin/users/{id}', tags: ['admin'], summary: 'Change roles, disable, reset the password or lift a lockout',
      request: { params: IdParam, body: { content: { 'application/json': { schema: UserChangeBody } }, required: true } },
      responses: { 204: { description: 'Changed' }, 404: { description: 'No such user' }, ...problemResponses },
    }),
    async (c) => {
      const actor = c.get('actor');
      authorize(actor, 'user.update');
      await updateUser(c.get('node'), c.req.valid('param').id, c.req.valid('json'), actor);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/v1/admin/tokens', tags: ['admin'], summary: 'List API tokens (never the secrets)',
      request: { query: z.object({ authority: z.string().max(63).optional() }) },
      responses: { 200: { description: 'Tokens', content: { 'application/json': { schema: z.object({ tokens: z.array(TokenSchema) }) } } }, ...problemResponses },
    }),
    async (c) => {
      authorize(c.get('actor'), 'token.read');
      return c.json({ tokens: await listApiTokens(c.get('node'), c.req.valid('query').authority) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/api/v1/admin/tokens', tags: ['admin'], summary: 'Issue an API token; the secret is shown only in this response',
      request: { body: { content: { 'application/json': { schema: NewTokenBody } }, required: true } },
      responses: { 201: { description: 'Issued', content: { 'application/json': { schema: z.object({ id: z.string(), token: z.string() }) } } }, 404: { description: 'No such authority or user' }, ...problemResponses },
    }),
    async (c) => {
      const actor = c.get('actor');
      authorize(actor, 'token.issue');
      return c.json(await issueApiToken(c.get('node'), c.req.valid('json'), actor), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete', path: '/api/v1/admin/tokens/{id}', tags: ['admin'], summary: 'Revoke an API token',
      request: { params: IdParam },
      responses: { 204: { description: 'Revoked' }, 404: { description: 'No such active token' }, ...problemResponses },
    }),
    async (c) => {
      const actor = c.get('actor');
      authorize(actor, 'token.revoke');
      await revokeApiToken(c.get('node'), c.req.valid('param').id, actor);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/v1/admin/retention', tags: ['admin'], summary: 'The retention rules in force (days)',
      responses: { 200: { description: 'Rules', content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } }, ...problemResponses },
    }),
    async (c) => {
      authorize(c.get('actor'), 'retention.read');
      return c.json(retentionRules() as unknown as Record<string, unknown>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/api/v1/admin/retention/run', tags: ['admin'], summary: 'Run retention now; every deletion is audited',
      responses: { 200: { description: 'What was deleted', content: { 'application/json': { schema: RetentionSummary } } }, ...problemResponses },
    }),
    async (c) => {
      const actor = c.get('actor');
      authorize(actor, 'retention.run');
      return c.json(await runRetention(c.get('node'), retentionRules(), actor), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/v1/admin/policy', tags: ['admin'], summary: 'The access policy in force',
      responses: { 200: { description: 'Grants', content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } }, ...problemResponses },
    }),
    async (c) => {
      const actor = c.get('actor');
      authorize(actor, 'user.read');
      const node = c.get('node');
      await appendAudit(node.database.db, { actor, action: 'user.read', outcome: 'ok', query: { policy: true }, at: node.clock.now(), requestId: c.get('requestId') });
      return c.json(currentPolicy() as unknown as Record<string, unknown>, 200);
    },
  );

  return app;
}
