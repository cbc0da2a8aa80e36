// A file's identity for resuming: the sha256 of its first 64 KiB and its
// size. Cheap on a multi-gigabyte file, and a file that was edited or
// replaced (other head or other size) starts over instead of resuming.
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

export async function fileIdentity(path: string): Promise<{ key: string; size: number }> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const head = Buffer.alloc(Math.min(size, 64 * 1024));
    await fh.read(head, 0, head.length, 0);
    return { key: `${createHash('sha256').update(head).digest('hex')}:${size}`, size };
  } finally {
    await fh.close();
  }
}
