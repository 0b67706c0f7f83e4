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
  // The mock also rebuilds its search index for every query; asked page by page for
  // 50,000 services, that alone starved the backend's event loop for a minute. Each query
  // is answered once in full here and then paged from memory, as the real catalog pages
  // from its database.
  const answered = new Map<string, Entity[]>();
  const queryEntities: CatalogService['queryEntities'] = async (
    request,
    options,
  ) => {
    const { key, offset } =
      request && 'cursor' in request && request.cursor
        ? (JSON.parse(Buffer.from(request.cursor, 'base64url').toString()) as {
            key: string;
            offset: number;
          })
        : { key: JSON.stringify(request ?? {}), offset: 0 };
    let all = answered.get(key);
    if (!all) {
      const { limit: _all, ...query } = (request ?? {}) as Record<string, any>;
      all = (await inner.queryEntities(query, options)).items;
      answered.set(key, all);
    }
    const limit = (request as { limit?: number })?.limit ?? all.length;
    const end = offset + limit;
    return {
      items: all.slice(offset, end),
      totalItems: all.length,
      pageInfo:
        end < all.length
          ? {
              nextCursor: Buffer.from(
                JSON.stringify({ key, offset: end }),
              ).toString('base64url'),
            }
          : {},
    };
  };
  const fast: Record<string | symbol, unknown> = {
    getEntityByRef,
    queryEntities,
  };
  const catalog = new Proxy(inner, {
    get(target, property, receiver) {
      const value =
        property in fast
          ? fast[property]
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
