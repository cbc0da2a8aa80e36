// Shared fixture for the generator's tests: one population, generated once
// per test file.
import { generatePopulation, type PopulationItem, type PopulationOptions } from './population.ts';

const cache = new Map<string, PopulationItem[]>();

export function population(opts: PopulationOptions): PopulationItem[] {
  const key = JSON.stringify(opts);
  let items = cache.get(key);
  if (!items) {
    items = [...generatePopulation(opts)];
    cache.set(key, items);
  }
  return items;
}
