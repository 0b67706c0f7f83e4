import type { Entity } from '@backstage/catalog-model';
import { mockServices } from '@backstage/backend-test-utils';
import type {
  CollectedFact,
  FactCollectionOutcome,
  MaturityFactSource,
} from '@maturity/plugin-maturity-node';

/**
 * Runs a source as the backend does and answers every fact it produced: those handed over
 * during the run, then those returned at its end.
 */
export async function collectAll(
  source: MaturityFactSource,
  options: { entities: readonly Entity[]; now: Date; signal?: AbortSignal },
): Promise<FactCollectionOutcome & { handovers: number }> {
  const handedOver: CollectedFact[] = [];
  let handovers = 0;
  const outcome = await source.collect({
    entities: options.entities,
    logger: mockServices.logger.mock(),
    signal: options.signal ?? new AbortController().signal,
    now: options.now,
    storeFacts: async facts => {
      handovers += 1;
      handedOver.push(...facts);
    },
  });
  return {
    ...outcome,
    facts: [...handedOver, ...outcome.facts],
    handovers,
  };
}
