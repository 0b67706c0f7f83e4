import type { JsonValue } from '@backstage/types';

/** The five levels of the CNCF Cloud Native Maturity Model. @public */
export type Level = 1 | 2 | 3 | 4 | 5;

/** A placement: 0 means Level 1 is not reached (or nothing could be assessed). @public */
export type PlacementLevel = 0 | Level;

/** @public */
export const LEVELS: readonly Level[] = [1, 2, 3, 4, 5];

/** @public */
export const LEVEL_NAMES: Record<PlacementLevel, string> = {
  0: 'Not reached',
  1: 'Build',
  2: 'Operate',
  3: 'Scale',
  4: 'Improve',
  5: 'Adapt',
};

/** The model's aspects. @public */
export type Dimension =
  | 'people'
  | 'process'
  | 'policy'
  | 'technology'
  | 'business-outcomes';

/** @public */
export const DIMENSIONS: readonly Dimension[] = [
  'people',
  'process',
  'policy',
  'technology',
  'business-outcomes',
];

/** The Level 4 reporting lenses leadership reads the rubric through. @public */
export type Lens =
  | 'compliance'
  | 'security'
  | 'reliability'
  | 'cost'
  | 'delivery';

/** @public */
export const LENSES: readonly Lens[] = [
  'compliance',
  'security',
  'reliability',
  'cost',
  'delivery',
];

/**
 * The outcome of one check for one entity. `unknown` means the evidence could not be
 * observed (not linked, not collected, stale); it never counts as pass or fail.
 * @public
 */
export type CheckState =
  | 'pass'
  | 'fail'
  | 'not-applicable'
  | 'waived'
  | 'unknown';

/** @public */
export const CHECK_STATES: readonly CheckState[] = [
  'pass',
  'fail',
  'not-applicable',
  'waived',
  'unknown',
];

/** One observed value about one entity from one source. @public */
export interface Fact {
  entityRef: string;
  name: string;
  value: JsonValue;
  source: string;
  /** ISO 8601 */
  observedAt: string;
  runId?: string;
  /**
   * Why the source could not observe this fact (no access, CRD not installed, rate
   * limited). A fact with a problem has a null value and makes its checks `unknown`.
   */
  problem?: string;
}

/** A fact as shown next to the check that read it. @public */
export interface Evidence {
  fact: string;
  value: JsonValue | null;
  source: string | null;
  observedAt: string | null;
  stale: boolean;
  /** Why the fact could not be used, when it could not. */
  problem?: string;
}

/** The stored result of one check for one entity. @public */
export interface CheckResult {
  checkId: string;
  state: CheckState;
  reason: string;
  evidence: Evidence[];
  /** Set when state is `waived`. */
  waiver?: { reason: string; expires: string; approvedBy: string };
}
