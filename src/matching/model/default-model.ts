// Parameters used before a model has been trained on a node's own data (and
// as EM's starting point): values of the order Splink and the record-linkage
// literature report for person data. Training replaces them.
import { COMPARISONS } from '../compare.ts';
import type { MatchModel } from './types.ts';

const DEFAULT_M: Record<string, number[]> = {
  surname: [1, 0.8, 0.05, 0.04, 0.04, 0.01, 0.02, 0.01, 0.03],
  given_names: [1, 0.75, 0.06, 0.03, 0.05, 0.03, 0.02, 0.02, 0.04],
  birth_date: [1, 0.85, 0.02, 0.04, 0.01, 0.02, 0.02, 0.01, 0.03],
  sex: [1, 0.97, 0.03],
  nationality: [1, 0.95, 0.05],
  place_of_birth: [1, 0.85, 0.08, 0.07],
  document_number: [1, 0.85, 0.03, 0.05, 0.07],
  address: [1, 0.6, 0.2, 0.1, 0.1],
};

const DEFAULT_U: Record<string, number[]> = {
  surname: [1, 0.002, 0.0002, 0.001, 0.002, 0.0005, 0.02, 0.0001, 0.9742],
  given_names: [1, 0.005, 0.001, 0.002, 0.004, 0.001, 0.005, 0.03, 0.952],
  birth_date: [1, 0.00004, 0.00001, 0.0003, 0.00005, 0.0008, 0.01, 0.03, 0.9588],
  sex: [1, 0.5, 0.5],
  nationality: [1, 0.3, 0.7],
  place_of_birth: [1, 0.01, 0.01, 0.98],
  document_number: [1, 0.000001, 0.000001, 0.00001, 0.999988],
  address: [1, 0.0001, 0.0005, 0.01, 0.9894],
};

function normalised(p: number[]): number[] {
  const s = p.slice(1).reduce((a, b) => a + b, 0);
  return [1, ...p.slice(1).map((x) => x / s)];
}

/** An untrained model: literature defaults, prior for a population of `populationSize` in which each person has about one duplicate. */
export function defaultModel(populationSize = 1_000_000): MatchModel {
  return {
    version: 1,
    comparisons: COMPARISONS.map((c) => ({ name: c.name, m: normalised(DEFAULT_M[c.name]), u: normalised(DEFAULT_U[c.name]) })),
    prior: 1 / Math.max(populationSize, 2),
    threshold: 0.5,
    termFrequencies: { surname: { total: 0, counts: {} }, given: { total: 0, counts: {} } },
    training: null,
  };
}
