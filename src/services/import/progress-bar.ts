// A one-line progress display for a terminal: share of the file, lines,
// lines per second and the time left, estimated from the bytes still to read.
import type { ImportProgress } from './importer.ts';

export interface ProgressBar {
  update(p: ImportProgress): void;
  /** Clears the line so that the summary starts clean. */
  done(): void;
}

function clock(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${r}` : `${m}:${r}`;
}

export function createProgressBar(stream: NodeJS.WriteStream, totalBytes: number, startBytes = 0, startLines = 0): ProgressBar {
  const started = performance.now();
  let last = 0;
  let latest: ImportProgress = { lines: startLines, bytes: startBytes };
  const render = () => {
    const elapsed = (performance.now() - started) / 1000;
    const share = totalBytes > 0 ? Math.min(1, latest.bytes / totalBytes) : 0;
    const width = 24;
    const filled = Math.round(share * width);
    const rate = elapsed > 0 ? (latest.lines - startLines) / elapsed : 0;
    const byteRate = elapsed > 0 ? (latest.bytes - startBytes) / elapsed : 0;
    const eta = byteRate > 0 ? (totalBytes - latest.bytes) / byteRate : NaN;
    const text = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%  ${latest.lines.toLocaleString('en-GB')} lines  ${Math.round(rate).toLocaleString('en-GB')} lines/s  ETA ${clock(eta)}`;
    stream.write(`\r${text.slice(0, Math.max(20, (stream.columns || 120) - 1))}\x1b[K`);
  };
  return {
    update(p) {
      latest = p;
      const now = performance.now();
      if (now - last < 200) return;
      last = now;
      render();
    },
    done() {
      stream.write('\r\x1b[K');
    },
  };
}
