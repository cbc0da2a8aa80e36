// Alerts: create (active or proposed), read, list, change, extend, expire,
// delete; review of proposed alerts; partner flags; links; history. Each
// route parses, calls one service of src/services/alerts and formats.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { createRouter, problemResponses } from '../openapi.ts';
import {
  ApproveAlertRequest,
  CATEGORY_RULES,
  CreateAlertRequest,
  ExtendAlertRequest,
  FlagAlertRequest,
  LinkAlertRequest,
  ListAlertsQuery,
  ReasonRequest,
  UpdateAlertRequest,
  approveAlert,
  createAlert,
  deleteAlert,
  expireAlert,
  extendAlert,
  flagAlert,
  getAlert,
  getAlertHistory,
  linkAlerts,
  listAlerts,
  rejectAlert,
  reviewQueue,
  unflagAlert,
  updateAlert,
} from '../../services/alerts/index.ts';

const IdParam = z.object({ id: z.uuid({ message: 'expected an alert id (UUID)' }) });
const Flag = z.object({ authorityId: z.string(), authorityName: z.string(), country: z.string(), reason: z.string(), flaggedBy: z.string(), flaggedAt: z.string() });
export const AlertViewSchema = z
  .object({
    id: z.string(),
    source: z.string(),
    ref: z.string(),
    status: z.string(),
    effective: z.boolean(),
    category: z.string(),
    crimeArea: z.string().nullable(),
    action: z.string(),
    reason: z.string().nullable(),
    legalBasis: z.string().nullable(),
    protectiveMeasures: z.string().nullable(),
    handlingCode: z.string(),
    issuingAuthority: z.object({ id: z.string(), name: z.string(), country: z.string() }),
    validFrom: z.string().nullable(),
    expiresAt: z.string(),
    reviewAt: z.string().nullable(),
    subject: z.object({ type: z.enum(['person', 'object']), id: z.string(), source: z.string(), ref: z.string(), display: z.string(), objectKind: z.string().optional() }),
    flags: z.array(Flag),
    links: z.array(z.object({ id: z.string(), category: z.string(), status: z.string(), subjectType: z.string(), display: z.string() })),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Alert' });
const HistorySchema = z.array(
  z.object({
    changedAt: z.string(),
    actor: z.object({ id: z.string(), name: z.string(), authorityId: z.string() }),
    change: z.string(),
    changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
    reason: z.string().nullable(),
  }),
);

const ok = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const body = (schema: z.ZodType) => ({ required: true, content: { 'application/json': { schema } } });
const errors = {
  ...problemResponses,
  404: { description: 'No such alert', content: { 'application/problem+json': { schema: z.looseObject({}) } } },
  409: { description: 'Not possible in the alert\'s current state', content: { 'application/problem+json': { schema: z.looseObject({}) } } },
};

export function alertsRoutes() {
  const app = createRouter();
  const node = (c: { get(k: 'node'): import('../../services/context.ts').NodeContext }) => c.get('node');

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/alerts/categories',
      tags: ['alerts'],
      summary: 'What each alert category requires (subject and fields)',
      responses: { 200: ok(z.record(z.string(), z.looseObject({})), 'The per-category rules') },
    }),
    (c) => c.json(CATEGORY_RULES as Record<string, object>, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/alerts/review-queue',
      tags: ['alerts'],
      summary: 'Proposed alerts waiting for review, oldest first',
      responses: { 200: ok(z.object({ items: z.array(AlertViewSchema) }), 'The queue'), ...errors },
    }),
    async (c) => c.json({ items: await reviewQueue(node(c), c.get('actor')) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/alerts',
      tags: ['alerts'],
      summary: 'Create an alert (active, or proposed for review) on an existing or new person or object',
      description: 'The fields each category requires are listed at GET /api/v1/alerts/categories; a failed rule is a 422 naming the field.',
      request: { body: body(CreateAlertRequest) },
      responses: { 201: ok(AlertViewSchema, 'The alert'), ...errors },
    }),
    async (c) => c.json(await createAlert(node(c), c.get('actor'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/alerts',
      tags: ['alerts'],
      summary: 'List alerts, newest first',
      request: { query: ListAlertsQuery },
      responses: { 200: ok(z.object({ items: z.array(AlertViewSchema), total: z.number().int() }), 'A page of alerts'), ...errors },
    }),
    async (c) => c.json(await listAlerts(node(c), c.get('actor'), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({ method: 'get', path: '/api/v1/alerts/{id}', tags: ['alerts'], summary: 'One alert with its subject, flags and links', request: { params: IdParam }, responses: { 200: ok(AlertViewSchema, 'The alert'), ...errors } }),
    async (c) => c.json(await getAlert(node(c), c.get('actor'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({ method: 'get', path: '/api/v1/alerts/{id}/history', tags: ['alerts'], summary: 'Every change to the alert: who, when, what and why', request: { params: IdParam }, responses: { 200: ok(HistorySchema, 'The history'), ...errors } }),
    async (c) => c.json(await getAlertHistory(node(c), c.get('actor'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({ method: 'patch', path: '/api/v1/alerts/{id}', tags: ['alerts'], summary: 'Change an alert\'s fields, saying why', request: { params: IdParam, body: body(UpdateAlertRequest) }, responses: { 200: ok(AlertViewSchema, 'The changed alert'), ...errors } }),
    async (c) => c.json(await updateAlert(node(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({ method: 'post', path: '/api/v1/alerts/{id}/extend', tags: ['alerts'], summary: 'Extend an alert with a new expiry (and review) date', request: { params: IdParam, body: body(ExtendAlertRequest) }, responses: { 200: ok(AlertViewSchema, 'The extended alert'), ...errors } }),
    async (c) => c.json(await extendAlert(node(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({ method: 'post', path: '/api/v1/alerts/{id}/expire', tags: ['alerts'], summary: 'End an alert now; it stops producing hits at once', request: { params: IdParam, body: body(ReasonRequest) }, responses: { 200: ok(AlertViewSchema, 'The expired alert'), ...errors } }),
    async (c) => c.json(await expireAlert(node(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/alerts/{id}',
      tags: ['alerts'],
      summary: 'Delete an alert (kept, marked deleted, until the retention period ends); the reason goes in ?reason=',
      request: { params: IdParam, query: z.object({ reason: z.string().optional() }) },
      responses: { 200: ok(AlertViewSchema, 'The deleted alert'), ...errors },
    }),
    async (c) => c.json(await deleteAlert(node(c), c.get('actor'), c.req.valid('param').id, { reason: c.req.valid('query').reason }), 200),
  );

  app.openapi(
    createRoute({ method: 'post', path: '/api/v1/alerts/{id}/approve', tags: ['alerts'], summary: 'Approve a proposed alert, optionally completing it', request: { params: IdParam, body: body(ApproveAlertRequest) }, responses: { 200: ok(AlertViewSchema, 'The active alert'), ...errors } }),
    async (c) => c.json(await approveAlert(node(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({ method: 'post', path: '/api/v1/alerts/{id}/reject', tags: ['alerts'], summary: 'Reject a proposed alert, saying why', request: { params: IdParam, body: body(ReasonRequest) }, responses: { 200: ok(AlertViewSchema, 'The rejected alert'), ...errors } }),
    async (c) => c.json(await rejectAlert(node(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/alerts/{id}/flags',
      tags: ['alerts'],
      summary: 'Flag a partner\'s alert as not to be executed on your authority\'s territory',
      request: { params: IdParam, body: body(FlagAlertRequest) },
      responses: { 201: ok(AlertViewSchema, 'The alert with the flag'), ...errors },
    }),
    async (c) => c.json(await flagAlert(node(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({ method: 'delete', path: '/api/v1/alerts/{id}/flags', tags: ['alerts'], summary: 'Withdraw your authority\'s flag', request: { params: IdParam }, responses: { 200: ok(AlertViewSchema, 'The alert'), ...errors } }),
    async (c) => c.json(await unflagAlert(node(c), c.get('actor'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({ method: 'post', path: '/api/v1/alerts/{id}/links', tags: ['alerts'], summary: 'Link the alert to another (a person and their vehicle)', request: { params: IdParam, body: body(LinkAlertRequest) }, responses: { 201: ok(AlertViewSchema, 'The alert with its links'), ...errors } }),
    async (c) => c.json(await linkAlerts(node(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  return app;
}

