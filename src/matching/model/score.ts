// Match weight of a pair = prior in bits + Σ log2(m/u) of the levels it
// reaches + term-frequency adjustments. The model is compiled once into flat
// arrays so scoring a pair is a handful of additions.
import { FIELD, FIELD_COUNT, GIVEN, SURNAME } from '../compare.ts';
import type { RecordFeatures } from './features.ts';
import { TF_MAX_BITS, TF_MIN_BITS, type MatchModel, type TermFrequencyTable } from './types.ts';

export interface CompiledModel {
  model: MatchModel;
  priorBits: number;
  /** bits[field][level]. */
  bits: Float64Array[];
  /** Given-name bits when the surnames agree (see MatchModel.givenUIfSurnameAgrees). */
  givenBitsIfSurnameAgrees: Float64Array;
  thresholdBits: number;
  /** u of "agrees on the name key" (sum of the key-agreeing levels), the reference for TF adjustment. */
  surnameKeyU: number;
  givenKeyU: number;
}

export const log2 = Math.log2;

export function probabilityToBits(p: number): number {
  const q = Math.min(Math.max(p, 1e-300), 1 - 1e-16);
  return log2(q / (1 - q));
}

export function bitsToProbability(w: number): number {
  const b = Math.pow(2, w);
  return b / (1 + b);
}

export function compileModel(model: MatchModel): CompiledModel {
  const bits = model.comparisons.map((c) => {
    const arr = new Float64Array(c.m.length);
    for (let l = 1; l < c.m.length; l++) arr[l] = log2(c.m[l] / c.u[l]);
    return arr;
  });
  const given = model.comparisons[FIELD.GIVEN];
  const condU = model.givenUIfSurnameAgrees;
  const givenBitsIfSurnameAgrees = new Float64Array(given.m.length);
  for (let l = 1; l < given.m.length; l++) givenBitsIfSurnameAgrees[l] = log2(given.m[l] / (condU?.[l] ?? given.u[l]));
  const su = model.comparisons[FIELD.SURNAME].u;
  const gu = model.comparisons[FIELD.GIVEN].u;
  return {
    model,
    priorBits: probabilityToBits(model.prior),
    bits,
    givenBitsIfSurnameAgrees,
    thresholdBits: probabilityToBits(model.threshold),
    surnameKeyU: su[SURNAME.EXACT] + su[SURNAME.TRANSLITERATION] + su[SURNAME.PHONETIC],
    givenKeyU: gu[GIVEN.EXACT] + gu[GIVEN.VARIANT] + gu[GIVEN.PHONETIC],
  };
}

/** Relative frequency of a name key in the population; unseen keys count once. */
export function termFrequency(table: TermFrequencyTable, key: string | undefined): number {
  if (!key || table.total === 0) return 0;
  return (table.counts[key] ?? 1) / table.total;
}

export function tfAdjustmentBits(keyU: number, tf: number): number {
  if (tf <= 0 || keyU <= 0) return 0;
  const b = log2(keyU / tf);
  return b < TF_MIN_BITS ? TF_MIN_BITS : b > TF_MAX_BITS ? TF_MAX_BITS : b;
}

/**
 * Frequency of each record's commonest name key, computed once per record:
 * a pair sharing a name is judged by the commoner of the two records' names.
 */
export function recordTermFrequencies(model: MatchModel, f: RecordFeatures): { surname: number; given: number } {
  let surname = 0, given = 0;
  for (const n of f.names) {
    for (const k of n.family.keys) surname = Math.max(surname, termFrequency(model.termFrequencies.surname, k));
    for (const k of n.given.keys) given = Math.max(given, termFrequency(model.termFrequencies.given, k));
  }
  return { surname, given };
}

/**
 * Surname TF adjustment. For swapped names the matched name is a given name
 * on one side (GIOVANNI LEONE ~ LEONE GIOVANNI), so its frequency as a
 * given name counts too: the commonest reading wins.
 */
export function surnameTfBits(cm: CompiledModel, level: number, tfA: number, tfB: number, givenTfA = 0, givenTfB = 0): number {
  if (level === SURNAME.SWAPPED) return tfAdjustmentBits(cm.surnameKeyU, Math.max(tfA, tfB, givenTfA, givenTfB));
  if (level !== SURNAME.EXACT && level !== SURNAME.TRANSLITERATION && level !== SURNAME.PHONETIC) return 0;
  return tfAdjustmentBits(cm.surnameKeyU, Math.max(tfA, tfB));
}

export function givenTfBits(cm: CompiledModel, level: number, tfA: number, tfB: number): number {
  if (level !== GIVEN.EXACT && level !== GIVEN.VARIANT && level !== GIVEN.PHONETIC) return 0;
  return tfAdjustmentBits(cm.givenKeyU, Math.max(tfA, tfB));
}

export function surnameAgrees(level: number): boolean {
  return (level >= SURNAME.EXACT && level <= SURNAME.SIMILAR) || level === SURNAME.SWAPPED;
}

/** Bits of one field's level (the given name is judged against strangers with the same surname when surnames agree). */
export function fieldBits(cm: CompiledModel, levels: Uint8Array, off: number, f: number): number {
  const l = levels[off + f];
  if (l === 0) return 0;
  if (f === FIELD.GIVEN && surnameAgrees(levels[off + FIELD.SURNAME])) return cm.givenBitsIfSurnameAgrees[l];
  return cm.bits[f][l];
}

/** Match weight in bits of the comparison vector at levels[off..]. */
export function matchWeight(
  cm: CompiledModel, levels: Uint8Array, off: number,
  surnameTfA: number, surnameTfB: number, givenTfA: number, givenTfB: number,
): number {
  let w = cm.priorBits;
  for (let f = 0; f < FIELD_COUNT; f++) w += fieldBits(cm, levels, off, f);
  w += surnameTfBits(cm, levels[off + FIELD.SURNAME], surnameTfA, surnameTfB, givenTfA, givenTfB);
  w += givenTfBits(cm, levels[off + FIELD.GIVEN], givenTfA, givenTfB);
  return w;
}
