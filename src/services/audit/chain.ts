// The hash chain of the audit log. Both the database (on append, with its
// built-in sha256) and the verifier (in Node) compute
//   hash(n) = SHA-256(hash(n-1) || seq(n) as int8 big-endian || UTF-8 body(n))
// starting from 32 zero bytes.
import { createHash, hash as oneShotHash } from 'node:crypto';

export const GENESIS_HASH = Buffer.alloc(32);

// The verifier hashes millions of entries: one-shot hashing over a reused
// buffer costs about a quarter less CPU than a Hash object per entry.
const SCRATCH = Buffer.allocUnsafe(256 * 1024);

export function chainHash(previous: Uint8Array, seq: number, body: string): Buffer {
  if (previous.length === 32 && body.length * 3 + 40 <= SCRATCH.length) {
    SCRATCH.set(previous, 0);
    SCRATCH.writeBigInt64BE(BigInt(seq), 32);
    const n = SCRATCH.write(body, 40, 'utf8');
    return oneShotHash('sha256', SCRATCH.subarray(0, 40 + n), 'buffer') as unknown as Buffer;
  }
  const seqBytes = Buffer.allocUnsafe(8);
  seqBytes.writeBigInt64BE(BigInt(seq));
  return createHash('sha256').update(previous).update(seqBytes).update(body, 'utf8').digest();
}


/**
 * chainHash on hex strings, for the verifier's hot loop: no digest buffers,
 * and the stored hash (PostgreSQL's hex text) compares as a string.
 */
export function chainHashHex(previousHex: string, seq: number, body: string): string {
  if (body.length * 3 + 40 <= SCRATCH.length) {
    SCRATCH.write(previousHex, 0, 32, 'hex');
    SCRATCH.writeUInt32BE(Math.floor(seq / 0x1_0000_0000), 32);
    SCRATCH.writeUInt32BE(seq >>> 0, 36);
    const n = SCRATCH.write(body, 40, 'utf8');
    return oneShotHash('sha256', SCRATCH.subarray(0, 40 + n), 'hex');
  }
  return chainHash(Buffer.from(previousHex, 'hex'), seq, body).toString('hex');
}
