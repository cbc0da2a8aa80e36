// The model picks its own threshold: treating each candidate's posterior as
// the chance it is a true match, it takes the cut that maximises the F1 it
// expects (expected true positives above the cut, expected misses below).
// Needs no labels, and lands near 0.5 when the model is well calibrated.
import { bitsToProbability } from './score.ts';

const MIN_BITS = -40, MAX_BITS = 60, BIN = 0.05;

export function chooseThreshold(weights: ArrayLike<number>, count = weights.length): number {
  const bins = Math.round((MAX_BITS - MIN_BITS) / BIN) + 1;
  const n = new Float64Array(bins), mass = new Float64Array(bins);
  let totalMass = 0;
  for (let i = 0; i < count; i++) {
    const w = weights[i];
    const b = w <= MIN_BITS ? 0 : w >= MAX_BITS ? bins - 1 : Math.floor((w - MIN_BITS) / BIN);
    const p = bitsToProbability(w);
    n[b]++; mass[b] += p; totalMass += p;
  }
  if (totalMass < 1) return 0.5;
  let bestF1 = -1, bestBin = 0;
  let above = 0, tp = 0;
  for (let b = bins - 1; b >= 0; b--) {
    above += n[b]; tp += mass[b];
    const fp = above - tp, fn = totalMass - tp;
    const f1 = (2 * tp) / (2 * tp + fp + fn);
    if (f1 > bestF1) { bestF1 = f1; bestBin = b; }
  }
  const p = bitsToProbability(MIN_BITS + bestBin * BIN);
  // Posteriors of near-certain pairs can push the cut to an extreme; keep it where an officer can reason about it.
  return Math.min(Math.max(p, 0.05), 0.99);
}
