// `npm run bench [-- area …]`: runs the benchmark of each area (default: all)
// and writes their figures to docs/benchmarks.md. Each area's script lives in
// bench/<area>.ts and exports `run(args)`.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const AREAS = ['import', 'search', 'audit'];
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const flags = process.argv.slice(2).filter((a) => a.startsWith('-'));
for (const area of wanted.length ? wanted : AREAS) {
  if (!AREAS.includes(area)) {
    console.error(`unknown benchmark "${area}"; choose from ${AREAS.join(', ')}`);
    process.exit(2);
  }
  const file = fileURLToPath(new URL(`./${area}.ts`, import.meta.url));
  if (!existsSync(file)) {
    console.error(`bench/${area}.ts does not exist yet; skipping`);
    continue;
  }
  console.error(`== ${area} ==`);
  const mod = (await import(pathToFileURL(file).href)) as { run(args: string[]): Promise<void> };
  await mod.run(flags);
}
