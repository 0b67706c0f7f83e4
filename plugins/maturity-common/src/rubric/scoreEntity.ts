import {
  DIMENSIONS,
  type CheckResult,
  type Dimension,
  type PlacementLevel,
} from '../types';
import type { CheckDefinition } from './CheckDefinition';
import {
  dimensionLevels,
  nextLevelProgress,
  placeEntity,
  type NextLevelProgress,
  type Placement,
} from '../maths/placement';
import type { ScoredCheck, ScoringOptions } from '../maths/scoring';

/** Everything level maths says about one entity. @public */
export interface EntityScore {
  placement: Placement;
  nextLevel: NextLevelProgress | null;
  dimensions: Record<Dimension, PlacementLevel | null>;
}

/** Joins results to their checks and runs the level maths over them. @public */
export function scoreEntity(
  checks: CheckDefinition[],
  results: CheckResult[],
  options: ScoringOptions,
  lifecycle: string | null | undefined,
): EntityScore {
  const scored = toScoredChecks(checks, results);
  const placement = placeEntity(scored, options, lifecycle);
  return {
    placement,
    nextLevel: nextLevelProgress(placement, scored, options),
    dimensions: dimensionLevels(scored, options, DIMENSIONS),
  };
}

/** Joins results to their checks in the shape level maths reads. @public */
export function toScoredChecks(
  checks: CheckDefinition[],
  results: CheckResult[],
): ScoredCheck[] {
  const byId = new Map(results.map(r => [r.checkId, r]));
  return checks.flatMap(check => {
    const result = byId.get(check.id);
    return result
      ? [
          {
            checkId: check.id,
            level: check.level,
            dimension: check.dimension,
            required: check.required,
            weight: check.weight,
            state: result.state,
          },
        ]
      : [];
  });
}
