// A trained model as JSON, so a node can store it and load it again. Term
// frequency tables are trimmed to names seen at least twice (a name absent
// from the table counts as seen once, which is what it was).
import { z } from 'zod';
import { COMPARISONS } from '../compare.ts';
import type { MatchModel, TermFrequencyTable } from './types.ts';

const Probability = z.number().min(0).max(1);

const TermFrequencyTableSchema = z.object({
  total: z.number().int().min(0),
  counts: z.record(z.string(), z.number().int().min(1)),
});

const MatchModelSchema = z.object({
  version: z.literal(1),
  comparisons: z.array(z.object({ name: z.string(), m: z.array(Probability), u: z.array(Probability) })),
  prior: z.number().gt(0).lt(1),
  threshold: z.number().gt(0).lt(1),
  termFrequencies: z.object({ surname: TermFrequencyTableSchema, given: TermFrequencyTableSchema }),
  givenUIfSurnameAgrees: z.array(Probability).optional(),
  training: z.object({
    records: z.number(), candidatePairs: z.number(), randomPairs: z.number(),
    emIterations: z.number(), emConverged: z.boolean(), candidateMatchShare: z.number(),
  }).nullable(),
});

function trimmed(t: TermFrequencyTable, maxEntries: number): TermFrequencyTable {
  const entries = Object.entries(t.counts).filter(([, c]) => c >= 2).sort((x, y) => y[1] - x[1]).slice(0, maxEntries);
  return { total: t.total, counts: Object.fromEntries(entries) };
}

export function modelToJson(model: MatchModel, maxTermFrequencies = 50_000): string {
  return JSON.stringify({
    ...model,
    termFrequencies: {
      surname: trimmed(model.termFrequencies.surname, maxTermFrequencies),
      given: trimmed(model.termFrequencies.given, maxTermFrequencies),
    },
  });
}

export type ParsedModel = { ok: true; model: MatchModel } | { ok: false; error: string };

/** Reads a model from JSON text or an already parsed value; never throws. */
export function parseModel(input: string | unknown): ParsedModel {
  let value: unknown = input;
  if (typeof input === 'string') {
    try { value = JSON.parse(input); } catch (e) { return { ok: false, error: `not JSON: ${(e as Error).message}` }; }
  }
  const r = MatchModelSchema.safeParse(value);
  if (!r.success) {
    const i = r.error.issues[0];
    return { ok: false, error: `${i.path.join('.') || 'model'}: ${i.message}` };
  }
  const model = r.data as MatchModel;
  if (model.comparisons.length !== COMPARISONS.length) return { ok: false, error: `expected ${COMPARISONS.length} comparisons, found ${model.comparisons.length}` };
  for (let f = 0; f < COMPARISONS.length; f++) {
    const c = model.comparisons[f], def = COMPARISONS[f];
    if (c.name !== def.name) return { ok: false, error: `comparison ${f} is "${c.name}", expected "${def.name}"` };
    if (c.m.length !== def.levels.length || c.u.length !== def.levels.length) {
      return { ok: false, error: `comparison ${def.name} needs ${def.levels.length} levels` };
    }
    for (let l = 1; l < c.m.length; l++) {
      if (c.m[l] <= 0 || c.u[l] <= 0) return { ok: false, error: `comparison ${def.name} level ${l}: m and u must be > 0` };
    }
  }
  const cond = model.givenUIfSurnameAgrees;
  if (cond && (cond.length !== COMPARISONS[1].levels.length || cond.slice(1).some((x) => x <= 0))) {
    return { ok: false, error: 'givenUIfSurnameAgrees needs one u > 0 per given-name level' };
  }
  const counts = (t: TermFrequencyTable) => Object.assign(Object.create(null), t.counts) as Record<string, number>;
  model.termFrequencies = {
    surname: { total: model.termFrequencies.surname.total, counts: counts(model.termFrequencies.surname) },
    given: { total: model.termFrequencies.given.total, counts: counts(model.termFrequencies.given) },
  };
  return { ok: true, model };
}
