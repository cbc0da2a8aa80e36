// The hash chain of the audit log. Both the database (on append, with its
// built-in sha256) and the verifier (in Node) compute
//   hash(n) = SHA-256(hash(n-1) || seq(n) as int8 big-endian || UTF-8 body(n))
// starting from 32 zero bytes.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = Buffer.alloc(32);

export function chainHash(previous: Uint8Array, seq: number, body: string): Buffer {
  const seqBytes = Buffer.allocUnsafe(8);
  seqBytes.writeBigInt64BE(BigInt(seq));
  return createHash('sha256').update(previous).update(seqBytes).update(body, 'utf8').digest();
}

