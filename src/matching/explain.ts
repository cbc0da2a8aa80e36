// Why two records were (not) judged the same person: the prior, then what
// each field added or took away in bits (a waterfall that sums exactly to the
// final match weight), and one sentence an officer can read aloud.
import type { MatchRecord } from '../domain/match-record.ts';
import { COMPARISONS, FIELD, FIELD_COUNT, compareFeatures, type NameChoice } from './compare.ts';
import { extractFeatures, type RecordFeatures } from './model/features.ts';
import { bitsToProbability, compileModel, fieldBits, givenTfBits, recordTermFrequencies, surnameTfBits, type CompiledModel } from './model/score.ts';
import type { MatchModel } from './model/types.ts';

export interface FieldContribution {
  /** Comparison name, e.g. "surname". */
  field: string;
  label: string;
  level: number;
  /** What the level means ("same in another transliteration"). */
  levelLabel: string;
  /** The values compared, as written ("ШЕВЧЕНКО ~ SCHEWTSCHENKO"). */
  values: string;
  /** log2(m/u) of the level. */
  bits: number;
  /** Term-frequency adjustment (negative for a common name). */
  tfBits: number;
  /** bits + tfBits. */
  total: number;
}

export interface MatchExplanation {
  /** log2 of the prior odds. */
  priorBits: number;
  /** Fields with evidence, in comparison order (missing fields are left out: they add nothing). */
  contributions: FieldContribution[];
  /** priorBits + Σ total. */
  weight: number;
  probability: number;
  /** The waterfall in words. */
  summary: string;
}

function clip(s: string, max = 48): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function fullName(given: string, family: string): string {
  return [given, family].filter(Boolean).join(' ');
}

function comparedValues(field: number, a: MatchRecord, b: MatchRecord, choice: NameChoice): string {
  const na = a.names[choice.indexA] ?? { given: '', family: '' };
  const nb = b.names[choice.indexB] ?? { given: '', family: '' };
  switch (field) {
    case FIELD.SURNAME:
      if (choice.swapped === 'b') return `${na.family} ~ ${nb.given} (given name of the other)`;
      if (choice.swapped === 'a') return `${na.given} (given name) ~ ${nb.family}`;
      return `${na.family} ~ ${nb.family}`;
    case FIELD.GIVEN:
      if (choice.swapped === 'b') return `${na.given} ~ ${nb.family} (surname of the other)`;
      if (choice.swapped === 'a') return `${na.family} (surname) ~ ${nb.given}`;
      return `${na.given} ~ ${nb.given}`;
    case FIELD.BIRTH: return `${a.birthDate} ~ ${b.birthDate}`;
    case FIELD.SEX: return `${a.sex} ~ ${b.sex}`;
    case FIELD.NATIONALITY: return `${a.nationalities.join('/')} ~ ${b.nationalities.join('/')}`;
    case FIELD.PLACE: return `${a.placeOfBirth} ~ ${b.placeOfBirth}`;
    case FIELD.DOCUMENT: return `${a.documentNumbers.join('/')} ~ ${b.documentNumbers.join('/')}`;
    case FIELD.ADDRESS: return `${clip(a.address)} ~ ${clip(b.address)}`;
    default: return '';
  }
}

export function formatBits(b: number): string {
  const s = Math.abs(b).toFixed(1);
  return b < 0 && s !== '0.0' ? `\u2212${s}` : `+${s}`;
}

/** Explanation for two records whose features are already computed. */
export function explainFeatures(cm: CompiledModel, a: MatchRecord, b: MatchRecord, fa: RecordFeatures, fb: RecordFeatures): MatchExplanation {
  const levels = new Uint8Array(FIELD_COUNT);
  const choice: NameChoice = { indexA: 0, indexB: 0, swapped: '' };
  compareFeatures(fa, fb, levels, 0, choice);
  const tfa = recordTermFrequencies(cm.model, fa), tfb = recordTermFrequencies(cm.model, fb);
  const contributions: FieldContribution[] = [];
  let weight = cm.priorBits;
  for (let f = 0; f < FIELD_COUNT; f++) {
    const level = levels[f];
    if (level === 0) continue;
    const bits = fieldBits(cm, levels, 0, f);
    const tfBits = f === FIELD.SURNAME ? surnameTfBits(cm, level, tfa.surname, tfb.surname, tfa.given, tfb.given)
      : f === FIELD.GIVEN ? givenTfBits(cm, level, tfa.given, tfb.given) : 0;
    const def = COMPARISONS[f];
    contributions.push({
      field: def.name, label: def.label, level, levelLabel: def.levels[level],
      values: comparedValues(f, a, b, choice), bits, tfBits, total: bits + tfBits,
    });
    weight += bits + tfBits;
  }
  const probability = bitsToProbability(weight);
  const parts = contributions.map((c) => {
    const note = c.tfBits <= -0.5 ? ', a common name' : c.tfBits >= 0.5 ? ', a rare name' : '';
    return `${c.label} ${c.levelLabel} (${c.values}${note}): ${formatBits(c.total)}`;
  });
  const summary = `${parts.join('; ')}; starting odds ${formatBits(cm.priorBits)}; total ${formatBits(weight)} bits = probability ${probability.toFixed(3)}`;
  return { priorBits: cm.priorBits, contributions, weight, probability, summary };
}

/** Why the model judges records a and b as it does. */
export function explainPair(model: MatchModel | CompiledModel, a: MatchRecord, b: MatchRecord): MatchExplanation {
  const cm = 'bits' in model ? model : compileModel(model);
  return explainFeatures(cm, a, b, extractFeatures(a), extractFeatures(b));
}
