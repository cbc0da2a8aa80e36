// Starts a worker thread on a TypeScript module. Node runs TypeScript here
// through tsx (no build step), and a worker does not inherit the loader of
// the thread that starts it, so the worker registers tsx itself first.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

// The ESM build of tsx's API: its CommonJS build loads the ESM one by a path that does not exist in a worker.
const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;

export function spawnTsWorker(module: URL, workerData: unknown): Worker {
  const boot = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(module.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}
