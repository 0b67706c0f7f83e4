/** What the last successful read of a repository found. */
export interface CachedRepository {
  /** GitHub answered 403/404 for the whole repository. */
  denied: boolean;
  ownerType: 'Organization' | 'User';
  /** `pushedAt` as GraphQL reported it; the push probe compares against it. */
  pushedAt: string | null;
  /** When it was read (local clock, ms). */
  fetchedAt: number;
  /** When it must be read again even if nobody pushed. */
  refreshDueAt: number;
  /** The push probe saw a push since this read. */
  changed: boolean;
  /**
   * Fact values by name as JSON text: a whole catalog's parsed values took hundreds of MB
   * of heap between runs; the text takes about a third and is parsed while facts are
   * handed over.
   */
  valuesText: string;
  /** Per-fact problems (403/404, refused fields). */
  problems: Record<string, string>;
}

/**
 * The last read of each repository, in memory. A backend restart starts cold, which costs
 * one full read; persisting it would save that at the price of a second source of truth.
 */
export class RepositoryCache {
  private readonly entries = new Map<string, CachedRepository>();

  constructor(private readonly refreshAfterMs: number) {}

  get(key: string): CachedRepository | undefined {
    return this.entries.get(key);
  }

  set(
    key: string,
    entry: Omit<CachedRepository, 'refreshDueAt' | 'changed'>,
  ): void {
    // Spread re-reads over a quarter of the period, so a cold start's repositories do not
    // all come due in the same run again.
    const spread = 0.75 + 0.25 * (hash(key) / 0xffffffff);
    this.entries.set(key, {
      ...entry,
      refreshDueAt: entry.fetchedAt + this.refreshAfterMs * spread,
      changed: false,
    });
  }

  markChanged(key: string): void {
    const entry = this.entries.get(key);
    if (entry) entry.changed = true;
  }

  /** Every cached repository of `owner` (lower case), whichever shard's run read it. */
  entriesOf(owner: string): [string, CachedRepository][] {
    const prefix = `${owner}/`;
    return [...this.entries].filter(([key]) => key.startsWith(prefix));
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
