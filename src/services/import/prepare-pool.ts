// A few worker threads running prepare-worker.ts.
import type { Worker } from 'node:worker_threads';
import { spawnTsWorker } from '../../runtime/spawn-worker.ts';
import type { RawLine } from './raw-line.ts';
import type { LineResult } from './validate-line.ts';

interface Pending {
  resolve(r: LineResult[]): void;
  reject(e: Error): void;
}

export class PreparePool {
  #workers: Worker[] = [];
  #pending = new Map<number, Pending>();
  #next = 0;
  #failed: Error | undefined;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const w = spawnTsWorker(new URL('./prepare-worker.ts', import.meta.url), undefined);
      w.on('message', (m: { id: number; results?: LineResult[]; error?: string }) => {
        const p = this.#pending.get(m.id);
        this.#pending.delete(m.id);
        if (m.results) p?.resolve(m.results);
        else p?.reject(new Error(`import worker failed: ${m.error}`));
      });
      w.on('error', (e: Error) => this.#fail(e));
      w.on('exit', (code) => {
        if (code !== 0) this.#fail(new Error(`import worker exited with code ${code}`));
      });
      this.#workers.push(w);
    }
  }

  #fail(e: Error): void {
    this.#failed = e;
    for (const p of this.#pending.values()) p.reject(e);
    this.#pending.clear();
  }

  get size(): number {
    return this.#workers.length;
  }

  prepare(lines: RawLine[], source?: string): Promise<LineResult[]> {
    if (this.#failed) return Promise.reject(this.#failed);
    const id = this.#next++;
    const worker = this.#workers[id % this.#workers.length]!;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.postMessage({ id, lines, source });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }
}
