// Housekeeping that PostgreSQL's background processes do on a server and
// that PGlite, a single process, never runs: the driver pokes each job after
// every use of the session, and a job runs at most once per interval, while
// holding the session (pglite-analyze.ts, pglite-checkpoint.ts).

/** Runs one SQL statement on the session the job holds. */
export type Run = (sql: string) => Promise<Record<string, unknown>[]>;

/** Runs a function while holding the session, queued behind callers already waiting. */
export type Exclusive = (fn: (run: Run) => Promise<void>) => Promise<void>;

export abstract class BetweenCallers {
  #nextCheck = Number.NEGATIVE_INFINITY;
  #running: Promise<void> | undefined;
  #stopped = false;

  constructor(
    protected readonly exclusive: Exclusive,
    private readonly intervalMs: number,
    protected readonly now: () => number = () => performance.now(),
  ) {}

  /** The job's work; it holds the session through `exclusive` as it needs. */
  abstract check(): Promise<unknown>;

  /** Called after each use of the session; starts a check when one is due. */
  poke(): void {
    if (this.#stopped || this.#running || this.now() < this.#nextCheck) return;
    this.#nextCheck = this.now() + this.intervalMs;
    // Housekeeping is best effort: a failed check (a table dropped between
    // the check and the command) is tried again next interval.
    this.#running = this.check().then(
      () => undefined,
      () => undefined,
    );
    void this.#running.finally(() => (this.#running = undefined));
  }

  protected get stopped(): boolean {
    return this.#stopped;
  }

  /** No check before `time` (on the clock of `now`). */
  protected notBefore(time: number): void {
    this.#nextCheck = Math.max(this.#nextCheck, time);
  }

  /** Resolves when no check is running. */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  /** No new checks; waits for a running one. */
  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#running;
  }
}
