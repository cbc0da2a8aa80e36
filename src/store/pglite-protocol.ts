// The messages between the node's thread (pglite-thread.ts) and the
// embedded database's thread (pglite-host.ts). Values cross by structured
// cloning: rows, parameters, Dates and byte arrays as they are; errors as
// plain data, since cloning an Error keeps only its message.

export interface HostInit {
  pontisEmbedded: true;
  dataDir?: string;
  /** A data directory tarball to start from (in-memory stores from a template). */
  loadDataDir?: ArrayBuffer;
  /** PostgreSQL's shared_buffers, e.g. '1GB'; PGlite's 128MB when absent. */
  sharedBuffers?: string;
}

export type HostRequest =
  | { id: number; op: 'query'; sql: string; params: unknown[]; /** prepared() name */ name?: string; /** COPY … FROM STDIN rows */ copy?: string }
  | { id: number; op: 'dump' }
  | { id: number; op: 'close' };

export interface HostResult {
  rows: unknown[];
  affectedRows?: number;
  /** Columns of type json or jsonb, whose values come as text for the node's thread to parse. */
  jsonColumns: string[];
}

export type HostError =
  | { database: true; message: string; /** PostgreSQL's fields: code, detail, constraint, … */ fields: Record<string, unknown> }
  | { database: false; message: string };

/** id 0 answers the start: ok once PGlite is open. */
export type HostReply =
  | { id: number; ok: true; result?: HostResult; tar?: ArrayBuffer }
  | { id: number; ok: false; error: HostError };
