import type { CheckState, Dimension, Level } from '../types';

/** How placements are computed; every field comes from `maturity.scoring`. @public */
export interface ScoringOptions {
  /** Weighted pass share a level needs among its known checks (default 0.75). */
  levelThreshold: number;
  /** Share of a level's applicable weight that must be known (default 0.6). */
  minCoverage: number;
  /** What a required check in `unknown` does to its level. */
  requiredUnknown: 'provisional' | 'block';
  /** Dimensions whose checks are shown but do not decide levels. */
  nonGatingDimensions: Dimension[];
  /** Highest level an entity with a given `spec.lifecycle` can hold. */
  lifecycleCaps: Record<string, Level>;
}

/** @public */
export const DEFAULT_SCORING: ScoringOptions = {
  levelThreshold: 0.75,
  minCoverage: 0.6,
  requiredUnknown: 'provisional',
  nonGatingDimensions: ['people', 'business-outcomes'],
  lifecycleCaps: { experimental: 1 },
};

/** The part of a check and its result that level maths reads. @public */
export interface ScoredCheck {
  checkId: string;
  level: Level;
  dimension: Dimension;
  required: boolean;
  weight: number;
  state: CheckState;
}

/** One level's figures for one entity. @public */
export interface LevelScore {
  level: Level;
  /** Σ weight of pass / Σ weight of (pass + fail); null when nothing is known. */
  passShare: number | null;
  /** Σ weight of (pass + fail) / Σ weight of (pass + fail + unknown); null when nothing applies. */
  coverage: number | null;
  requiredFailing: string[];
  requiredUnknown: string[];
  /** Whether this level's own conditions hold (ignoring the levels below). */
  met: boolean;
  /** Met, but only because a required check is unknown. */
  provisional: boolean;
}

/**
 * Scores one level from its checks. Waived and not-applicable checks are left out;
 * unknown ones lower coverage but never count as pass or fail. A level with no
 * applicable check is not met: a level is never awarded without evidence.
 * @public
 */
export function scoreLevel(
  level: Level,
  checks: ScoredCheck[],
  options: ScoringOptions,
): LevelScore {
  let passWeight = 0;
  let knownWeight = 0;
  let applicableWeight = 0;
  const requiredFailing: string[] = [];
  const requiredUnknown: string[] = [];

  for (const check of checks) {
    if (check.level !== level) continue;
    if (check.state === 'waived' || check.state === 'not-applicable') continue;
    applicableWeight += check.weight;
    if (check.state === 'unknown') {
      if (check.required) requiredUnknown.push(check.checkId);
      continue;
    }
    knownWeight += check.weight;
    if (check.state === 'pass') passWeight += check.weight;
    else if (check.required) requiredFailing.push(check.checkId);
  }

  const passShare = knownWeight > 0 ? passWeight / knownWeight : null;
  const coverage = applicableWeight > 0 ? knownWeight / applicableWeight : null;
  const blockedByUnknown =
    requiredUnknown.length > 0 && options.requiredUnknown === 'block';
  const met =
    passShare !== null &&
    coverage !== null &&
    passShare >= options.levelThreshold &&
    coverage >= options.minCoverage &&
    requiredFailing.length === 0 &&
    !blockedByUnknown;

  return {
    level,
    passShare,
    coverage,
    requiredFailing,
    requiredUnknown,
    met,
    provisional: met && requiredUnknown.length > 0,
  };
}
