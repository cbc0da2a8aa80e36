// Reading single records and listing sources. Reading a person or an object
// needs a purpose and a case reference, is decided by the access policy per
// source, refused for hit/no-hit sources of other authorities (they answer
// "ask us", never with the data), and audited whether it succeeds or not.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../env.ts';
import { createRouter, problemResponses, ProblemSchema } from '../openapi.ts';
import { authorize, isAllowed } from '../../access/policy.ts';
import type { Actor } from '../../access/actor.ts';
import { appendAudit } from '../../services/audit/audit-log.ts';
import { AccessDeniedError, NotFoundError } from '../../domain/errors.ts';
import { SearchContext } from '../../domain/purpose.ts';
import { getObject, getPerson, listSources, sourceOfRecord, type SourceSummary } from '../../services/records/read.ts';

const Source = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.string(),
    authorityId: z.string(),
    authorityName: z.string(),
    country: z.string(),
    hitNoHit: z.boolean(),
  })
  .meta({ id: 'SourceSummary' });

const AlertOnRecord = z
  .object({ id: z.string(), ref: z.string(), category: z.string(), status: z.string(), action: z.string(), expiresAt: z.string(), issuingAuthorityId: z.string() })
  .meta({ id: 'AlertOnRecord' });

const PersonView = z
  .object({
    id: z.uuid(),
    ref: z.string(),
    source: Source,
    displayName: z.string(),
    record: z.record(z.string(), z.unknown()).describe('The person record as imported (PersonRecord)'),
    documents: z.array(z.object({ type: z.string(), number: z.string(), issuingCountry: z.string(), expiry: z.string().nullable() })),
    alerts: z.array(AlertOnRecord),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PersonView' });

const ObjectView = z
  .object({
    id: z.uuid(),
    ref: z.string(),
    kind: z.string(),
    source: Source,
    displayName: z.string(),
    identifier: z.string().nullable().describe('Normalised primary identifier (VIN or plate, serial, document number, IBAN, inventory number)'),
    identifier2: z.string().nullable(),
    country: z.string().nullable(),
    record: z.record(z.string(), z.unknown()).describe('The object record as imported (ObjectRecord)'),
    alerts: z.array(AlertOnRecord),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ObjectView' });

const SourceWithCounts = Source.extend({ persons: z.number().int(), objects: z.number().int(), alerts: z.number().int() }).meta({ id: 'SourceWithCounts' });

const IdParam = z.object({ id: z.uuid().describe('Record id') });
const ReadQuery = SearchContext;
const notFound = { 404: { description: 'No such record', content: { 'application/problem+json': { schema: ProblemSchema } } } } as const;

type RecordType = 'person' | 'object';

/** Decides and audits a read of one record; returns its source when allowed. */
async function authorizeRead(c: Context<AppEnv>, type: RecordType, id: string, ctx: SearchContext): Promise<{ actor: Actor; source: SourceSummary }> {
  const actor = c.get('actor');
  const db = c.get('node').database.db;
  authorize(actor, 'record.read', { purpose: ctx.purpose });
  const audit = (outcome: 'ok' | 'denied', details: Record<string, unknown>, returned: { type: string; id: string }[] = []) =>
    appendAudit(db, { actor, action: 'record.read', outcome, purpose: ctx.purpose, caseReference: ctx.caseReference, query: { type, id }, returned, details });
  const source = await sourceOfRecord(db, type, id);
  if (!source) {
    await audit('ok', { found: false });
    throw new NotFoundError(`No ${type} with id ${id}.`);
  }
  try {
    authorize(actor, 'record.read', { purpose: ctx.purpose, sourceKind: source.kind, sourceId: source.id, authorityId: source.authorityId });
    if (source.hitNoHit && source.authorityId !== actor.authorityId) {
      throw new AccessDeniedError(`Access denied: ${source.name} is a hit/no-hit source; ask ${source.authorityName} for the record.`);
    }
  } catch (e) {
    if (e instanceof AccessDeniedError) await audit('denied', { reason: e.message, sourceId: source.id });
    throw e;
  }
  await audit('ok', { sourceId: source.id }, [{ type, id }]);
  return { actor, source };
}

export function recordsRoutes() {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/persons/{id}',
      tags: ['records'],
      summary: 'Read one person record, with its documents and the alerts on it',
      description: 'Needs a purpose and a case reference; every read is audited.',
      request: { params: IdParam, query: ReadQuery },
      responses: { 200: { description: 'The person record', content: { 'application/json': { schema: PersonView } } }, ...problemResponses, ...notFound },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await authorizeRead(c, 'person', id, c.req.valid('query'));
      const person = await getPerson(c.get('node').database.db, id);
      if (!person) throw new NotFoundError(`No person with id ${id}.`);
      return c.json(person as z.infer<typeof PersonView>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/objects/{id}',
      tags: ['records'],
      summary: 'Read one object record (vehicle, firearm, document, bank account, cultural good, number plate) and the alerts on it',
      description: 'Needs a purpose and a case reference; every read is audited.',
      request: { params: IdParam, query: ReadQuery },
      responses: { 200: { description: 'The object record', content: { 'application/json': { schema: ObjectView } } }, ...problemResponses, ...notFound },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await authorizeRead(c, 'object', id, c.req.valid('query'));
      const object = await getObject(c.get('node').database.db, id);
      if (!object) throw new NotFoundError(`No object with id ${id}.`);
      return c.json(object as z.infer<typeof ObjectView>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/sources',
      tags: ['records'],
      summary: 'The sources this node holds that the caller may read, with their numbers of persons, objects and alerts',
      responses: { 200: { description: 'Sources', content: { 'application/json': { schema: z.object({ sources: z.array(SourceWithCounts) }) } } }, ...problemResponses },
    }),
    async (c) => {
      const actor = c.get('actor');
      authorize(actor, 'record.read');
      const db = c.get('node').database.db;
      const sources = (await listSources(db)).filter((s) => isAllowed(actor, 'record.read', { sourceKind: s.kind, sourceId: s.id, authorityId: s.authorityId }));
      await appendAudit(db, { actor, action: 'source.list', outcome: 'ok', details: { sources: sources.length } });
      return c.json({ sources }, 200);
    },
  );

  return app;
}
