import type { RollupFigures } from '@maturity/plugin-maturity-common';
import type { MaturityStore, StoredPlacement } from '../database/MaturityStore';
import type { GroupNode, RollupStore } from '../database/RollupStore';
import type { RollupOptions } from '../config/readMaturityConfig';
import type { RollupVersion } from './RollupVersion';
import { rollupTree, type OwnedService } from './rollupTree';
import { yieldToEventLoop } from '../database/yieldToEventLoop';

/** How far back a trend looks. */
export const TREND_DAYS = 7;

/**
 * Computes and stores the rollup of every group after each evaluation, so reads never
 * compute; and computes a rollup over a subset of services (filters, or what one caller
 * may see) with the same code when asked.
 */
export class RollupService {
  constructor(
    private readonly store: MaturityStore,
    private readonly rollups: RollupStore,
    private readonly options: RollupOptions,
    /** Told when new rollups are stored, so caches keyed on it move on at once. */
    private readonly version: RollupVersion,
  ) {}

  async recompute(now = new Date()): Promise<number> {
    const [groups, placements] = await Promise.all([
      this.rollups.listGroups(),
      this.store.listPlacements(),
    ]);
    const figures = this.compute(groups, placements);
    // The computation is one block of CPU (~12 ms at 10,000 services): let waiting
    // requests through before the writes.
    await yieldToEventLoop();
    await this.rollups.writeRollups(
      [...figures].map(([groupRef, f]) => ({
        groupRef,
        figures: f,
        computedAt: now.toISOString(),
      })),
    );
    this.version.forget();
    return figures.size;
  }

  compute(
    groups: readonly GroupNode[],
    placements: readonly StoredPlacement[],
  ): Map<string, RollupFigures> {
    return rollupTree(groups, placements.map(toOwnedService), this.options);
  }
}

export function toOwnedService(p: StoredPlacement): OwnedService {
  return {
    ownerRef: p.ownerRef,
    level: p.level,
    assessed: p.assessed,
    provisional: p.provisional,
    lenses: p.details.lenses,
  };
}
