// Runs single statements on PGlite through its wire-protocol entry point
// instead of query(), for two reasons found by profiling the search:
// - query() parses and plans every statement anew; the search's lookup
//   spends more time in the planner than in execution (about 1.1 ms
//   against 0.65 ms at 20,000 persons). A statement marked prepared()
//   is parsed and described once per PGlite instance under its name; later
//   calls send only Bind/Execute/Sync, so PostgreSQL reuses its plan (after
//   five custom plans a generic one, when that is no costlier: as on
//   PostgreSQL).
// - query() makes six calls into WebAssembly per statement; these paths make
//   one or two.
// Parameters are serialised by PGlite's own serializers for the types
// PostgreSQL reports, and rows are parsed by PGlite's own parseResults and
// parsers, so values come back exactly as from query().
import { parse, protocol, type PGlite, type Results } from '@electric-sql/pglite';
import { bindExecuteSync } from './pglite-bind.ts';

type BackendMessage = Parameters<typeof parse.parseResults>[0][number];

interface Described {
  paramTypes: number[];
  /** The RowDescription of the statement; absent for statements returning no rows. */
  rows?: BackendMessage;
}

const { serialize } = protocol;
const EXECUTE = serialize.execute({});
const SYNC = serialize.sync();
const DESCRIBE_PORTAL = serialize.describe({ type: 'P' });
const DESCRIBE_STATEMENT = serialize.describe({ type: 'S' });

function concat(parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** A named statement PostgreSQL no longer has, or whose result columns changed under it (DDL). */
function isStale(e: unknown): boolean {
  if (!(e instanceof protocol.messages.DatabaseError)) return false;
  return e.code === '26000' || (e.code === '0A000' && /cached plan must not change result type/.test(e.message));
}

/** The same decoration PGlite's query() puts on its errors. */
function decorated(e: unknown, query: string, params: readonly unknown[]): unknown {
  if (e instanceof protocol.messages.DatabaseError) Object.assign(e, { query, params, queryOptions: undefined });
  return e;
}

export class PGliteStatements {
  readonly #described = new Map<string, Described>();

  constructor(private readonly pg: PGlite) {}

  /** One statement under a name: prepared on first use, re-prepared if it went stale. */
  named(name: string, text: string, params: readonly unknown[]): Promise<Results> {
    return this.#exclusive(text, params, () => this.#runNamed(name, text, params, true));
  }

  /** One statement as PGlite's query() runs it (unnamed, parsed and planned anew), in fewer calls. */
  unnamed(text: string, params: readonly unknown[]): Promise<Results> {
    return this.#exclusive(text, params, async () => {
      if (params.length === 0) {
        // Nothing to serialise, so no need to learn the parameter types first.
        const messages = await this.#send([serialize.parse({ text }), serialize.bind({}), DESCRIBE_PORTAL, EXECUTE, SYNC]);
        return parse.parseResults(messages, this.pg.parsers)[0]!;
      }
      const described = await this.#sendOrSync([serialize.parse({ text }), DESCRIBE_STATEMENT]);
      const values = this.#values(parse.parseDescribeStatementResults(described), params);
      // The statement's RowDescription came with the Describe: no need to describe the portal too.
      const rows = described.find((m) => m.name === 'rowDescription');
      const messages = await this.#send([bindExecuteSync('', values)]);
      return parse.parseResults(rows ? [rows, ...messages] : messages, this.pg.parsers)[0]!;
    });
  }

  async #exclusive(text: string, params: readonly unknown[], run: () => Promise<Results>): Promise<Results> {
    if (this.pg.closed) throw new Error('PGlite is closed');
    return this.pg.runExclusive(async () => {
      let result: Results;
      try {
        result = await run();
      } catch (e) {
        throw decorated(e, text, params);
      }
      await this.pg.syncToFs();
      return result;
    });
  }

  async #runNamed(name: string, text: string, params: readonly unknown[], mayRetry: boolean): Promise<Results> {
    const statement = this.#described.get(name) ?? (await this.#prepare(name, text));
    try {
      const messages = await this.#send([bindExecuteSync(name, this.#values(statement.paramTypes, params))]);
      return parse.parseResults(statement.rows ? [statement.rows, ...messages] : messages, this.pg.parsers)[0]!;
    } catch (e) {
      if (!isStale(e)) throw e;
      this.#described.delete(name);
      // Inside a transaction block the error has aborted it: the caller's
      // transaction fails, and the next use prepares the statement again.
      if (mayRetry && !this.pg.isInTransaction()) return this.#runNamed(name, text, params, false);
      throw e;
    }
  }

  async #prepare(name: string, text: string): Promise<Described> {
    // Close first: a statement of that name left from before (stale, or made
    // outside this class) would make Parse fail. Closing none is no error.
    const messages = await this.#send([serialize.close({ type: 'S', name }), serialize.parse({ name, text }), serialize.describe({ type: 'S', name }), SYNC]);
    const described: Described = {
      paramTypes: parse.parseDescribeStatementResults(messages),
      rows: messages.find((m) => m.name === 'rowDescription'),
    };
    this.#described.set(name, described);
    return described;
  }

  // Exactly what query() does with each parameter.
  #values(types: number[], params: readonly unknown[]): (string | null)[] {
    return params.map((param, i) => {
      if (param === null || param === undefined) return null;
      const serializer = this.pg.serializers[types[i]!];
      return serializer ? serializer(param) : String(param);
    });
  }

  #send(parts: Uint8Array[]): Promise<BackendMessage[]> {
    return this.pg.execProtocolStream(parts.length === 1 ? parts[0]! : concat(parts), { syncToFs: false });
  }

  /** Messages without a Sync: on an error, Sync so the session leaves its error state. */
  async #sendOrSync(parts: Uint8Array[]): Promise<BackendMessage[]> {
    try {
      return await this.#send(parts);
    } catch (e) {
      await this.#send([SYNC]);
      throw e;
    }
  }
}
