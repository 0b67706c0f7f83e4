import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The scenario's catalog in memory. While a collection runs, every call is counted and
 * answers after the latency profile's catalog delay, as a remote catalog would; API
 * requests outside collection (the scorecard's read check) answer at once, like a
 * catalog in the same backend.
 */
export function countingCatalog(entities: Entity[], latencyMs: number) {
  const inner = catalogServiceMock({ entities });
  // The mock looks a ref up by scanning every entity; the real catalog uses an index.
  const byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));
  const getEntityByRef: CatalogService['getEntityByRef'] = async ref =>
    byRef.get(
      typeof ref === 'string'
        ? stringifyEntityRef(parseEntityRef(ref))
        : stringifyEntityRef(ref),
    );
  const state = { collecting: false, requests: 0 };
  const catalog = new Proxy(inner, {
    get(target, property, receiver) {
      const value =
        property === 'getEntityByRef'
          ? getEntityByRef
          : Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        if (state.collecting) {
          state.requests += 1;
          if (latencyMs > 0) await sleep(latencyMs);
        }
        return value.apply(target, args);
      };
    },
  }) as CatalogService;
  return { catalog, state };
}
