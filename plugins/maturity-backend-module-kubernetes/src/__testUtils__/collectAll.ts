import type { Entity } from '@backstage/catalog-model';
import { mockServices } from '@backstage/backend-test-utils';
import {
  collectAllFacts,
  type MaturityFactSource,
} from '@maturity/plugin-maturity-node';

/** Every fact a source produces in one run (see collectAllFacts), with a test logger. */
export function collectAll(
  source: MaturityFactSource,
  options: { entities: readonly Entity[]; now: Date; signal?: AbortSignal },
) {
  return collectAllFacts(source, {
    entities: options.entities,
    logger: mockServices.logger.mock(),
    signal: options.signal ?? new AbortController().signal,
    now: options.now,
  });
}
