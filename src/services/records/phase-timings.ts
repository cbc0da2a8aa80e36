// Where the time of an import goes, by phase (waiting for validation, COPY
// per table, index builds, reference checks …), for benchmarks: summed over
// the process and printed by the import when PONTIS_IMPORT_TIMINGS is set.
// Wall milliseconds of the main thread; a phase that awaits the database
// counts the database's time too.

export const phaseTimings = new Map<string, number>();

export function addPhaseTime(phase: string, ms: number): void {
  phaseTimings.set(phase, (phaseTimings.get(phase) ?? 0) + ms);
}

export async function timePhase<T>(phase: string, f: () => Promise<T>): Promise<T> {
  const t = performance.now();
  try {
    return await f();
  } finally {
    addPhaseTime(phase, performance.now() - t);
  }
}

export function timePhaseSync<T>(phase: string, f: () => T): T {
  const t = performance.now();
  try {
    return f();
  } finally {
    addPhaseTime(phase, performance.now() - t);
  }
}

/** One line per phase, largest first, in seconds. */
export function formatPhaseTimings(): string {
  return [...phaseTimings.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([phase, ms]) => `  ${(ms / 1000).toFixed(2).padStart(8)} s  ${phase}`)
    .join('\n');
}
