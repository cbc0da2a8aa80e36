// The embedded database's own thread (a worker): it holds the PGlite
// instance and runs each statement the node's thread sends it
// (pglite-thread.ts). PGlite is PostgreSQL compiled to WebAssembly and runs
// on whichever thread calls it; on the node's thread every page it reads
// and every row it builds is time that thread cannot spend on HTTP and
// scoring, so one embedded node used one of the machine's cores where a
// PostgreSQL-backed node uses two (docs/architecture.md).
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, protocol, types as pgliteTypes } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGliteStatements } from './pglite-statements.ts';
import type { HostError, HostInit, HostReply, HostRequest } from './pglite-protocol.ts';

const NUMERIC = 1700;
/** json and jsonb: handed to the node's thread as text (see the parsers below). */
const JSON_TYPES = new Set([114, 3802]);
const asText = (v: string) => v;

// PGlite runs with fsync off, so its files survive the node process being
// killed (the kernel still holds every completed write) but not the machine
// losing power. Full-page images in the WAL guard only against pages torn
// by such a power loss, which fsync off already does not survive: they
// cost without protecting. Off, a million-person import takes 116 s
// instead of 125 s of the main thread (measured 2026-12-05).
const EMBEDDED_START = [...PGlite.defaultStartParams, '-c', 'full_page_writes=off'];

/** Opens PGlite as the node uses it: the same start parameters, extension and value parsers on every thread. */
function createEmbedded(dataDir: string | undefined, loadDataDir?: Blob, sharedBuffers?: string): Promise<PGlite> {
  return PGlite.create({
    dataDir,
    loadDataDir,
    startParams: sharedBuffers ? [...EMBEDDED_START, '-c', `shared_buffers=${sharedBuffers}`] : EMBEDDED_START,
    extensions: { pg_trgm },
    // pg returns int8 as string and `date` as a local-time Date; both engines are pinned to the same (database.ts).
    // JSON stays text here: the node's thread parses it (pglite-thread.ts), so this
    // thread, the busier of the two, neither parses a search's candidate records nor
    // clones them object by object; a string crosses threads as one copy.
    parsers: {
      [pgliteTypes.INT8]: (v: string) => Number(v),
      [pgliteTypes.DATE]: (v: string) => v,
      [NUMERIC]: (v: string) => Number(v),
      ...Object.fromEntries([...JSON_TYPES].map((t) => [t, asText])),
    },
  });
}

/** Runs one statement as the node asked for it: COPY from its text, a named statement, a script, or one unnamed statement. */
async function runRequest(pg: PGlite, statements: PGliteStatements, r: Extract<HostRequest, { op: 'query' }>) {
  if (r.copy !== undefined) {
    // PGlite reads COPY input from its virtual /dev/blob device.
    const res = await pg.query(r.sql.replace(/\bfrom\s+stdin\s*$/i, "from '/dev/blob'"), [], { blob: new Blob([r.copy]) });
    return { rows: [], affectedRows: res.affectedRows, jsonColumns: [] };
  }
  // Parameterless SQL may hold several statements (migrations): the
  // extended protocol takes only one, exec() takes a script.
  const res = r.name
    ? await statements.named(r.name, r.sql, r.params)
    : r.params.length === 0 && r.sql.includes(';')
      ? ((await pg.exec(r.sql)).at(-1) ?? { rows: [], affectedRows: 0, fields: [] })
      : await statements.unnamed(r.sql, r.params);
  const jsonColumns = res.fields.filter((f) => JSON_TYPES.has(f.dataTypeID)).map((f) => f.name);
  return { rows: res.rows, affectedRows: res.affectedRows, jsonColumns };
}

/** An error as data: structured cloning keeps an Error's message but drops PostgreSQL's fields (code, detail, constraint…). */
function hostError(e: unknown): HostError {
  if (e instanceof protocol.messages.DatabaseError) {
    const { query: _q, params: _p, queryOptions: _o, ...fields } = e as unknown as Record<string, unknown>;
    return { database: true, message: e.message, fields };
  }
  return { database: false, message: e instanceof Error ? e.message : String(e) };
}

async function serve(): Promise<void> {
  const port = parentPort!;
  const init = workerData as HostInit;
  let pg: PGlite;
  try {
    pg = await createEmbedded(init.dataDir, init.loadDataDir ? new Blob([init.loadDataDir]) : undefined, init.sharedBuffers);
  } catch (e) {
    port.postMessage({ id: 0, ok: false, error: hostError(e) } satisfies HostReply);
    return;
  }
  const statements = new PGliteStatements(pg);
  port.postMessage({ id: 0, ok: true } satisfies HostReply);
  // One request at a time, in the order sent: requests of several callers
  // may be waiting here, and the order is what keeps a transaction's
  // statements apart from the single statements posted before and after it
  // (pglite-dialect.ts).
  let queue = Promise.resolve();
  port.on('message', (r: HostRequest) => {
    queue = queue.then(async () => {
      try {
        if (r.op === 'query') {
          port.postMessage({ id: r.id, ok: true, result: await runRequest(pg, statements, r) } satisfies HostReply);
        } else if (r.op === 'dump') {
          const tar = await (await pg.dumpDataDir('none')).arrayBuffer();
          port.postMessage({ id: r.id, ok: true, tar } satisfies HostReply, [tar]);
        } else {
          await pg.close();
          port.postMessage({ id: r.id, ok: true } satisfies HostReply);
          port.close();
        }
      } catch (e) {
        port.postMessage({ id: r.id, ok: false, error: hostError(e) } satisfies HostReply);
      }
    });
  });
}

if (parentPort && (workerData as HostInit | undefined)?.pontisEmbedded) void serve();
