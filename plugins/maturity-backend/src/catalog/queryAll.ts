import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { EntityFilterQuery } from '@backstage/catalog-client';

/** Entities per catalog page; large enough to keep page count low, small enough to stream. */
export const CATALOG_PAGE_SIZE = 500;

export interface QueryAllResult {
  entities: Entity[];
  /** Pages fetched, i.e. catalog requests made. */
  requests: number;
}

/**
 * Reads every entity matching a filter through cursor paging with a field projection, so
 * one catalog request returns hundreds of entities and only the fields we read.
 */
export async function queryAll(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  request: { filter: EntityFilterQuery; fields: string[] },
  signal?: AbortSignal,
): Promise<QueryAllResult> {
  const entities: Entity[] = [];
  let requests = 0;
  let cursor: string | undefined;
  do {
    signal?.throwIfAborted();
    const page = await catalog.queryEntities(
      cursor
        ? { cursor, limit: CATALOG_PAGE_SIZE, fields: request.fields }
        : {
            filter: request.filter,
            fields: request.fields,
            limit: CATALOG_PAGE_SIZE,
            totalItems: 'exclude',
          },
      { credentials },
    );
    requests += 1;
    entities.push(...page.items);
    cursor = page.pageInfo.nextCursor;
  } while (cursor);
  return { entities, requests };
}
