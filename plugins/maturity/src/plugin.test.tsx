import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import {
  EntityMaturityCard,
  EntityMaturityContent,
  MaturityPage,
  maturityApiFactory,
  maturityApiRef,
  maturityPlugin,
  maturityRootRouteRef,
} from './index';
import {
  groupResponse,
  rollup,
  scorecard,
  history,
} from './__testUtils__/fixtures';
import {
  component,
  groupEntity,
  renderWithApis,
} from './__testUtils__/renderWithApis';

// The legacy frontend system: what an app on createApp from @backstage/app-defaults
// imports from the package root.
describe('legacy exports', () => {
  it('registers the API factory with the plugin', () => {
    expect(maturityPlugin.getId()).toBe('maturity');
    expect(maturityApiFactory.api).toBe(maturityApiRef);
    expect([...maturityPlugin.getApis()].map(f => f.api.id)).toContain(
      'plugin.maturity.api',
    );
    expect(maturityPlugin.routes.root).toBe(maturityRootRouteRef);
  });

  it('renders the entity card', async () => {
    await renderWithApis(<EntityMaturityCard />, {
      api: { getScorecard: async () => scorecard },
      entity: component,
    });
    expect(await screen.findByText('Level 2 · Operate')).toBeInTheDocument();
  });

  it('renders the entity tab for a service and for a group', async () => {
    const { unmount } = await renderWithApis(<EntityMaturityContent />, {
      api: {
        getScorecard: async () => scorecard,
        getHistory: async () => history,
      },
      entity: component,
    });
    expect(await screen.findByText('Levels per dimension')).toBeInTheDocument();
    unmount();

    await renderWithApis(<EntityMaturityContent />, {
      api: { getGroup: async () => groupResponse },
      entity: groupEntity,
    });
    expect(
      await screen.findByText('Holding the team back'),
    ).toBeInTheDocument();
  });

  it('renders the page with its own header', async () => {
    await renderWithApis(
      <Routes>
        <Route path="/maturity/*" element={<MaturityPage />} />
      </Routes>,
      { api: { getRollup: async () => rollup }, route: '/maturity' },
    );
    expect(
      await screen.findByRole('heading', { name: 'Maturity' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('Engineering')).toBeInTheDocument();
  });
});
