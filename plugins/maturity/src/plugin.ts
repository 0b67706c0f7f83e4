import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { maturityApiRef } from './api/MaturityApi';
import { MaturityClient } from './api/MaturityClient';
import { rootRouteRef } from './routes';

/** The API factory, for apps that register APIs themselves. @public */
export const maturityApiFactory = createApiFactory({
  api: maturityApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
  factory: deps => new MaturityClient(deps),
});

/** The Maturity plugin for apps on the legacy frontend system. @public */
export const maturityPlugin = createPlugin({
  id: 'maturity',
  apis: [maturityApiFactory],
  routes: { root: rootRouteRef },
});

/** Maturity summary card for an entity's overview page. @public */
export const EntityMaturityCard = maturityPlugin.provide(
  createComponentExtension({
    name: 'EntityMaturityCard',
    component: {
      lazy: () =>
        import('./components/EntityMaturityCard').then(
          m => m.EntityMaturityCard,
        ),
    },
  }),
);

/** The Maturity tab for Component and Group entity pages. @public */
export const EntityMaturityContent = maturityPlugin.provide(
  createComponentExtension({
    name: 'EntityMaturityContent',
    component: {
      lazy: () =>
        import('./components/EntityMaturityContent').then(
          m => m.EntityMaturityContent,
        ),
    },
  }),
);

/** The org rollup page with teams and the check catalogue, e.g. at `/maturity`. @public */
export const MaturityPage = maturityPlugin.provide(
  createRoutableExtension({
    name: 'MaturityPage',
    component: () =>
      import('./components/MaturityPage').then(m => m.MaturityPage),
    mountPoint: rootRouteRef,
  }),
);
