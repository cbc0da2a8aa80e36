// The data-protection officer's API: query and export the audit log, verify
// it, and the data-subject access report. Every use is itself audited.
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, problemResponses } from '../openapi.ts';
import { authorize } from '../../access/policy.ts';
import { appendAudit } from '../../services/audit/audit-log.ts';
import { csvHeader, csvRow, parseAuditFilter, queryAudit, streamAudit } from '../../services/audit/query.ts';
import { verifyAuditLog } from '../../services/audit/verify.ts';
import { listCheckpoints } from '../../services/audit/checkpoints.ts';
import { existingNodeKey, nodeKey } from '../../services/audit/node-key.ts';
import { subjectReport } from '../../services/audit/subject-report.ts';
import { subjectReportHtml } from '../../services/audit/subject-report-html.ts';

const FilterQuery = z.object({
  person: z.string().max(100).optional().openapi({ description: 'A person record id; includes their identity cluster and the alerts on them' }),
  record: z.string().max(100).optional().openapi({ description: 'Any record id (person, object, alert, user, token …)' }),
  user: z.string().max(100).optional().openapi({ description: 'Username, user id or token id' }),
  case: z.string().max(64).optional(),
  action: z.string().max(64).optional().openapi({ description: 'An action (record.read) or an area (record)' }),
  authority: z.string().max(63).optional(),
  outcome: z.enum(['ok', 'denied', 'error']).optional(),
  from: z.string().max(40).optional().openapi({ description: 'ISO date or date-time, inclusive' }),
  to: z.string().max(40).optional().openapi({ description: 'ISO date or date-time, exclusive' }),
});

const EntrySchema = z
  .object({
    seq: z.number().int(),
    hash: z.string(),
    at: z.string(),
    actor: z.object({ kind: z.string(), id: z.string(), name: z.string(), authorityId: z.string(), country: z.string(), roles: z.array(z.string()) }),
    action: z.string(),
    outcome: z.string(),
    purpose: z.string().optional(),
    caseReference: z.string().optional(),
    query: z.unknown().optional(),
    returned: z.array(z.object({ type: z.string(), id: z.string() })).optional(),
    changed: z.array(z.object({ type: z.string(), id: z.string() })).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
    requestId: z.string().optional(),
  })
  .openapi('AuditEntry');

const VerifyResultSchema = z
  .object({
    ok: z.boolean(),
    entriesChecked: z.number().int(),
    anchor: z.union([z.object({ kind: z.literal('genesis') }), z.object({ kind: z.literal('checkpoint'), seq: z.number().int(), at: z.string() })]),
    firstSeq: z.number().int().nullable(),
    lastSeq: z.number().int().nullable(),
    lastHash: z.string().nullable(),
    checkpointsChecked: z.number().int(),
    signaturesChecked: z.boolean(),
    failure: z.object({ seq: z.number().int(), reason: z.string() }).optional(),
    pending: z.number().int().openapi({ description: 'Entries committed but not yet in the hash chain (chained within about a second by the node).' }),
    ms: z.number(),
  })
  .openapi('AuditVerification');

function filterOf(q: z.infer<typeof FilterQuery>) {
  return parseAuditFilter(Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '')));
}

export function auditRoutes() {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/audit/entries',
      tags: ['audit'],
      summary: 'Query the audit log, newest first: by person, user, case, action, authority and period',
      request: {
        query: FilterQuery.extend({
          limit: z.coerce.number().int().min(1).max(1000).default(100),
          before: z.coerce.number().int().min(1).optional().openapi({ description: 'Cursor: the `next` of the previous page' }),
        }),
      },
      responses: {
        200: { description: 'A page of entries', content: { 'application/json': { schema: z.object({ entries: z.array(EntrySchema), next: z.number().int().nullable() }) } } },
        ...problemResponses,
      },
    }),
    async (c) => {
      const actor = c.get('actor');
      authorize(actor, 'audit.read', { purpose: 'data_protection_review' });
      const node = c.get('node');
      const { limit, before, ...q } = c.req.valid('query');
      const filter = filterOf(q);
      const page = await queryAudit(node.database, filter, { limit, before });
      await appendAudit(node.database.db, {
        actor, action: 'audit.read', outcome: 'ok', purpose: 'data_protection_review', query: { ...q, before }, details: { entries: page.entries.length }, at: node.clock.now(), requestId: c.get('requestId'),
      });
      return c.json(page as { entries: z.infer<typeof EntrySchema>[]; next: number | null }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/audit/export',
      tags: ['audit'],
      summary: 'Export the matching audit entries, oldest first, as JSON Lines or CSV',
      request: { query: FilterQuery.extend({ format: z.enum(['jsonl', 'csv']).default('jsonl') }) },
      responses: {
        200: {
          description: 'The entries',
          content: { 'application/x-ndjson': { schema: z.string() }, 'text/csv': { schema: z.string() } },
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const actor = c.get('actor');
      authorize(actor, 'audit.export', { purpose: 'data_protection_review' });
      const node = c.get('node');
      const { format, ...q } = c.req.valid('query');
      const filter = filterOf(q);
      await appendAudit(node.database.db, {
        actor, action: 'audit.export', outcome: 'ok', purpose: 'data_protection_review', query: { ...q, format }, at: node.clock.now(), requestId: c.get('requestId'),
      });
      const batches = streamAudit(node.database, filter);
      const encoder = new TextEncoder();
      let headerSent = false;
      const stream = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (format === 'csv' && !headerSent) {
            headerSent = true;
            controller.enqueue(encoder.encode(csvHeader()));
            return;
          }
          const next = await batches.next();
          if (next.done) return controller.close();
          const text = next.value.map((e) => (format === 'csv' ? csvRow(e) : JSON.stringify(e) + '\n')).join('');
          controller.enqueue(encoder.encode(text));
        },
        async cancel() {
          await batches.return(undefined);
        },
      });
      const stamp = node.clock.now().toISOString().slice(0, 10);
      return new Response(stream, {
        status: 200,
        headers: {
          'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
          'content-disposition': `attachment; filename="pontis-audit-${stamp}.${format}"`,
        },
      }) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/audit/verify',
      tags: ['audit'],
      summary: 'Verify the hash chain and the signed checkpoints; names the first entry that is not intact',
      request: { body: { content: { 'application/json': { schema: z.object({ from: z.string().max(40).optional() }) } }, required: false } },
      responses: { 200: { description: 'The verification result (ok false names the failure)', content: { 'application/json': { schema: VerifyResultSchema } } }, ...problemResponses },
    }),
    async (c) => {
      const actor = c.get('actor');
      authorize(actor, 'audit.verify', { purpose: 'data_protection_review' });
      const node = c.get('node');
      let from: Date | undefined;
      const body = (await c.req.json().catch(() => ({}))) as { from?: string };
      if (body && typeof body.from === 'string' && body.from !== '') from = parseAuditFilter({ from: body.from }).from;
      const result = await verifyAuditLog(node.database, { from, key: existingNodeKey(node) });
      await appendAudit(node.database.db, {
        actor, action: 'audit.verify', outcome: 'ok', purpose: 'data_protection_review', query: { from: from?.toISOString() },
        details: { ok: result.ok, entriesChecked: result.entriesChecked, failure: result.failure }, at: node.clock.now(), requestId: c.get('requestId'),
      });
      return c.json(result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/audit/checkpoints',
      tags: ['audit'],
      summary: 'The signed checkpoints of the audit chain and the public key that signs them',
      responses: {
        200: {
          description: 'Checkpoints, oldest first',
          content: {
            'application/json': {
              schema: z.object({
                key: z.object({ id: z.string(), publicKeyPem: z.string() }),
                checkpoints: z.array(z.object({ seq: z.number().int(), hash: z.string(), at: z.string(), keyId: z.string(), signature: z.string() })),
              }),
            },
          },
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      authorize(c.get('actor'), 'audit.read');
      const node = c.get('node');
      const key = nodeKey(node);
      const cps = await listCheckpoints(node.database.db);
      return c.json(
        {
          key: { id: key.id, publicKeyPem: key.publicKey.export({ type: 'spki', format: 'pem' }).toString() },
          checkpoints: cps.map((cp) => ({ seq: cp.seq, hash: cp.hash.toString('hex'), at: cp.at.toISOString(), keyId: cp.keyId, signature: cp.signature.toString('base64') })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/persons/{id}/subject-report',
      tags: ['audit'],
      summary: 'Data-subject access report: every record held on the person and their identity cluster, and who accessed it when and why',
      request: {
        params: z.object({ id: z.string().uuid() }),
        query: z.object({ format: z.enum(['json', 'html']).default('json') }),
      },
      responses: {
        200: { description: 'The report', content: { 'application/json': { schema: z.record(z.string(), z.unknown()) }, 'text/html': { schema: z.string() } } },
        404: { description: 'No such person' },
        ...problemResponses,
      },
    }),
    async (c) => {
      const actor = c.get('actor');
      authorize(actor, 'subject_report.read', { purpose: 'data_protection_review' });
      const node = c.get('node');
      const { id } = c.req.valid('param');
      const { format } = c.req.valid('query');
      const report = await subjectReport(node, id, actor, c.get('requestId'));
      if (format === 'html') return c.html(subjectReportHtml(report)) as never;
      return c.json(report as unknown as Record<string, unknown>, 200);
    },
  );

  return app;
}
