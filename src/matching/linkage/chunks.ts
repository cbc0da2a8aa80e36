// Comparison of candidate blocks in chunks that threads take in turn from a
// shared counter, so a thread that started late or runs slower simply takes
// fewer; chunks put back in their order give the single-thread order.
import type { RecordFeatures } from '../model/features.ts';
import type { CandidateIndex, CandidateOptions } from './candidates.ts';
import { compareBlocks } from './engine.ts';
import { PairBuffer } from './pair-buffer.ts';
import type { ComparedChunk } from './parallel-protocol.ts';

export function compareChunks(
  index: CandidateIndex, features: RecordFeatures[], options: CandidateOptions, bounds: number[], next: Int32Array,
): ComparedChunk[] {
  const out: ComparedChunk[] = [];
  for (;;) {
    const chunk = Atomics.add(next, 0, 1);
    if (chunk >= bounds.length - 1) break;
    const buffer = new PairBuffer(1024);
    const stats = compareBlocks(index, features, { ...options, fromBlock: bounds[chunk], toBlock: bounds[chunk + 1] }, buffer);
    out.push({ chunk, ...buffer.trimmed(), stats });
  }
  return out;
}
