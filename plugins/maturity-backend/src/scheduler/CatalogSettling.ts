import type { CycleSummary } from '../service/CollectionRunner';

/** How long after start-up a growing catalog earns a quick second look. */
export const SETTLE_WINDOW_MS = 10 * 60_000;

/**
 * Tells whether the catalog is still filling up: within the settle window after start-up,
 * a cycle that saw an empty catalog, or a different number of Components or Groups than
 * the cycle before, is followed by another one soon. Once two cycles agree (or the window
 * has passed) collection keeps to its schedule.
 */
export class CatalogSettling {
  private last?: string;

  constructor(private readonly startedAt: number) {}

  stillFilling(
    summary: Pick<CycleSummary, 'catalogEntities' | 'catalogGroups'>,
    at: number,
  ): boolean {
    const shape = `${summary.catalogEntities}/${summary.catalogGroups}`;
    const changed = shape !== this.last;
    this.last = shape;
    if (at - this.startedAt > SETTLE_WINDOW_MS) return false;
    return summary.catalogEntities === 0 || changed;
  }
}
