// Composes the HTTP API: cross-cutting middleware (request id, structured
// logs, metrics, security headers, size limits, authentication, problem
// details), then one router per area, then the OpenAPI document and the web app.
import { randomUUID } from 'node:crypto';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { NodeContext } from '../services/context.ts';
import type { AppEnv } from './env.ts';
import { problem, problemFromError, problemResponse, retryAfter } from './problem.ts';
import { httpDuration, httpRequests } from './metrics.ts';
import { authenticate } from './authenticate.ts';
import { DOCS_CSS, DOCS_HTML, DOCS_JS } from './docs-page.ts';
import { healthRoutes } from './routes/health.ts';
import { authRoutes } from './routes/auth.ts';
import { oidcRoutes } from './routes/oidc.ts';
import { auditRoutes } from './routes/audit.ts';
import { adminRoutes } from './routes/admin.ts';
import { recordsRoutes } from './routes/records.ts';
import { alertsRoutes } from './routes/alerts.ts';
import { searchRoutes } from './routes/search.ts';
import { identityRoutes } from './routes/identity.ts';
import { exchangeRoutes } from './routes/exchange.ts';
import { statsRoutes } from './routes/stats.ts';
import { webRoutes } from './web.ts';

/** Largest JSON body the API accepts; attachment uploads have their own limit. */
export const MAX_BODY_BYTES = 1024 * 1024;

export async function createApp(node: NodeContext): Promise<OpenAPIHono<AppEnv>> {
  const app = new OpenAPIHono<AppEnv>();
  const log = node.logger;

  app.use('*', async (c, next) => {
    const requestId = c.req.header('x-request-id')?.slice(0, 100) || randomUUID();
    c.set('requestId', requestId);
    c.set('node', node);
    c.set('actor', null);
    const started = performance.now();
    await next();
    const route = c.req.routePath || 'unmatched';
    const seconds = (performance.now() - started) / 1000;
    httpRequests.inc({ method: c.req.method, route, status: String(c.res.status) });
    httpDuration.observe({ method: c.req.method, route }, seconds);
    c.res.headers.set('x-request-id', requestId);
    if (route !== '/metrics' && route !== '/healthz') {
      log.info('request', { requestId, method: c.req.method, path: c.req.path, route, status: c.res.status, ms: Math.round(seconds * 1000), actor: c.get('actor')?.id });
    }
  });

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
      referrerPolicy: 'no-referrer',
      crossOriginResourcePolicy: 'same-origin',
    }),
  );

  const jsonLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => problemResponse(c, problem(413, 'too-large', `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`)),
  });
  // Attachment uploads are raw bytes with their own, larger limit (exchange routes).
  app.use('/api/*', (c, next) => {
    if (c.req.method === 'POST' && c.req.path === '/api/v1/attachments') return next();
    // Judged from the headers when they settle it: hono's bodyLimit builds a
    // fetch Request and stream per request to look, an eighth of a search's
    // CPU. Without Transfer-Encoding the body is exactly Content-Length bytes
    // (none without it; RFC 9112 §6.3), and Node holds the client to that.
    if (c.req.header('transfer-encoding') === undefined) {
      const declared = c.req.header('content-length');
      if (declared === undefined) return next();
      if (/^\d{1,15}$/.test(declared)) {
        if (Number(declared) <= MAX_BODY_BYTES) return next();
        return Promise.resolve(problemResponse(c, problem(413, 'too-large', `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`)));
      }
    }
    return jsonLimit(c, next);
  });
  app.use('*', authenticate());

  app.onError((err, c) => {
    const p = problemFromError(err);
    if (p.status >= 500) log.error('unhandled error', { requestId: c.get('requestId'), err });
    const res = problemResponse(c, p);
    const after = retryAfter(err);
    if (after !== undefined) res.headers.set('retry-after', String(after));
    return res;
  });
  app.notFound((c) => problemResponse(c, problem(404, 'not-found', `No route for ${c.req.method} ${c.req.path}.`)));

  for (const routes of [healthRoutes(), authRoutes(), oidcRoutes(node), auditRoutes(), adminRoutes(), recordsRoutes(), alertsRoutes(), searchRoutes(), identityRoutes(), exchangeRoutes(), statsRoutes()]) {
    app.route('/', routes);
  }

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'pontis_session' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'token', { type: 'http', scheme: 'bearer' });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Pontis node API',
      version: '0.1.0',
      description: 'Alerts, single search, identity resolution, hit follow-up exchange and safeguards. Every search carries a purpose and a case reference; every read and write is audited.',
    },
    security: [{ session: [] }, { token: [] }],
  });
  app.get('/docs', (c) => c.html(DOCS_HTML));
  app.get('/docs.css', (c) => c.body(DOCS_CSS, 200, { 'content-type': 'text/css; charset=utf-8' }));
  app.get('/docs.js', (c) => c.body(DOCS_JS, 200, { 'content-type': 'text/javascript; charset=utf-8' }));

  app.route('/', await webRoutes(node));
  return app;
}
