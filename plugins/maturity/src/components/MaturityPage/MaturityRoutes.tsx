import { Content } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import {
  Link as RouterLink,
  Route,
  Routes,
  useLocation,
  useResolvedPath,
} from 'react-router-dom';
import { CheckCatalogue } from '../CheckCatalogue';
import { OrgPage } from '../OrgPage';
import { TeamPage } from './TeamPage';

/**
 * The routes under the page's mount point (`/maturity` by default): the org rollup at
 * the root, a team at `groups/:namespace/:name`, the check catalogue at `checks`.
 * Links are built from the mount point, so the page works wherever an app mounts it.
 */
export function MaturityRoutes() {
  const base = useResolvedPath('.').pathname.replace(/\/$/, '');
  const { pathname } = useLocation();
  const teamLink = (groupRef: string) => {
    const [, namespace, name] = /^[^:]+:([^/]+)\/(.+)$/.exec(groupRef) ?? [];
    return `${base}/groups/${namespace}/${name}`;
  };
  const tab = pathname.startsWith(`${base}/checks`) ? 'checks' : 'teams';
  return (
    <Content>
      <Box mb={2}>
        <Tabs value={tab} indicatorColor="primary" aria-label="Maturity views">
          <Tab
            value="teams"
            label="Teams"
            component={RouterLink}
            to={base || '/'}
          />
          <Tab
            value="checks"
            label="Check catalogue"
            component={RouterLink}
            to={`${base}/checks`}
          />
        </Tabs>
      </Box>
      <Routes>
        <Route path="/" element={<OrgPage teamLink={teamLink} />} />
        <Route path="checks" element={<CheckCatalogue />} />
        <Route
          path="groups/:namespace/:name"
          element={<TeamPage teamLink={teamLink} orgLink={base || '/'} />}
        />
      </Routes>
    </Content>
  );
}
