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
 * Runs a source as the backend does, keeping what it hands over during the run, and
 * answers every fact it produced (handed over first, then returned) with the number of
 * parts handed over. For tests and tools that look at a source's facts without a store.
 * @public
 */
export async function collectAllFacts(
  source: MaturityFactSource,
  context: Omit<FactCollectionContext, 'storeFacts'>,
): Promise<FactCollectionOutcome & { handovers: number }> {
  const handedOver: CollectedFact[] = [];
  let handovers = 0;
  const outcome = await source.collect({
    ...context,
    storeFacts: async facts => {
      handovers += 1;
      handedOver.push(...facts);
    },
  });
  return { ...outcome, facts: [...handedOver, ...outcome.facts], handovers };
}
