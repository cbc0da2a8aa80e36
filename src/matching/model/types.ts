// A trained Fellegi–Sunter model: for every comparison level the probability
// m of seeing it when two records are the same person and u when they are
// not, the prior probability that a random pair is a match, term frequencies
// of names, and the threshold the model itself chose.

export interface ComparisonParameters {
  /** Comparison name, as in COMPARISONS. */
  name: string;
  /** m per level; index 0 (missing) is unused and kept at 1. */
  m: number[];
  /** u per level; index 0 (missing) is unused and kept at 1. */
  u: number[];
}

export interface TermFrequencyTable {
  /** Number of records counted. */
  total: number;
  /** Records per phonetic name key; keys absent here count as seen once. */
  counts: Record<string, number>;
}

export interface TrainingSummary {
  records: number;
  candidatePairs: number;
  randomPairs: number;
  emIterations: number;
  emConverged: boolean;
  /** Share of matches among the blocked candidate pairs, as EM estimated it. */
  candidateMatchShare: number;
}

export interface MatchModel {
  version: 1;
  comparisons: ComparisonParameters[];
  /** P(match) for a random pair of records of the population trained on. */
  prior: number;
  /** Probability at or above which a pair is reported as a match. */
  threshold: number;
  termFrequencies: { surname: TermFrequencyTable; given: TermFrequencyTable };
  /**
   * u of the given-name levels among pairs whose surnames agree (strangers
   * sharing a surname share a given name more often); used instead of the
   * given-name u when the surname level is identical … spelled almost the
   * same, or swapped. Absent: the plain u is used.
   */
  givenUIfSurnameAgrees?: number[];
  training: TrainingSummary | null;
}

/** Term-frequency adjustments are clamped so one name never dominates. */
export const TF_MIN_BITS = -8;
export const TF_MAX_BITS = 1;
