import type {
  CollectedFact,
  FactCollectionContext,
  FactCollectionOutcome,
  MaturityFactSource,
} from './FactSource';

/** Facts handed to the backend at once while a source produces them. */
const DEFAULT_PART_SIZE = 2_000;

/**
 * Gathers the facts a source produces and hands them to the backend a part at a time
 * (`storeFacts`), so the source never holds a whole catalog's facts; what is left at the
 * end of the run is the source's return value.
 * @public
 */
export class FactHandover {
  private pending: CollectedFact[] = [];

  constructor(
    private readonly storeFacts: FactCollectionContext['storeFacts'],
    private readonly partSize = DEFAULT_PART_SIZE,
  ) {}

  async add(facts: readonly CollectedFact[]): Promise<void> {
    this.pending.push(...facts);
    if (this.pending.length >= this.partSize) {
      const part = this.pending;
      this.pending = [];
      await this.storeFacts(part);
    }
  }

  /** The facts not handed over yet, for the run's outcome. */
  rest(): CollectedFact[] {
    const rest = this.pending;
    this.pending = [];
    return rest;
  }
}

/**
 * What {@link collectAllFacts} keeps of one source's facts in place of the backend's
 * store: entity ref → fact name → the fact last handed over. Passing the same record to
 * every run of a source lets later runs re-observe facts as they would in the backend.
 * @public
 */
export type CollectedFactRecord = Map<string, Map<string, CollectedFact>>;

/**
 * Runs a source as the backend does, for tests and tools that look at a source's facts
 * without a store. It answers every fact the run left observed: those handed over or
 * re-observed (with their last value, from `record`) in the order the source did so, then
 * those returned; with the number of parts handed over and of entities re-observed.
 * `record` stands in for the store: what is handed over or returned is kept in it, and an
 * entity it holds nothing for is answered as missing when the source asks to re-observe
 * it (with a new record, every entity is).
 * @public
 */
export async function collectAllFacts(
  source: MaturityFactSource,
  context: Omit<FactCollectionContext, 'storeFacts' | 'reobserveFacts'>,
  record: CollectedFactRecord = new Map(),
): Promise<FactCollectionOutcome & { handovers: number; reobserved: number }> {
  const observed: CollectedFact[] = [];
  let handovers = 0;
  let reobserved = 0;
  const outcome = await source.collect({
    ...context,
    storeFacts: async facts => {
      handovers += 1;
      observed.push(...facts);
      keep(record, facts);
    },
    reobserveFacts: async entityRefs => {
      const missing: string[] = [];
      for (const entityRef of entityRefs) {
        const facts = record.get(entityRef);
        if (!facts) {
          missing.push(entityRef);
          continue;
        }
        reobserved += 1;
        observed.push(...facts.values());
      }
      return missing;
    },
  });
  keep(record, outcome.facts);
  return {
    ...outcome,
    facts: [...observed, ...outcome.facts],
    handovers,
    reobserved,
  };
}

function keep(record: CollectedFactRecord, facts: readonly CollectedFact[]) {
  for (const fact of facts) {
    let byName = record.get(fact.entityRef);
    if (!byName) record.set(fact.entityRef, (byName = new Map()));
    byName.set(fact.name, fact);
  }
}
