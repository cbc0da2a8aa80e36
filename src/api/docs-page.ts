// A self-contained API reference page: reads /openapi.json and lists every
// operation with its schemas. No CDN script, so it works on a closed network
// and under the strict Content Security Policy.
export const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pontis API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/docs.css">
</head><body><main><h1>Pontis API</h1><p>The machine-readable description is at <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1). Errors are RFC 9457 problem details.</p><div id="ops">Loading…</div></main>
<script type="module" src="/docs.js"></script></body></html>`;

export const DOCS_CSS = `body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1b1f24;background:#fff}main{max-width:980px;margin:0 auto;padding:1rem 1.5rem}
h2{margin-top:2rem;border-bottom:1px solid #d0d7de}details{border:1px solid #d0d7de;border-radius:6px;margin:.5rem 0;padding:.25rem .75rem}
summary{cursor:pointer}code.m{display:inline-block;min-width:4.5em;font-weight:700}.get{color:#0b6e2f}.post{color:#0a4fa8}.put,.patch{color:#8a5300}.delete{color:#a40e26}
pre{background:#f6f8fa;padding:.5rem;overflow:auto;font-size:13px}`;

export const DOCS_JS = `const doc = await (await fetch('/openapi.json')).json();
const byTag = {};
for (const [path, ops] of Object.entries(doc.paths || {})) for (const [m, op] of Object.entries(ops)) {
  const tag = (op.tags && op.tags[0]) || 'other'; (byTag[tag] ||= []).push({ path, m, op });
}
const el = document.getElementById('ops'); el.textContent = '';
const esc = (s) => String(s).replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' }[c]));
for (const tag of Object.keys(byTag).sort()) {
  const h = document.createElement('h2'); h.textContent = tag; el.append(h);
  for (const { path, m, op } of byTag[tag]) {
    const d = document.createElement('details');
    const body = op.requestBody ? '<h4>Request body</h4><pre>' + esc(JSON.stringify(op.requestBody.content, null, 2)) + '</pre>' : '';
    const params = op.parameters ? '<h4>Parameters</h4><pre>' + esc(JSON.stringify(op.parameters, null, 2)) + '</pre>' : '';
    const res = '<h4>Responses</h4><pre>' + esc(JSON.stringify(op.responses, null, 2)) + '</pre>';
    d.innerHTML = '<summary><code class="m ' + m + '">' + m.toUpperCase() + '</code> <code>' + esc(path) + '</code> — ' + esc(op.summary || '') + '</summary>' + (op.description ? '<p>' + esc(op.description) + '</p>' : '') + params + body + res;
    el.append(d);
  }
}
const schemas = doc.components && doc.components.schemas;
if (schemas) { const h = document.createElement('h2'); h.textContent = 'Schemas'; el.append(h); const p = document.createElement('pre'); p.textContent = JSON.stringify(schemas, null, 2); el.append(p); }`;
