// Scoring one pair outside a batch: what a node's search does for each
// candidate its index returns. Compile the model once and extract the
// query's features once; then each candidate costs one comparison.
import { FIELD_COUNT, compareFeatures } from '../compare.ts';
import type { RecordFeatures } from './features.ts';
import { bitsToProbability, matchWeight, recordTermFrequencies, type CompiledModel } from './score.ts';

export interface PairScore {
  weight: number;
  probability: number;
  /** Comparison levels, as in COMPARISONS. */
  levels: Uint8Array;
  /** At or above the model's threshold. */
  isMatch: boolean;
}

export function scorePair(cm: CompiledModel, a: RecordFeatures, b: RecordFeatures): PairScore {
  const levels = new Uint8Array(FIELD_COUNT);
  compareFeatures(a, b, levels, 0);
  const ta = recordTermFrequencies(cm.model, a), tb = recordTermFrequencies(cm.model, b);
  const weight = matchWeight(cm, levels, 0, ta.surname, tb.surname, ta.given, tb.given);
  return { weight, probability: bitsToProbability(weight), levels, isMatch: weight >= cm.thresholdBits };
}
