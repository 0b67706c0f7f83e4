import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import AssessmentIcon from '@material-ui/icons/Assessment';
import { maturityApiRef } from './api/MaturityApi';
import { MaturityClient } from './api/MaturityClient';
import { rootRouteRef } from './routes';

const maturityApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: maturityApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new MaturityClient(deps),
    }),
});

const maturityEntityCard = EntityCardBlueprint.make({
  name: 'scorecard',
  params: {
    filter: { kind: 'component' },
    loader: () =>
      import('./components/EntityMaturityCard').then(m => (
        <m.EntityMaturityCard />
      )),
  },
});

const maturityEntityContent = EntityContentBlueprint.make({
  name: 'scorecard',
  params: {
    path: 'maturity',
    title: 'Maturity',
    filter: { kind: { $in: ['component', 'group'] } },
    loader: () =>
      import('./components/EntityMaturityContent').then(m => (
        <m.EntityMaturityContent />
      )),
  },
});

// The page layout of the new frontend system draws the header (title and icon, also
// used for the nav item), so the page renders only its routes.
const maturityPage = PageBlueprint.make({
  params: {
    path: '/maturity',
    title: 'Maturity',
    icon: <AssessmentIcon fontSize="inherit" />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    loader: () =>
      import('./components/MaturityPage').then(m => <m.MaturityRoutes />),
  },
});

/**
 * The Maturity plugin for the new frontend system: the API, the entity card, the
 * entity tab (Components and Groups) and the page at `/maturity` with its nav item.
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'maturity',
  title: 'Maturity',
  icon: <AssessmentIcon fontSize="inherit" />,
  info: { packageJson: () => import('../package.json') },
  routes: { root: convertLegacyRouteRef(rootRouteRef) },
  extensions: [
    maturityApi,
    maturityEntityCard,
    maturityEntityContent,
    maturityPage,
  ],
});
