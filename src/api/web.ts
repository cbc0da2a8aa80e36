// Serves the web application. The node bundles web/src with esbuild when it
// starts (a few hundred milliseconds), so there is no separate build step and
// the app served always matches the code. Every non-API path gets the app
// shell; the client-side router takes it from there.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { build } from 'esbuild';
import type { AppEnv } from './env.ts';
import type { NodeContext } from '../services/context.ts';

const WEB_DIR = fileURLToPath(new URL('../../web/', import.meta.url));

export interface WebBundle {
  js: string;
  css: string;
  hash: string;
}

let cached: Promise<WebBundle> | undefined;

/** Bundles the web app once per process. */
export function bundleWebApp(): Promise<WebBundle> {
  cached ??= (async () => {
    const result = await build({
      entryPoints: [WEB_DIR + 'src/main.tsx'],
      bundle: true,
      write: false,
      format: 'esm',
      target: 'es2022',
      minify: true,
      sourcemap: false,
      jsx: 'automatic',
      jsxImportSource: 'preact',
      outdir: '/out',
      loader: { '.css': 'css' },
      logLevel: 'silent',
    });
    const js = result.outputFiles.find((f) => f.path.endsWith('.js'))?.text ?? '';
    const css = result.outputFiles.find((f) => f.path.endsWith('.css'))?.text ?? '';
    const hash = createHash('sha256').update(js).update(css).digest('hex').slice(0, 12);
    return { js, css, hash };
  })();
  return cached;
}

/**
 * The web app's routes. The bundle is built on the first request for it, so
 * API-only uses (tests, `pontis` commands) never pay for it; `pontis serve`
 * warms it at start-up so the first screen is immediate.
 */
export async function webRoutes(node: NodeContext): Promise<Hono<AppEnv>> {
  const template = readFileSync(WEB_DIR + 'index.html', 'utf8').replaceAll('{{nodeName}}', escapeHtml(node.config.nodeName));
  const app = new Hono<AppEnv>();
  const immutable = 'public, max-age=31536000, immutable';
  app.get('/assets/:file', async (c, next) => {
    const bundle = await bundleWebApp();
    const file = c.req.param('file');
    if (file === `app.${bundle.hash}.js`) return c.body(bundle.js, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': immutable });
    if (file === `app.${bundle.hash}.css`) return c.body(bundle.css, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': immutable });
    return next();
  });
  app.get('/favicon.ico', (c) => c.body(null, 204));
  // The app shell for every screen path; API-looking paths fall through to 404 problems.
  app.get('*', async (c, next) => {
    const p = c.req.path;
    if (p.startsWith('/api/') || p.startsWith('/assets/') || p.includes('.')) return next();
    const bundle = await bundleWebApp();
    return c.html(template.replaceAll('{{hash}}', bundle.hash), 200, { 'cache-control': 'no-cache' });
  });
  return app;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}
