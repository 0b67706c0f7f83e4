import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { queryAll } from '../catalog/queryAll';
import { entityRefOf } from './entityRefOf';

const CACHE_MS = 30_000;

/**
 * Which Components a caller may see, so rollups and the CSV count only those. The
 * catalog's read policy decides: allowed outright means everything (the stored rollups
 * serve as they are); a conditional decision is resolved by listing the Components on the
 * caller's behalf, cached briefly per caller so a page of rollup calls costs one listing.
 */
export class VisibilityService {
  private readonly cache = new Map<string, { at: number; refs: Set<string> }>();

  constructor(
    private readonly permissions: PermissionsService,
    private readonly catalog: CatalogService,
  ) {}

  async visibleComponents(
    credentials: BackstageCredentials,
  ): Promise<'all' | Set<string>> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) return 'all';
    if (decision.result === AuthorizeResult.DENY) return new Set();

    const key = principalKey(credentials);
    const cached = this.cache.get(key);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.refs;
    const { entities } = await queryAll(this.catalog, credentials, {
      filter: { kind: 'Component' },
      fields: ['kind', 'metadata.name', 'metadata.namespace'],
    });
    const refs = new Set(entities.map(entityRefOf));
    this.cache.set(key, { at: Date.now(), refs });
    return refs;
  }
}

function principalKey(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  return `${principal.type}:${
    principal.userEntityRef ?? principal.subject ?? ''
  }`;
}
