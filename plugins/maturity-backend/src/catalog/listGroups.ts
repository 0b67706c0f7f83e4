import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { GroupNode } from '../database/RollupStore';
import { entityRefOf } from '../service/entityRefOf';
import { refOrNull } from '../service/entityMetadata';
import { queryAll } from './queryAll';

/** The catalog's group tree, in one paged query. */
export async function listGroups(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  signal?: AbortSignal,
): Promise<{ groups: GroupNode[]; requests: number }> {
  const { entities, requests } = await queryAll(
    catalog,
    credentials,
    {
      filter: { kind: 'Group' },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'spec.parent',
        'spec.type',
        'spec.profile.displayName',
      ],
    },
    signal,
  );
  const groups = entities.map(entity => {
    const spec = (entity.spec ?? {}) as {
      parent?: string;
      type?: string;
      profile?: { displayName?: string };
    };
    return {
      groupRef: entityRefOf(entity),
      parentRef: refOrNull(
        spec.parent,
        'group',
        entity.metadata.namespace ?? 'default',
      ),
      title: spec.profile?.displayName ?? entity.metadata.title ?? null,
      type: spec.type ?? null,
    };
  });
  return { groups, requests };
}
