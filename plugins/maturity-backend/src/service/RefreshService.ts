import type { AuthService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { MaturityFactSource } from '@maturity/plugin-maturity-node';
import { ASSESSED_ENTITY_FIELDS } from '../catalog/listAssessedEntities';
import type { CollectionRunner } from './CollectionRunner';
import type { Evaluator } from './Evaluator';
import type { RollupService } from './RollupService';

/** How long an on-demand refresh may take before its sources are aborted. */
const REFRESH_TIMEOUT_MS = 60_000;

/**
 * Re-collects and re-evaluates one entity now, for the refresh button. Each source runs
 * for that entity alone and records its run like a scheduled one.
 */
export class RefreshService {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      sources: readonly MaturityFactSource[];
      runner: CollectionRunner;
      evaluator: Evaluator;
      rollups: RollupService;
    },
  ) {}

  async refresh(entityRef: string): Promise<void> {
    const { catalog, auth, sources, runner, evaluator, rollups } = this.deps;
    const credentials = await auth.getOwnServiceCredentials();
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs: [entityRef], fields: ASSESSED_ENTITY_FIELDS },
      { credentials },
    );
    const entity = items[0];
    if (!entity) return;
    const signal = AbortSignal.timeout(REFRESH_TIMEOUT_MS);
    for (const source of sources) {
      await runner.runSource(source, [entity], signal);
    }
    await evaluator.evaluate([entity], { force: true });
    await rollups.recompute();
  }
}
