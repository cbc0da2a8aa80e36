// Routes of the threat picture: the counts behind the analyst's charts, as
// JSON and as CSV for export. Both take the same filters.
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, problemResponses } from '../openapi.ts';
import { threatPicture, threatPictureCsv, ThreatPictureQuery } from '../../services/stats/index.ts';

const Count = z.number().int();
const Breakdown = z.object({ key: z.string(), confirmedHits: Count, activeAlerts: Count });
const ThreatPictureSchema = z
  .object({
    query: z.object({ from: z.string(), to: z.string(), bucket: z.enum(['day', 'week', 'month']), country: z.string().optional(), category: z.string().optional(), crimeArea: z.string().optional() }),
    generatedAt: z.string(),
    searchesFiltered: z.boolean().describe('false when a category or crime-area filter is set: searches carry neither, so they are counted unfiltered'),
    totals: z.object({ searches: Count, searchesWithHit: Count, confirmedHits: Count, dismissedHits: Count, activeAlerts: Count }),
    series: z.array(z.object({ period: z.string(), searches: Count, searchesWithHit: Count, confirmedHits: Count, dismissedHits: Count })),
    byCategory: z.array(Breakdown),
    byCrimeArea: z.array(Breakdown.extend({ empact: z.boolean() })),
    byCountry: z.array(Breakdown.extend({ searches: Count })),
  })
  .meta({ id: 'ThreatPicture' });

// Query strings arrive as text; the service validates them precisely.
const QueryParams = z.object({
  from: z.string().optional().describe('First day (YYYY-MM-DD); default 90 days before `to`'),
  to: z.string().optional().describe('Last day (YYYY-MM-DD); default today'),
  bucket: z.string().optional().describe('day, week (default) or month'),
  country: z.string().optional().describe('Alpha-3 country of the issuing authority (hits, alerts) or of the searching authority (searches)'),
  category: z.string().optional().describe('Alert category'),
  crimeArea: z.string().optional().describe('Crime area (EMPACT priority or other)'),
});

export function statsRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/stats/threat-picture',
      tags: ['stats'],
      summary: 'Searches and hits over time; confirmed hits and active alerts by category, EMPACT priority and country',
      description: `Filters: ${Object.keys(ThreatPictureQuery.shape).join(', ')}.`,
      request: { query: QueryParams },
      responses: { 200: { description: 'The threat picture', content: { 'application/json': { schema: ThreatPictureSchema } } }, ...problemResponses },
    }),
    async (c) => c.json(await threatPicture(c.get('node'), c.get('actor'), c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/stats/threat-picture/export',
      tags: ['stats'],
      summary: 'The threat picture as CSV (same filters)',
      request: { query: QueryParams },
      responses: { 200: { description: 'CSV, one row per point of each section', content: { 'text/csv': { schema: z.string() } } }, ...problemResponses },
    }),
    async (c) => {
      const picture = await threatPicture(c.get('node'), c.get('actor'), c.req.valid('query'));
      const name = `threat-picture-${picture.query.from}-${picture.query.to}.csv`;
      return c.body(threatPictureCsv(picture), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"` });
    },
  );
  return app;
}
