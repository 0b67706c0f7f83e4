import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  defaultChecks,
  maturityPermissions,
  type CheckDefinition,
} from '@maturity/plugin-maturity-common';
import {
  maturityChecksExtensionPoint,
  maturitySourcesExtensionPoint,
  type MaturityFactSource,
} from '@maturity/plugin-maturity-node';
import { readMaturityConfig } from './config/readMaturityConfig';
import { DatabaseMaturityStore } from './database/DatabaseMaturityStore';
import { createRouter } from './router/createRouter';
import { scheduleCollection } from './scheduler/scheduleCollection';
import { CollectionRunner } from './service/CollectionRunner';
import { Evaluator } from './service/Evaluator';
import { buildRubric } from './rubric/buildRubric';
import { DatabaseRollupStore } from './database/DatabaseRollupStore';
import { RefreshService } from './service/RefreshService';
import { RollupQueries } from './service/RollupQueries';
import { RollupService } from './service/RollupService';
import { RollupVersion } from './service/RollupVersion';
import { CachedScorecards } from './router/CachedScorecards';
import { VisibilityService } from './service/VisibilityService';
import { ScorecardService } from './service/ScorecardService';
import { CatalogFactSource } from './sources/CatalogFactSource';
import { rubricRecipe } from './evaluation/rubricRecipe';

/**
 * Collects maturity evidence, evaluates the rubric and serves scorecards.
 * @public
 */
export const maturityPlugin = createBackendPlugin({
  pluginId: 'maturity',
  register(env) {
    const addedSources: MaturityFactSource[] = [];
    const addedChecks: CheckDefinition[] = [];
    env.registerExtensionPoint(maturitySourcesExtensionPoint, {
      addSource: (...sources) => addedSources.push(...sources),
    });
    env.registerExtensionPoint(maturityChecksExtensionPoint, {
      addCheck: (...checks) => addedChecks.push(...checks),
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        lifecycle: coreServices.lifecycle,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const {
          config,
          logger,
          database,
          scheduler,
          httpRouter,
          auth,
          catalog,
        } = deps;
        const settings = readMaturityConfig(config);
        const sources = [new CatalogFactSource(catalog, auth), ...addedSources];
        const { rubric, waivers } = buildRubric({
          checks: [...defaultChecks, ...addedChecks],
          sources,
          config: settings,
        });
        deps.permissionsRegistry.addPermissions(maturityPermissions);

        const store = await DatabaseMaturityStore.create({ database });
        const rollupStore = await DatabaseRollupStore.create({ database });
        const evaluator = new Evaluator({
          store,
          rubric,
          waivers,
          scoring: settings.scoring,
          staleAfterMs: settings.staleAfterMs,
          // Module checks are functions that cannot cross to a worker thread.
          worker:
            addedChecks.length === 0
              ? rubricRecipe(settings, sources)
              : undefined,
          logger,
        });
        deps.lifecycle.addShutdownHook(() => evaluator.close());
        // Not awaited: a worker that cannot start is reported, and the evaluation runs
        // on the main thread.
        evaluator.warmUp();
        const rollupVersion = new RollupVersion(rollupStore);
        const rollups = new RollupService(
          store,
          rollupStore,
          settings.rollup,
          rollupVersion,
        );
        const scorecards = new ScorecardService(store, rubric);
        const runner = new CollectionRunner({
          catalog,
          auth,
          store,
          rollupStore,
          sources,
          evaluator,
          rollups,
          logger,
          historyDays: settings.historyDays,
        });

        await scheduleCollection({
          scheduler,
          schedule: settings.schedule,
          shards: settings.shards,
          runner,
          logger,
        });
        httpRouter.use(
          await createRouter({
            logger,
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            catalog,
            rubric,
            store,
            scorecards,
            cachedScorecards: new CachedScorecards(scorecards, rollupVersion),
            rollups: new RollupQueries(
              store,
              rollupStore,
              rollups,
              settings.rollup,
              rollupVersion,
            ),
            visibility: new VisibilityService(deps.permissions, catalog),
            refresh: new RefreshService({
              catalog,
              auth,
              sources,
              runner,
              evaluator,
              rollups,
            }),
            historyDays: settings.historyDays,
          }),
        );
      },
    });
  },
});
