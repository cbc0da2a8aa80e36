import { build } from 'esbuild';
const r = await build({ entryPoints: ['/work/main/web/src/main.tsx'], bundle: true, write: false, format: 'esm', minify: true, jsx: 'automatic', jsxImportSource: 'preact', outdir: '/out', loader: { '.css': 'css' }, metafile: true, logLevel: 'silent' });
const inputs = Object.entries(r.metafile.outputs).find(([k]) => k.endsWith('.js'))![1].inputs;
const rows = Object.entries(inputs).map(([k, v]) => [k, v.bytesInOutput] as const).sort((a, b) => b[1] - a[1]).slice(0, 15);
for (const [k, v] of rows) console.log(v, k);
