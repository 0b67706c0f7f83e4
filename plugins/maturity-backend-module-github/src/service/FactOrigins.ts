import {
  FactHandover,
  type CollectedFact,
  type FactCollectionContext,
} from '@maturity/plugin-maturity-node';
import type { CachedRepository } from './RepositoryCache';

/**
 * One run's handover of facts (see FactOrigins). An entity's origin is forgotten when its
 * facts are added and recorded only once the backend has stored them, so a run that fails
 * in between leaves the entity to be read again rather than re-observe facts it never got.
 */
export class OriginHandover {
  /** Entities added but not stored yet → the read their facts come from, if any. */
  private readonly pending = new Map<string, CachedRepository | undefined>();
  private readonly parts: FactHandover;

  constructor(
    private readonly readOf: Map<string, CachedRepository>,
    private readonly storeFacts: FactCollectionContext['storeFacts'],
  ) {
    this.parts = new FactHandover(facts => this.store(facts));
  }

  /**
   * Adds the facts of `entityRefs`, all from `read`, or from no repository (the problems
   * of a malformed slug) when it is undefined.
   */
  async add(
    entityRefs: readonly string[],
    read: CachedRepository | undefined,
    facts: readonly CollectedFact[],
  ): Promise<void> {
    for (const entityRef of entityRefs) {
      this.readOf.delete(entityRef);
      this.pending.set(entityRef, read);
    }
    await this.parts.add(facts);
  }

  /** Stores what is left: the origins are recorded only once stored, so nothing is returned. */
  async finish(): Promise<void> {
    const rest = this.parts.rest();
    if (rest.length > 0) await this.store(rest);
  }

  private async store(facts: CollectedFact[]): Promise<void> {
    await this.storeFacts(facts);
    // A part holds whole adds, so an entity's first fact settles its origin.
    for (const { entityRef } of facts) {
      const read = this.pending.get(entityRef);
      this.pending.delete(entityRef);
      if (read) this.readOf.set(entityRef, read);
    }
  }
}

/**
 * Which read of a repository each entity's stored GitHub facts came from. Only an entity
 * whose stored facts are the cached read's may re-observe them instead of being handed
 * them again: one whose slug changed since (perhaps back to a repository it named long
 * ago), that was handed a malformed slug's problems, or whose repository was read again
 * for another shard's entities holds other values than the cached read stands for.
 *
 * A read is its cache entry itself (every read sets a new one), which names both the
 * repository and the read without copying either.
 */
export class FactOrigins {
  private readonly readOf = new Map<string, CachedRepository>();

  /** Whether the entity's stored facts are the ones `read` found. */
  holds(entityRef: string, read: CachedRepository): boolean {
    return this.readOf.get(entityRef) === read;
  }

  /** Hands facts over for one run, recording where each entity's facts came from. */
  handover(storeFacts: FactCollectionContext['storeFacts']): OriginHandover {
    return new OriginHandover(this.readOf, storeFacts);
  }
}
