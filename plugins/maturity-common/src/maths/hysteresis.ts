import type { PlacementLevel } from '../types';

/** The level last shown for an entity and a drop waiting for confirmation. @public */
export interface ShownLevel {
  level: PlacementLevel;
  /** Set when the last evaluation computed a lower level that was not shown yet. */
  pendingLevel: PlacementLevel | null;
}

/**
 * Keeps levels from flapping: a level rises at once but drops only when two
 * evaluations in a row compute a lower level. A blip in one source run (a flaky CI run,
 * a pod restarting during the LIST) therefore never shows as a demotion.
 * @public
 */
export function applyHysteresis(
  previous: ShownLevel | undefined,
  computed: PlacementLevel,
): ShownLevel {
  if (!previous || computed >= previous.level) {
    return { level: computed, pendingLevel: null };
  }
  if (previous.pendingLevel !== null) {
    return { level: computed, pendingLevel: null };
  }
  return { level: previous.level, pendingLevel: computed };
}
