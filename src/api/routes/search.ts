// The single search over every source the caller may see for the purpose.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { Counter, Histogram } from 'prom-client';
import { createRouter, problemResponses } from '../openapi.ts';
import { metricsRegistry } from '../metrics.ts';
import { runSearch, SearchRequest, isRecordHit } from '../../services/search/index.ts';

const searches = new Counter({ name: 'pontis_searches_total', help: 'Single searches run, by purpose', labelNames: ['purpose'] as const, registers: [metricsRegistry] });
const searchHits = new Counter({ name: 'pontis_search_hits_total', help: 'Hits shown by single searches, by kind', labelNames: ['kind'] as const, registers: [metricsRegistry] });
const searchSeconds = new Histogram({
  name: 'pontis_search_duration_seconds',
  help: 'Time to answer a single search in the service',
  buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
  registers: [metricsRegistry],
});

const Explanation = z.object({
  summary: z.string(),
  weight: z.number().optional(),
  fields: z.array(z.object({ field: z.string(), label: z.string(), levelLabel: z.string(), values: z.string(), bits: z.number().optional() })),
});
const HitAlertSchema = z.object({
  id: z.string(),
  source: z.string(),
  category: z.string(),
  action: z.string(),
  issuingAuthority: z.object({ id: z.string(), name: z.string(), country: z.string() }),
  expiresAt: z.string(),
  handlingCode: z.string(),
  flags: z.array(z.object({ authorityId: z.string(), authorityName: z.string(), country: z.string(), reason: z.string(), flaggedBy: z.string(), flaggedAt: z.string() })),
});
const RecordHitSchema = z.object({
  source: z.string(),
  kind: z.enum(['person', 'object']),
  recordId: z.string(),
  ref: z.string(),
  objectKind: z.string().optional(),
  probability: z.number(),
  explanation: Explanation,
  alerts: z.array(HitAlertSchema),
  display: z.string(),
  matchedOn: z.string(),
});
const HitNoHitSchema = z.object({ source: z.string(), hit: z.literal(true), contact: z.object({ authorityId: z.string(), name: z.string(), country: z.string() }) });
export const SearchResultSchema = z
  .object({
    searchId: z.string(),
    purpose: z.string(),
    caseReference: z.string(),
    searchedAt: z.string(),
    sources: z.object({
      searched: z.array(z.object({ id: z.string(), name: z.string(), authorityId: z.string(), hitNoHit: z.boolean() })),
      notSearched: z.array(z.object({ id: z.string(), name: z.string(), reason: z.string() })),
    }),
    interpretations: z.array(z.object({ kind: z.string(), value: z.string(), confidence: z.number(), searched: z.boolean(), warnings: z.array(z.string()).optional() })).optional(),
    mrz: z
      .object({ format: z.string(), documentType: z.string(), documentNumber: z.string(), issuingCountry: z.string(), valid: z.boolean(), failedChecks: z.array(z.string()), warnings: z.array(z.string()) })
      .optional(),
    warnings: z.array(z.string()),
    hits: z.array(z.union([RecordHitSchema, HitNoHitSchema])),
    totalHits: z.number().int(),
  })
  .meta({ id: 'SearchResult' });

export function searchRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/search',
      tags: ['search'],
      summary: 'Search every permitted source for a person, an MRZ, an object identifier or free text',
      description:
        'Needs a purpose and a case reference. Person details are matched by the identity engine (scripts, spellings, partial dates) and every hit explains why; ' +
        'an MRZ is parsed with its check digits verified (a failed check digit is reported, not ignored); object identifiers are validated and normalised first. ' +
        'Hits carry the active alerts on the record with the action to take and any partner flags. Hit/no-hit sources answer only that there is a hit and whom to ask. ' +
        'The answer lists the sources searched and those not searched, with the reason. Every search and everything it shows is audited.',
      request: { body: { required: true, content: { 'application/json': { schema: SearchRequest } } } },
      responses: { 200: { description: 'Ranked hits', content: { 'application/json': { schema: SearchResultSchema } } }, ...problemResponses },
    }),
    async (c) => {
      const started = performance.now();
      // The body was parsed by SearchRequest on the way in; parsing it again would only cost time.
      const result = await runSearch(c.get('node'), c.get('actor'), c.req.valid('json'));
      searchSeconds.observe((performance.now() - started) / 1000);
      searches.inc({ purpose: result.purpose });
      let persons = 0, objects = 0, hitNoHit = 0;
      for (const h of result.hits) {
        if (!isRecordHit(h)) hitNoHit++;
        else if (h.kind === 'person') persons++;
        else objects++;
      }
      if (persons) searchHits.inc({ kind: 'person' }, persons);
      if (objects) searchHits.inc({ kind: 'object' }, objects);
      if (hitNoHit) searchHits.inc({ kind: 'hit_no_hit' }, hitNoHit);
      return c.json(result, 200);
    },
  );
  return app;
}
