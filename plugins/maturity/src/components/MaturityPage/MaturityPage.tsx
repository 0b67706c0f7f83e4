import { Header, Page } from '@backstage/core-components';
import { MaturityRoutes } from './MaturityRoutes';

/**
 * The Maturity page for apps on the legacy frontend system, which draw no page header
 * themselves. (The new frontend system's page layout draws it, see `alpha.tsx`.)
 * @public
 */
export function MaturityPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Maturity"
        subtitle="Teams and services on the CNCF Cloud Native Maturity Model"
      />
      <MaturityRoutes />
    </Page>
  );
}
