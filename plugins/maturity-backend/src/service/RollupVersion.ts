import type { RollupStore } from '../database/RollupStore';

/** How long a version read from the database is trusted before it is read again. */
const TRUST_MS = 1_000;

/**
 * The version of the stored rollups (when they were last computed), which caches of
 * answers derived from stored evaluations key on: every write of evaluations or groups is
 * followed by a rollup recompute, here or in another replica.
 *
 * Reading it was most of what serving a cached answer cost, so it is read at most once a
 * second however many requests ask, and again at once after this process recomputed. A
 * recompute by another replica therefore shows here within a second.
 */
export class RollupVersion {
  private known?: { value: string | null; readAt: number };
  private reading?: Promise<string | null>;
  /** Bumped by `forget`, so a read that started before it cannot be trusted after it. */
  private generation = 0;

  constructor(
    private readonly store: Pick<RollupStore, 'latestComputedAt'>,
    private readonly trustMs = TRUST_MS,
  ) {}

  async current(): Promise<string | null> {
    const known = this.known;
    if (known && performance.now() - known.readAt < this.trustMs)
      return known.value;
    if (!this.reading) {
      const generation = this.generation;
      const readAt = performance.now();
      const reading = this.store.latestComputedAt().then(value => {
        if (generation === this.generation) this.known = { value, readAt };
        return value;
      });
      this.reading = reading;
      reading
        .finally(() => {
          if (this.reading === reading) this.reading = undefined;
        })
        .catch(() => {});
    }
    return this.reading;
  }

  /** This process has just stored new rollups: the next caller reads the version again. */
  forget(): void {
    this.generation += 1;
    this.known = undefined;
    this.reading = undefined;
  }
}
