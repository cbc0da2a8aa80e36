// The node's side of the embedded database's thread (pglite-host.ts): posts
// each statement there and waits for its rows. Several may be on their way
// at once (the dialect posts a single statement as soon as its caller has
// the session, pglite-dialect.ts); the thread runs them in the order posted.
import type { Worker } from 'node:worker_threads';
import { protocol } from '@electric-sql/pglite';
import { spawnTsWorker } from '../runtime/spawn-worker.ts';
import type { HostError, HostInit, HostReply, HostRequest, HostResult } from './pglite-protocol.ts';

type Pending = { resolve: (r: HostReply & { ok: true }) => void; reject: (e: unknown) => void };

/** An error from the database thread, as the caller would have had it from PGlite itself. */
export function fromHostError(e: HostError): Error {
  if (!e.database) return new Error(e.message);
  const err = new protocol.messages.DatabaseError(e.message, 0, 'error');
  return Object.assign(err, e.fields);
}

type Request = HostRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export class PGliteThread {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  #stopped: Error | undefined;

  private constructor(worker: Worker) {
    this.#worker = worker;
    worker.on('message', (reply: HostReply) => {
      const p = this.#pending.get(reply.id);
      if (!p) return;
      this.#pending.delete(reply.id);
      // An idle database thread must not keep the process alive; one with work pending must.
      if (this.#pending.size === 0) worker.unref();
      if (reply.ok) p.resolve(reply);
      else p.reject(fromHostError(reply.error));
    });
    const stop = (err: Error) => {
      this.#stopped ??= err;
      for (const p of this.#pending.values()) p.reject(this.#stopped);
      this.#pending.clear();
    };
    worker.on('error', (e: Error) => stop(new Error(`the embedded database stopped: ${e.message}`, { cause: e })));
    worker.on('exit', (code) => stop(new Error(`the embedded database stopped (thread exit code ${code})`)));
  }

  /** Starts the thread and opens PGlite in it (in `dataDir`, or in memory from `loadDataDir`). */
  static async start(init: Omit<HostInit, 'pontisEmbedded'>): Promise<PGliteThread> {
    const worker = spawnTsWorker(new URL('./pglite-host.ts', import.meta.url), { pontisEmbedded: true, ...init } satisfies HostInit);
    const thread = new PGliteThread(worker);
    try {
      await new Promise<void>((resolve, reject) => thread.#pending.set(0, { resolve: () => resolve(), reject }));
    } catch (e) {
      await worker.terminate();
      throw e;
    }
    worker.unref();
    return thread;
  }

  #send<T extends Request>(request: T, transfer?: ArrayBuffer[]): Promise<HostReply & { ok: true }> {
    if (this.#stopped) return Promise.reject(this.#stopped);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      if (this.#pending.size === 0) this.#worker.ref();
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...request, id }, transfer);
    });
  }

  async query(sql: string, params: readonly unknown[], opts: { name?: string; copy?: string } = {}): Promise<HostResult> {
    const result = (await this.#send({ op: 'query', sql, params: params as unknown[], ...opts })).result!;
    for (const column of result.jsonColumns) {
      for (const row of result.rows as Record<string, unknown>[]) {
        const v = row[column];
        if (typeof v === 'string') row[column] = JSON.parse(v);
      }
    }
    return result;
  }

  /** The whole data directory as a tarball (for templates). */
  async dump(): Promise<Blob> {
    return new Blob([(await this.#send({ op: 'dump' })).tar!]);
  }

  /** Closes PGlite (its files complete on disk) and ends the thread. */
  async close(): Promise<void> {
    if (this.#stopped) return;
    try {
      await this.#send({ op: 'close' });
    } finally {
      this.#stopped ??= new Error('the embedded database is closed');
      await this.#worker.terminate();
    }
  }
}
