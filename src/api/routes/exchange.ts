// Routes of the follow-up exchange: hits, threads and messages, attachments,
// read receipts and acknowledgements, rapid alerts, the live event stream and
// closing cases. Each parses, calls one service and formats.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import { createRouter, problemResponses } from '../openapi.ts';
import { problem, problemResponse } from '../problem.ts';
import { authorize } from '../../access/policy.ts';
import { appendAudit } from '../../services/audit/audit-log.ts';
import {
  acknowledgeMessage,
  acknowledgeRapidAlert,
  closeCase,
  eventsSince,
  getMessage,
  getRapidAlert,
  getThread,
  inbox,
  latestEventId,
  listHits,
  listRapidAlerts,
  markRead,
  onWake,
  postToThread,
  readAttachment,
  recordHit,
  sendRapidAlert,
  uploadAttachment,
  MAX_ATTACHMENT_BYTES,
  ALLOWED_CONTENT_TYPES,
} from '../../services/exchange/index.ts';
import { AcknowledgeInput, CloseCaseInput, HitInput, InboxQuery, RapidAlertInput, ThreadMessageInput } from '../../services/exchange/inputs.ts';

const HEARTBEAT_MS = 15_000;

const IdParam = z.object({ id: z.uuid({ message: 'expected a UUID' }) });
const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const body = (schema: z.ZodType) => ({ required: true, content: { 'application/json': { schema } } });
const Anything = z.looseObject({});
const notFound = { 404: { description: 'Not found, or not visible to your authority', content: { 'application/problem+json': { schema: Anything } } } };
const conflict = { 409: { description: 'Already done', content: { 'application/problem+json': { schema: Anything } } } };

export function exchangeRoutes() {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/hits',
      tags: ['exchange'],
      summary: 'Confirm or dismiss a hit',
      description: 'A confirmed hit sends a hit notification (with the action taken) to the alert\'s issuing authority, in the same transaction as the hit and its audit entry.',
      request: { body: body(HitInput) },
      responses: { 201: json(Anything, 'The hit, with the notification and thread ids when confirmed'), ...problemResponses },
    }),
    async (c) => c.json(await recordHit(c.get('node'), c.get('actor'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/hits',
      tags: ['exchange'],
      summary: 'Hits of an alert',
      request: { query: z.object({ alertId: z.uuid({ message: 'expected a UUID' }) }) },
      responses: { 200: json(Anything, 'Hits, newest first'), ...problemResponses, ...notFound },
    }),
    async (c) => c.json({ items: await listHits(c.get('node'), c.get('actor'), c.req.valid('query').alertId) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/inbox',
      tags: ['exchange'],
      summary: 'Messages delivered to your authority, unread first',
      request: { query: InboxQuery },
      responses: { 200: json(Anything, 'Inbox items and the number unread'), ...problemResponses },
    }),
    async (c) => c.json(await inbox(c.get('node'), c.get('actor'), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/threads/{id}',
      tags: ['exchange'],
      summary: 'A thread with its messages (participating authorities only)',
      request: { params: IdParam },
      responses: { 200: json(Anything, 'The thread'), ...problemResponses, ...notFound },
    }),
    async (c) => c.json(await getThread(c.get('node'), c.get('actor'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/threads/{id}/messages',
      tags: ['exchange'],
      summary: 'Send a message in a thread',
      description: `Attachments inline (base64) or by id from POST /api/v1/attachments. Allowed types: ${ALLOWED_CONTENT_TYPES.join(', ')}; the bytes must match the type.`,
      request: { params: IdParam, body: body(ThreadMessageInput) },
      responses: { 201: json(Anything, 'The message as sent'), ...problemResponses, ...notFound },
    }),
    async (c) => c.json(await postToThread(c.get('node'), c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/messages/{id}',
      tags: ['exchange'],
      summary: 'One message, with deliveries, reads and acknowledgements',
      request: { params: IdParam },
      responses: { 200: json(Anything, 'The message'), ...problemResponses, ...notFound },
    }),
    async (c) => c.json(await getMessage(c.get('node'), c.get('actor'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/messages/{id}/read',
      tags: ['exchange'],
      summary: 'Record that you read a message (read receipt)',
      request: { params: IdParam },
      responses: { 200: json(Anything, 'When you read it'), ...problemResponses, ...notFound },
    }),
    async (c) => c.json(await markRead(c.get('node'), c.get('actor'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/messages/{id}/acknowledge',
      tags: ['exchange'],
      summary: 'Acknowledge a hit notification or rapid alert for your authority',
      request: { params: IdParam, body: { required: false, content: { 'application/json': { schema: AcknowledgeInput } } } },
      responses: { 201: json(Anything, 'The acknowledgement'), ...problemResponses, ...notFound, ...conflict },
    }),
    async (c) => {
      const input = (c.req.valid('json') as z.infer<typeof AcknowledgeInput> | undefined) ?? {};
      return c.json(await acknowledgeMessage(c.get('node'), c.get('actor'), c.req.valid('param').id, input.note), 201);
    },
  );

  app.post(
    '/api/v1/attachments',
    bodyLimit({
      maxSize: MAX_ATTACHMENT_BYTES,
      onError: (c) => problemResponse(c, problem(413, 'too-large', `An attachment has at most ${MAX_ATTACHMENT_BYTES} bytes.`)),
    }),
    async (c) => {
      const filename = c.req.query('filename') ?? '';
      const contentType = c.req.header('content-type') ?? '';
      const data = new Uint8Array(await c.req.arrayBuffer());
      return c.json(await uploadAttachment(c.get('node'), c.get('actor'), { filename, contentType, data }), 201);
    },
  );
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/api/v1/attachments',
    tags: ['exchange'],
    summary: 'Upload a file to attach to a message',
    description: `The raw bytes as the body, the type as Content-Type (${ALLOWED_CONTENT_TYPES.join(', ')}), the name as ?filename=. At most ${MAX_ATTACHMENT_BYTES} bytes; the bytes must match the type. Returns the id to list in attachmentIds.`,
    request: { query: z.object({ filename: z.string() }) },
    responses: { 201: json(Anything, 'The stored attachment'), 413: { description: 'Too large' }, ...problemResponses },
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/attachments/{id}',
      tags: ['exchange'],
      summary: 'Download an attachment',
      request: { params: IdParam },
      responses: { 200: { description: 'The file' }, ...problemResponses, ...notFound },
    }),
    async (c) => {
      const a = await readAttachment(c.get('node'), c.get('actor'), c.req.valid('param').id);
      return c.body(a.data as Uint8Array<ArrayBuffer>, 200, {
        'content-type': a.contentType,
        'content-disposition': `attachment; filename="${a.filename.replace(/[^\w.-]/g, '_')}"`,
        'x-content-type-options': 'nosniff',
        'x-sha256': a.sha256,
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/rapid-alerts',
      tags: ['exchange'],
      summary: 'Broadcast a rapid alert to chosen authorities (or all)',
      request: { body: body(RapidAlertInput) },
      responses: { 201: json(Anything, 'The rapid alert with its recipients'), ...problemResponses },
    }),
    async (c) => c.json(await sendRapidAlert(c.get('node'), c.get('actor'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/rapid-alerts',
      tags: ['exchange'],
      summary: 'Rapid alerts your authority sent or received',
      responses: { 200: json(Anything, 'Rapid alerts, newest first'), ...problemResponses },
    }),
    async (c) => c.json({ items: await listRapidAlerts(c.get('node'), c.get('actor')) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/rapid-alerts/{id}',
      tags: ['exchange'],
      summary: 'A rapid alert: who acknowledged and who has not',
      request: { params: IdParam },
      responses: { 200: json(Anything, 'The rapid alert'), ...problemResponses, ...notFound },
    }),
    async (c) => c.json(await getRapidAlert(c.get('node'), c.get('actor'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/rapid-alerts/{id}/acknowledge',
      tags: ['exchange'],
      summary: 'Acknowledge a rapid alert for your authority',
      request: { params: IdParam, body: { required: false, content: { 'application/json': { schema: AcknowledgeInput } } } },
      responses: { 201: json(Anything, 'The acknowledgement'), ...problemResponses, ...notFound, ...conflict },
    }),
    async (c) => {
      const input = (c.req.valid('json') as z.infer<typeof AcknowledgeInput> | undefined) ?? {};
      return c.json(await acknowledgeRapidAlert(c.get('node'), c.get('actor'), c.req.valid('param').id, input.note), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/cases/{ref}/close',
      tags: ['exchange'],
      summary: 'Close a case of your authority (its searches stop watching for new alerts)',
      request: { params: z.object({ ref: z.string() }), body: { required: false, content: { 'application/json': { schema: CloseCaseInput } } } },
      responses: { 200: json(Anything, 'The closed case'), ...problemResponses, ...conflict },
    }),
    async (c) => c.json(await closeCase(c.get('node'), c.get('actor'), c.req.valid('param').ref, c.req.valid('json') ?? {}), 200),
  );

  app.get('/api/v1/events', async (c) => {
    const node = c.get('node');
    const actor = c.get('actor');
    authorize(actor, 'message.read', { authorityId: actor?.authorityId });
    const fromHeader = c.req.header('last-event-id') ?? c.req.query('since');
    let last: number;
    if (fromHeader === undefined || fromHeader === '') {
      last = await latestEventId(node.database.db, actor.authorityId);
    } else if (/^\d{1,15}$/.test(fromHeader)) {
      last = Number(fromHeader);
    } else {
      return problemResponse(c, problem(422, 'validation', 'Last-Event-ID (or ?since=) must be a non-negative event id.', [{ path: 'since', message: 'expected digits' }]));
    }
    await appendAudit(node.database.db, { at: node.clock.now(), actor, action: 'events.subscribe', outcome: 'ok', details: { since: last } });
    const authorityId = actor.authorityId;
    return streamSSE(c, async (stream) => {
      let wake: () => void = () => {};
      let pending = true; // query once at the start
      const unsubscribe = onWake(node, authorityId, () => {
        pending = true;
        wake();
      });
      stream.onAbort(() => {
        unsubscribe();
        wake();
      });
      try {
        await stream.write(': connected\n\n');
        while (!stream.aborted) {
          if (pending) {
            pending = false;
            for (;;) {
              const events = await eventsSince(node.database.db, authorityId, last, 200);
              for (const e of events) {
                await stream.writeSSE({ id: String(e.id), event: e.kind, data: JSON.stringify(e) });
                last = e.id;
              }
              if (events.length < 200) break;
            }
          }
          // Sleep until woken by a commit here, or the heartbeat; a heartbeat
          // also re-reads, which catches events another process committed.
          const timedOut = await new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => resolve(true), HEARTBEAT_MS);
            wake = () => {
              clearTimeout(timer);
              resolve(false);
            };
            if (pending || stream.aborted) wake();
          });
          if (timedOut && !stream.aborted) {
            await stream.write(': heartbeat\n\n');
            pending = true;
          }
        }
      } finally {
        unsubscribe();
      }
    });
  });
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/v1/events',
    tags: ['exchange'],
    summary: 'Live events of your authority (server-sent events)',
    description: 'New messages, hit notifications, rapid alerts, delivery and read receipts, acknowledgements and watch matches. Each event id is monotonic: reconnect with Last-Event-ID (or ?since=) to receive what you missed; without either the stream starts from now. A comment line every 15 s keeps the connection open.',
    request: { query: z.object({ since: z.string().optional() }) },
    responses: { 200: { description: 'text/event-stream' }, ...problemResponses },
  });

  return app;
}
