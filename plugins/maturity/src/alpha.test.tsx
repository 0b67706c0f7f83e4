import { screen } from '@testing-library/react';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import maturityPlugin from './alpha';
import { maturityApiRef } from './api/MaturityApi';
import { rollup, rubric, sources } from './__testUtils__/fixtures';

const catalogApi = {
  getEntityFacets: async () => ({ facets: {} }),
};

// The new frontend system: the plugin as `app.packages: all` discovers it. Its pages load
// lazily, and the first load compiles them: on a busy machine that took longer than
// findByText's default second (a CI run failed so), hence the longer wait.
const LAZY_LOAD = { timeout: 15_000 };
jest.setTimeout(30_000);
describe('maturity plugin (new frontend system)', () => {
  it('mounts the org page at /maturity', async () => {
    renderTestApp({
      features: [maturityPlugin],
      apis: [
        [maturityApiRef, { getRollup: async () => rollup }],
        [catalogApiRef, catalogApi],
      ],
      initialRouteEntries: ['/maturity'],
    });
    expect(
      await screen.findByText('Engineering', {}, LAZY_LOAD),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Teams' })).toBeInTheDocument();
  });

  it('mounts the check catalogue at /maturity/checks', async () => {
    renderTestApp({
      features: [maturityPlugin],
      apis: [
        [
          maturityApiRef,
          { getRubric: async () => rubric, getSources: async () => sources },
        ],
      ],
      initialRouteEntries: ['/maturity/checks'],
    });
    expect(
      await screen.findByText('Check catalogue (2 checks)', {}, LAZY_LOAD),
    ).toBeInTheDocument();
  });

  it('provides the entity card, the entity tab and the page', () => {
    const ids = [
      'api:maturity',
      'entity-card:maturity/scorecard',
      'entity-content:maturity/scorecard',
      'page:maturity',
    ];
    for (const id of ids) {
      expect(maturityPlugin.getExtension(id as any)).toBeDefined();
    }
  });
});
