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
  /** assessed / services, to four decimals; 0 without services. */
  coverage: number;
  provisional: number;
  /**
   * Pass share per lens over every known check of the services, to four decimals; null
   * when nothing is known.
   */
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
 * What a rollup adds up: counts that sum over services and over sub-teams, so a team's
 * figures come from its own services' tally plus its sub-teams' tallies instead of from a
 * list of every service below it (a tree of 1,263 teams over 10,000 services visited each
 * service once per level of depth). Every figure, median and minimum included, follows
 * from these counts.
 * @public
 */
export interface RollupTally {
  /** Assessed services per level 0–5. */
  distribution: RollupFigures['distribution'];
  services: number;
  provisional: number;
  lenses: Record<Lens, { pass: number; fail: number }>;
}

/** A tally of no services. @public */
export function emptyTally(): RollupTally {
  return {
    distribution: [0, 0, 0, 0, 0, 0],
    services: 0,
    provisional: 0,
    lenses: Object.fromEntries(
      LENS_KEYS.map(l => [l, { pass: 0, fail: 0 }]),
    ) as RollupTally['lenses'],
  };
}

/** Counts one service into `tally`. @public */
export function tallyService(tally: RollupTally, service: RolledUpService) {
  tally.services += 1;
  if (service.lenses) {
    for (const lens of LENS_KEYS) {
      const counts = service.lenses[lens];
      if (!counts) continue;
      tally.lenses[lens].pass += counts.pass;
      tally.lenses[lens].fail += counts.fail;
    }
  }
  if (!service.assessed) return;
  tally.distribution[service.level] += 1;
  if (service.provisional) tally.provisional += 1;
}

/** Adds `part` (a sub-team's tally) into `tally`. @public */
export function addTally(tally: RollupTally, part: RollupTally) {
  for (let level = 0; level <= 5; level++) {
    tally.distribution[level] += part.distribution[level];
  }
  tally.services += part.services;
  tally.provisional += part.provisional;
  for (const lens of LENS_KEYS) {
    tally.lenses[lens].pass += part.lenses[lens].pass;
    tally.lenses[lens].fail += part.lenses[lens].fail;
  }
}

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
  const tally = emptyTally();
  for (const service of services) tallyService(tally, service);
  return rollupFigures(tally, options);
}

/** A tally's figures. @public */
export function rollupFigures(
  tally: RollupTally,
  options: RollupOptions,
): RollupFigures {
  const distribution = [...tally.distribution] as RollupFigures['distribution'];
  const assessed = distribution.reduce((sum, count) => sum + count, 0);
  const lenses = Object.fromEntries(
    LENS_KEYS.map(l => {
      const { pass, fail } = tally.lenses[l];
      return [l, pass + fail > 0 ? share(pass, pass + fail) : null];
    }),
  ) as Record<Lens, number | null>;
  const median = assessed ? nthLevel(distribution, (assessed - 1) >> 1) : null;
  const minimum = assessed ? nthLevel(distribution, 0) : null;

  return {
    level: teamLevel(distribution, assessed, median, minimum, options),
    distribution,
    median,
    minimum,
    services: tally.services,
    assessed,
    coverage: tally.services ? share(assessed, tally.services) : 0,
    provisional: tally.provisional,
    lenses,
  };
}

/**
 * `part / whole` to four decimals (a hundredth of a percent; the views show whole
 * percents). The whole-org rollup carries a figure set for every team, and sixteen
 * random digits per share were most of its bytes: at 10,000 services its gzip form went
 * from 49 KB to 40 KB, and on this machine a plain Node server sending 49 KB bodies to
 * 50 connections answered about 4,500 requests a second against 6,000–9,000 for 39–45 KB.
 */
function share(part: number, whole: number): number {
  return Math.round((part / whole) * 10_000) / 10_000;
}

/** The level of the `index`-th assessed service (from 0) in level order. */
function nthLevel(
  distribution: RollupFigures['distribution'],
  index: number,
): PlacementLevel {
  let seen = 0;
  for (let level = 0; level < 5; level++) {
    seen += distribution[level];
    if (seen > index) return level as PlacementLevel;
  }
  return 5;
}

function teamLevel(
  distribution: RollupFigures['distribution'],
  assessed: number,
  median: PlacementLevel | null,
  minimum: PlacementLevel | null,
  options: RollupOptions,
): PlacementLevel {
  if (assessed === 0) return 0;
  if (options.strategy === 'min') return minimum!;
  if (options.strategy === 'median') return median!;
  let atOrAbove = 0;
  for (let level = 5; level >= 1; level--) {
    atOrAbove += distribution[level];
    if (atOrAbove / assessed >= options.share) return level as PlacementLevel;
  }
  return 0;
}
