import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createRouter } from '../router/createRouter';
import { Rubric } from '../rubric/Rubric';

/** Every route the router really serves, found by walking its stack. */
export async function listRoutes(): Promise<string[]> {
  const router = await createRouter({
    logger: mockServices.logger.mock(),
    httpAuth: mockServices.httpAuth(),
    permissions: mockServices.permissions(),
    catalog: catalogServiceMock(),
    rubric: new Rubric([]),
    store: {} as any,
    scorecards: {} as any,
    cachedScorecards: {} as any,
    rollups: {} as any,
    visibility: {} as any,
    refresh: {} as any,
    historyDays: 400,
  });
  return (router as any).stack
    .filter((layer: any) => layer.route)
    .flatMap((layer: any) =>
      Object.keys(layer.route.methods).map(
        m =>
          `${m.toUpperCase()} ${layer.route.path.replace(/:(\w+)/g, '{$1}')}`,
      ),
    )
    .sort();
}
