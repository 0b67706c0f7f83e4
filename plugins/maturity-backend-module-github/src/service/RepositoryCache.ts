/**
 * What the last successful read of a repository found, as far as deciding whether to read
 * it again needs. Its fact values are not kept: they are in the backend's store, where an
 * unchanged repository's entities re-observe them (see FactOrigins).
 */
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

  /** Records a read; the entry answered is this read's (a later read sets a new one). */
  set(
    key: string,
    read: Omit<CachedRepository, 'refreshDueAt' | 'changed'>,
  ): CachedRepository {
    // Spread re-reads over a quarter of the period, so a cold start's repositories do not
    // all come due in the same run again.
    const spread = 0.75 + 0.25 * (hash(key) / 0xffffffff);
    const entry = {
      ...read,
      refreshDueAt: read.fetchedAt + this.refreshAfterMs * spread,
      changed: false,
    };
    this.entries.set(key, entry);
    return entry;
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
