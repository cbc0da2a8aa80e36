// The phase breakdown of an import on stderr when PONTIS_IMPORT_TIMINGS is
// set (benchmarks read it; nobody else should need it).
import { copyStats } from '../../store/copy.ts';
import { formatPhaseTimings } from '../records/phase-timings.ts';

export function reportImportTimings(wallMs: number): void {
  if (!process.env.PONTIS_IMPORT_TIMINGS) return;
  const cpu = process.cpuUsage();
  const copies = [...copyStats.entries()].map(
    ([table, s]) => `  ${(s.writeMs / 1000).toFixed(2).padStart(8)} s  COPY ${table} (database), ${(s.encodeMs / 1000).toFixed(2)} s building ${(s.chars / 2 ** 20).toFixed(0)} MiB of text`,
  );
  process.stderr.write(
    [
      `import phases (main thread wall; ${(wallMs / 1000).toFixed(1)} s in all, process CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s):`,
      formatPhaseTimings(),
      ...copies,
      '',
    ].join('\n'),
  );
}
