import type { Lens, PlacementLevel } from '../types';

/** How a team's level is derived from its services' levels. @public */
export interface RollupOptions {
  /** share: the highest level that ≥ `share` of assessed services reach; median; min. */
  strategy: 'share' | 'median' | 'min';
  share: number;
}

/** The part of a service's placement a rollup reads. @public */
export interface RolledUpService {
  level: PlacementLevel;
  assessed: boolean;
  provisional: boolean;
  /** Passing and failing checks per reporting lens. */
  lenses?: Partial<Record<Lens, { pass: number; fail: number }>>;
}

/** A team's (or the org's) figures. @public */
export interface RollupFigures {
  level: PlacementLevel;
  /** Assessed services per level 0–5. */
  distribution: [number, number, number, number, number, number];
  median: PlacementLevel | null;
  minimum: PlacementLevel | null;
  services: number;
  assessed: number;
  /** assessed / services; 0 without services. */
  coverage: number;
  provisional: number;
  /** Pass share per lens over every known check of the services; null when nothing is known. */
  lenses: Record<Lens, number | null>;
}

const LENS_KEYS: Lens[] = [
  'compliance',
  'security',
  'reliability',
  'cost',
  'delivery',
];

/**
 * Rolls services up into one figure set. Unassessed services count for coverage but not
 * for the level: a team is not dragged to 0 by services nobody could observe, and the
 * coverage figure says how much of the team the level speaks for.
 * @public
 */
export function rollupServices(
  services: readonly RolledUpService[],
  options: RollupOptions,
): RollupFigures {
  const distribution: RollupFigures['distribution'] = [0, 0, 0, 0, 0, 0];
  const levels: PlacementLevel[] = [];
  let provisional = 0;
  const lensTotals = Object.fromEntries(
    LENS_KEYS.map(l => [l, { pass: 0, fail: 0 }]),
  ) as Record<Lens, { pass: number; fail: number }>;

  for (const service of services) {
    for (const lens of LENS_KEYS) {
      lensTotals[lens].pass += service.lenses?.[lens]?.pass ?? 0;
      lensTotals[lens].fail += service.lenses?.[lens]?.fail ?? 0;
    }
    if (!service.assessed) continue;
    distribution[service.level] += 1;
    levels.push(service.level);
    if (service.provisional) provisional += 1;
  }
  levels.sort((a, b) => a - b);

  const lenses = Object.fromEntries(
    LENS_KEYS.map(l => {
      const { pass, fail } = lensTotals[l];
      return [l, pass + fail > 0 ? pass / (pass + fail) : null];
    }),
  ) as Record<Lens, number | null>;

  return {
    level: teamLevel(levels, distribution, options),
    distribution,
    median: levels.length ? levels[Math.floor((levels.length - 1) / 2)] : null,
    minimum: levels.length ? levels[0] : null,
    services: services.length,
    assessed: levels.length,
    coverage: services.length ? levels.length / services.length : 0,
    provisional,
    lenses,
  };
}

function teamLevel(
  sortedLevels: PlacementLevel[],
  distribution: RollupFigures['distribution'],
  options: RollupOptions,
): PlacementLevel {
  if (sortedLevels.length === 0) return 0;
  if (options.strategy === 'min') return sortedLevels[0];
  if (options.strategy === 'median') {
    return sortedLevels[Math.floor((sortedLevels.length - 1) / 2)];
  }
  let atOrAbove = 0;
  for (let level = 5; level >= 1; level--) {
    atOrAbove += distribution[level];
    if (atOrAbove / sortedLevels.length >= options.share)
      return level as PlacementLevel;
  }
  return 0;
}
