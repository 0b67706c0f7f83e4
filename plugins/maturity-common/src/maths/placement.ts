import {
  LEVELS,
  type Dimension,
  type Level,
  type PlacementLevel,
} from '../types';
import {
  scoreLevel,
  type LevelScore,
  type ScoredCheck,
  type ScoringOptions,
} from './scoring';

/** Where an entity stands, before hysteresis. @public */
export interface Placement {
  level: PlacementLevel;
  /** A level reached only because a required check could not be observed. */
  provisional: boolean;
  /** At least one gating check produced a pass or a fail. */
  assessed: boolean;
  /** The level the checks alone would give, before a lifecycle cap. */
  uncappedLevel: PlacementLevel;
  /** The cap that applied, if any (e.g. experimental → 1). */
  cappedBy?: string;
  levels: LevelScore[];
}

/**
 * Places an entity: level ℓ is reached when ℓ−1 is reached and ℓ's own conditions hold.
 * Checks of non-gating dimensions are ignored here (they show, they do not decide).
 * @public
 */
export function placeEntity(
  checks: ScoredCheck[],
  options: ScoringOptions,
  lifecycle?: string | null,
): Placement {
  const gating = checks.filter(
    c => !options.nonGatingDimensions.includes(c.dimension),
  );
  const levels = LEVELS.map(level => scoreLevel(level, gating, options));

  let uncappedLevel: PlacementLevel = 0;
  let provisional = false;
  for (const score of levels) {
    if (!score.met) break;
    uncappedLevel = score.level;
    provisional = provisional || score.provisional;
  }

  const cap = lifecycle ? options.lifecycleCaps[lifecycle] : undefined;
  const level: PlacementLevel =
    cap !== undefined && uncappedLevel > cap ? cap : uncappedLevel;

  return {
    level,
    provisional: provisional && level > 0,
    assessed: gating.some(c => c.state === 'pass' || c.state === 'fail'),
    uncappedLevel,
    cappedBy: level < uncappedLevel ? `lifecycle ${lifecycle}` : undefined,
    levels,
  };
}

/**
 * Levels per dimension (for the radar): the same ladder, using only that dimension's
 * checks, gating or not.
 * @public
 */
export function dimensionLevels(
  checks: ScoredCheck[],
  options: ScoringOptions,
  dimensions: readonly Dimension[],
): Record<Dimension, PlacementLevel | null> {
  const result = {} as Record<Dimension, PlacementLevel | null>;
  for (const dimension of dimensions) {
    const own = checks.filter(c => c.dimension === dimension);
    if (own.length === 0) {
      result[dimension] = null;
      continue;
    }
    result[dimension] = placeEntity(own, {
      ...options,
      nonGatingDimensions: [],
      lifecycleCaps: {},
    }).level;
  }
  return result;
}

/** Progress toward the level above the current one. @public */
export interface NextLevelProgress {
  level: Level;
  /** Σ weight passing / Σ applicable weight at that level, 0..1. */
  progress: number;
  /** Checks at that level that fail or are unknown, the ones that block most first. */
  blockers: string[];
}

/** @public */
export function nextLevelProgress(
  placement: Placement,
  checks: ScoredCheck[],
  options: ScoringOptions,
): NextLevelProgress | null {
  if (placement.level >= 5) return null;
  const next = (placement.level + 1) as Level;
  const atNext = checks.filter(
    c =>
      c.level === next &&
      !options.nonGatingDimensions.includes(c.dimension) &&
      c.state !== 'waived' &&
      c.state !== 'not-applicable',
  );
  const applicable = atNext.reduce((sum, c) => sum + c.weight, 0);
  const passing = atNext
    .filter(c => c.state === 'pass')
    .reduce((sum, c) => sum + c.weight, 0);
  const blockers = atNext
    .filter(c => c.state === 'fail' || c.state === 'unknown')
    .sort(
      (a, b) =>
        blockerRank(b) - blockerRank(a) ||
        b.weight - a.weight ||
        a.checkId.localeCompare(b.checkId),
    )
    .map(c => c.checkId);
  return {
    level: next,
    progress: applicable > 0 ? passing / applicable : 0,
    blockers,
  };
}

// A required failure blocks outright; a plain failure before an unknown, which the
// developer may not be able to fix themselves.
function blockerRank(check: ScoredCheck): number {
  if (check.state === 'fail') return check.required ? 3 : 2;
  return check.required ? 1 : 0;
}
