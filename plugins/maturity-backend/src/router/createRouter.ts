import type {
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  type BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  maturityRefreshPermission,
  maturityRollupReadPermission,
  summarizeCheck,
  type EntityHistory,
  type RubricResponse,
  type SourcesResponse,
} from '@maturity/plugin-maturity-common';
import express, { type Request } from 'express';
import Router from 'express-promise-router';
import type { MaturityStore } from '../database/MaturityStore';
import type { Rubric } from '../rubric/Rubric';
import { toCsv } from '../service/csvExport';
import type { RefreshService } from '../service/RefreshService';
import { filterPlacements, type RollupQueries } from '../service/RollupQueries';
import type { ScorecardService } from '../service/ScorecardService';
import type { VisibilityService } from '../service/VisibilityService';
import type { CachedScorecards } from './CachedScorecards';
import { parseEntityRefParams } from './entityRefParams';
import { errorHandler } from './errorHandler';
import { sendJson } from './sendJson';
import {
  exportQuery,
  groupParams,
  historyQuery,
  normalizeRef,
  parse,
  rollupQuery,
} from './queryParams';

export interface RouterOptions {
  logger: LoggerService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  rubric: Rubric;
  store: MaturityStore;
  scorecards: ScorecardService;
  cachedScorecards: CachedScorecards;
  rollups: RollupQueries;
  visibility: VisibilityService;
  refresh: RefreshService;
  historyDays: number;
}

/** Result states per check, over what the caller may see. */
async function countStates(store: MaturityStore, visible: 'all' | Set<string>) {
  if (visible === 'all') return store.countResultStates();
  const counts = new Map<string, Record<string, number>>();
  for (const results of (await store.readResults([...visible])).values()) {
    for (const r of results) {
      const byState = counts.get(r.checkId) ?? {};
      byState[r.state] = (byState[r.state] ?? 0) + 1;
      counts.set(r.checkId, byState);
    }
  }
  return counts;
}

const ERROR_DETAILS_HIDDEN =
  'Errors recorded; their details name services, so they are shown only to callers who may read every component.';

/** The HTTP API of DESIGN.md §5. Every route needs a user or service token. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { logger, httpAuth, permissions, catalog, rubric, store } = options;
  const router = Router();
  // Only the one POST route may carry a body; GETs skip the parser.
  const jsonBody = express.json({ limit: '64kb' });

  const caller = (req: Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  // Asking the catalog on the caller's behalf lets its read policy decide visibility; an
  // entity the caller may not see looks exactly like one that does not exist.
  const visibleEntity = async (
    req: Request,
    credentials: BackstageCredentials,
  ) => {
    const entityRef = parseEntityRefParams(req.params);
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity) throw new NotFoundError(`No entity ${entityRef}`);
    return entityRef;
  };

  const authorize = async (
    permission: BasicPermission,
    credentials: BackstageCredentials,
  ) => {
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Not allowed: ${permission.name}`);
    }
  };

  router.get('/rubric', async (req, res) => {
    const credentials = await caller(req);
    const visible = await options.visibility.visibleComponents(credentials);
    const counts = await countStates(store, visible);
    const body: RubricResponse = {
      checks: rubric.checks.map(check => ({
        ...summarizeCheck(check),
        failing: counts.get(check.id)?.fail ?? 0,
        unknown: counts.get(check.id)?.unknown ?? 0,
      })),
    };
    res.json(body);
  });

  router.get('/entities/:kind/:namespace/:name', async (req, res) => {
    const entityRef = await visibleEntity(req, await caller(req));
    (await options.cachedScorecards.answer(entityRef)).send(req, res);
  });

  router.get('/entities/:kind/:namespace/:name/history', async (req, res) => {
    const credentials = await caller(req);
    const { days } = parse(historyQuery, req.query, 'query');
    const entityRef = await visibleEntity(req, credentials);
    const since = new Date(
      Date.now() - (days ?? options.historyDays) * 86_400_000,
    );
    const history = await store.readHistory(
      entityRef,
      since.toISOString().slice(0, 10),
    );
    const body: EntityHistory = { entityRef, ...history };
    res.json(body);
  });

  router.post(
    '/entities/:kind/:namespace/:name/refresh',
    jsonBody,
    async (req, res) => {
      const credentials = await caller(req);
      await authorize(maturityRefreshPermission, credentials);
      const entityRef = await visibleEntity(req, credentials);
      await options.refresh.refresh(entityRef);
      res.json(await options.scorecards.getScorecard(entityRef));
    },
  );

  router.get('/groups/:namespace/:name', async (req, res) => {
    const credentials = await caller(req);
    await authorize(maturityRollupReadPermission, credentials);
    const { namespace, name } = parse(groupParams, req.params, 'path');
    const groupRef = normalizeRef(`group:${namespace}/${name}`, 'group');
    if (!(await catalog.getEntityByRef(groupRef, { credentials }))) {
      throw new NotFoundError(`No group ${groupRef}`);
    }
    const visible = await options.visibility.visibleComponents(credentials);
    const group = await options.rollups.group(groupRef, visible);
    if (!group) throw new NotFoundError(`No rollup for ${groupRef} yet`);
    res.json(group);
  });

  router.get('/rollup', async (req, res) => {
    const credentials = await caller(req);
    await authorize(maturityRollupReadPermission, credentials);
    const query = parse(rollupQuery, req.query, 'query');
    const visible = await options.visibility.visibleComponents(credentials);
    sendJson(
      req,
      res,
      await options.rollups.orgRollup({
        visible,
        root: query.root && normalizeRef(query.root, 'group'),
        filters: {
          lifecycle: query.lifecycle,
          system: query.system && normalizeRef(query.system, 'system'),
          tier: query.tier,
        },
      }),
    );
  });

  router.get('/export.csv', async (req, res) => {
    const credentials = await caller(req);
    await authorize(maturityRollupReadPermission, credentials);
    const query = parse(exportQuery, req.query, 'query');
    const visible = await options.visibility.visibleComponents(credentials);
    const placements = filterPlacements(await store.listPlacements(), visible, {
      lifecycle: query.lifecycle,
      system: query.system && normalizeRef(query.system, 'system'),
      tier: query.tier,
    });
    const results = await store.readResults(placements.map(p => p.entityRef));
    res
      .type('text/csv; charset=utf-8')
      .attachment('maturity.csv')
      .send(toCsv(placements, results));
  });

  router.get('/sources', async (req, res) => {
    const credentials = await caller(req);
    const runs = await store.listRuns({ limit: 100 });
    // Error texts name repositories and clusters of every service; a caller who may not
    // read every Component sees that a run had errors, not which.
    const visible = await options.visibility.visibleComponents(credentials);
    const body: SourcesResponse = {
      runs:
        visible === 'all'
          ? runs
          : runs.map(run => ({
              ...run,
              error: run.error ? ERROR_DETAILS_HIDDEN : null,
            })),
    };
    res.json(body);
  });

  router.use(errorHandler(logger));
  return router;
}
