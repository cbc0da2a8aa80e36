// `npm run bench [-- area …]`: runs the benchmark of each area (default: all)
// and writes their figures to docs/benchmarks.md. Each area's script lives in
// bench/<area>.ts and exports `run(args)`.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const AREAS = ['import', 'search', 'audit'];
// Leading words name the areas; everything from the first flag on goes to each area's script.
const argv = process.argv.slice(2);
const firstFlag = argv.findIndex((a) => a.startsWith('-'));
const wanted = firstFlag < 0 ? argv : argv.slice(0, firstFlag);
const flags = firstFlag < 0 ? [] : argv.slice(firstFlag);
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
