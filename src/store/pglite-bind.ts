// The Bind message of the PostgreSQL wire protocol, with Execute and Sync
// after it, for parameters already serialised to text (what PGlite's
// serializers produce). PGlite's own writer grows a buffer from 256 bytes and
// counts UTF-8 lengths in JavaScript character by character; with the search's
// kilobyte-sized audit bodies that was a twentieth of a search's CPU. Here each
// value is encoded once, natively, into one buffer of the exact size.

const encoder = new TextEncoder();
const EXECUTE_SYNC = new Uint8Array([0x45, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0x53, 0, 0, 0, 4]);

/** Bind (unnamed portal, all parameters and results in text format), Execute, Sync. */
export function bindExecuteSync(statement: string, values: readonly (string | null)[]): Uint8Array {
  const name = encoder.encode(statement);
  const encoded = values.map((v) => (v === null ? null : encoder.encode(v)));
  // 'B', length, portal "\0", statement + "\0", a text format code per
  // parameter, the parameters (length and bytes, -1 for NULL), no result
  // format codes (all text). Byte for byte what PGlite's serializer writes.
  let length = 4 + 1 + name.length + 1 + 2 + 2 * encoded.length + 2 + 2;
  for (const e of encoded) length += 4 + (e ? e.length : 0);
  const out = new Uint8Array(1 + length + EXECUTE_SYNC.length);
  const view = new DataView(out.buffer);
  let at = 0;
  out[at++] = 0x42;
  view.setInt32(at, length);
  at += 4;
  out[at++] = 0;
  out.set(name, at);
  at += name.length;
  out[at++] = 0;
  view.setUint16(at, encoded.length);
  at += 2 + 2 * encoded.length; // the format codes: zeros, as allocated
  view.setUint16(at, encoded.length);
  at += 2;
  for (const e of encoded) {
    view.setInt32(at, e ? e.length : -1);
    at += 4;
    if (e) {
      out.set(e, at);
      at += e.length;
    }
  }
  view.setInt16(at, 0);
  at += 2;
  out.set(EXECUTE_SYNC, at);
  return out;
}
