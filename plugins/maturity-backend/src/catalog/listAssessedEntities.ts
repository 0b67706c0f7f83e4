import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { queryAll, type QueryAllResult } from './queryAll';

/** The fields every source may read about an assessed entity. */
export const ASSESSED_ENTITY_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
  'metadata.links',
  'spec.type',
  'spec.owner',
  'spec.lifecycle',
  'spec.system',
  'relations',
];

/** Every Component in the catalog: the entities that get a scorecard. */
export function listAssessedEntities(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  signal?: AbortSignal,
): Promise<QueryAllResult> {
  return queryAll(
    catalog,
    credentials,
    { filter: { kind: 'Component' }, fields: ASSESSED_ENTITY_FIELDS },
    signal,
  );
}
