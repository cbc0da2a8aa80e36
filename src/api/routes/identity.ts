// Multiple-identity detection and the verification queue of its links.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { createRouter, problemResponses } from '../openapi.ts';
import { DetectRequest, ListLinksQuery, ResolveLinkRequest, detectMultipleIdentities, getCluster, getLink, listLinks, resolveLink } from '../../services/identity/index.ts';

const IdParam = z.object({ id: z.uuid({ message: 'expected a UUID' }) });
const Person = z.object({ id: z.string(), source: z.string(), ref: z.string(), display: z.string(), record: z.looseObject({}).nullable() });
const LinkBase = {
  id: z.string(),
  status: z.enum(['yellow', 'green', 'white', 'red']),
  probability: z.number(),
  explanation: z.looseObject({ summary: z.string() }),
  createdAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
};
const LinkSchema = z.object({ ...LinkBase, a: Person, b: Person }).meta({ id: 'IdentityLink' });
const ClusterSchema = z.object({ personId: z.string(), persons: z.array(Person), links: z.array(z.object({ ...LinkBase, personA: z.string(), personB: z.string() })) }).meta({ id: 'IdentityCluster' });
const Summary = z.object({ runId: z.string(), examined: z.number().int(), candidatePairs: z.number().int(), linksCreated: z.number().int(), threshold: z.number() });
const ok = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = { ...problemResponses, 404: { description: 'Not found', content: { 'application/problem+json': { schema: z.looseObject({}) } } } };

export function identityRoutes() {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/identity/detect',
      tags: ['identity'],
      summary: 'Detect multiple identities: pairs of persons in different sources above the threshold become yellow links',
      request: { body: { required: true, content: { 'application/json': { schema: DetectRequest } } } },
      responses: { 200: ok(Summary, 'What the run examined and created'), ...errors },
    }),
    async (c) => c.json(await detectMultipleIdentities(c.get('node'), c.get('actor'), c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/identity/links',
      tags: ['identity'],
      summary: 'Identity links (status=yellow: the verification queue), both records side by side with the explanation',
      request: { query: ListLinksQuery },
      responses: { 200: ok(z.object({ items: z.array(LinkSchema), total: z.number().int() }), 'A page of links'), ...errors },
    }),
    async (c) => c.json(await listLinks(c.get('node'), c.get('actor'), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({ method: 'get', path: '/api/v1/identity/links/{id}', tags: ['identity'], summary: 'One identity link', request: { params: IdParam }, responses: { 200: ok(LinkSchema, 'The link'), ...errors } }),
    async (c) => c.json(await getLink(c.get('node'), c.get('actor'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/identity/links/{id}/resolve',
      tags: ['identity'],
      summary: 'Decide a link: green (different persons), white (same person, lawfully) or red (identity fraud), saying why',
      request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: ResolveLinkRequest } } } },
      responses: { 200: ok(LinkSchema, 'The decided link'), ...errors, 409: { description: 'Already in that status', content: { 'application/problem+json': { schema: z.looseObject({}) } } } },
    }),
    async (c) => c.json(await resolveLink(c.get('node'), c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/identity/persons/{id}/cluster',
      tags: ['identity'],
      summary: 'One identity view: the records linked white, red or yellow to this person, transitively',
      request: { params: IdParam },
      responses: { 200: ok(ClusterSchema, 'The cluster'), ...errors },
    }),
    async (c) => c.json(await getCluster(c.get('node'), c.get('actor'), c.req.valid('param').id), 200),
  );

  return app;
}
