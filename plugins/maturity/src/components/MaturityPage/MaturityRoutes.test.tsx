import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { MaturityRoutes } from './MaturityRoutes';
import {
  groupResponse,
  longAgo,
  rollup,
  rubric,
  sources,
} from '../../__testUtils__/fixtures';
import {
  pending,
  renderWithApis,
  responseError,
} from '../../__testUtils__/renderWithApis';
import type { MaturityApi } from '../../api/MaturityApi';

function render(api: Partial<MaturityApi>, route = '/maturity') {
  return renderWithApis(
    <Routes>
      <Route path="/maturity/*" element={<MaturityRoutes />} />
    </Routes>,
    { api, route },
  );
}

describe('Maturity page: org rollup', () => {
  it('shows the org figures, the lenses and the team tree', async () => {
    await render({ getRollup: async () => rollup });
    expect(
      await screen.findByText(/9 of 10 services assessed \(90% coverage\)/),
    ).toBeInTheDocument();
    const lenses = screen.getByRole('list', { name: 'Reporting lenses' });
    expect(
      within(lenses).getByLabelText('Compliance: 80% of checks pass'),
    ).toBeInTheDocument();
    expect(within(lenses).getByText('Nothing observed')).toBeInTheDocument();
    expect(screen.getByText('Payments').closest('a')).toHaveAttribute(
      'href',
      '/maturity/groups/default/payments',
    );
    expect(screen.getByText('Engineering')).toBeInTheDocument();
    expect(screen.getByText('No trend yet')).toBeInTheDocument();
  });

  it('reads the team table through the chosen lens', async () => {
    await render({ getRollup: async () => rollup });
    await screen.findByText('Engineering');
    expect(screen.queryByText('Cost pass share')).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Cost' }));
    expect(await screen.findByText('Cost pass share')).toBeInTheDocument();
    expect(screen.getAllByText('25%').length).toBeGreaterThan(0);
  });

  it('sends the lifecycle filter to the rollup', async () => {
    const getRollup = jest.fn(async () => rollup);
    await render({ getRollup }, '/maturity?lifecycle=production&tier=tier-1');
    await screen.findByText('Engineering');
    expect(getRollup).toHaveBeenCalledWith({
      lifecycle: 'production',
      system: undefined,
      tier: 'tier-1',
    });
  });

  it('exports CSV through the API client and saves it as a file', async () => {
    const downloadCsv = jest.fn(async () => new Blob(['entity_ref\r\n']));
    const createObjectURL = jest.fn(() => 'blob:maturity');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    await render({ getRollup: async () => rollup, downloadCsv });
    fireEvent.click(await screen.findByRole('button', { name: /Export CSV/ }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(downloadCsv).toHaveBeenCalled();
    expect(createObjectURL).toHaveBeenCalled();
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:maturity');
    click.mockRestore();
  });

  it('says when nothing matches the filters', async () => {
    await render(
      {
        getRollup: async () => ({
          ...rollup,
          filters: { tier: 'tier-9' },
          groups: [],
          org: { ...rollup.org, services: 0 },
        }),
      },
      '/maturity?tier=tier-9',
    );
    expect(
      await screen.findByText('Nothing matches these filters'),
    ).toBeInTheDocument();
  });

  it('warns when the figures are old', async () => {
    await render({
      getRollup: async () => ({ ...rollup, computedAt: longAgo }),
    });
    expect(await screen.findByTestId('stale-warning')).toHaveTextContent(
      /last evaluated 3 days ago/,
    );
  });

  it('shows progress while loading and the error when the backend fails', async () => {
    const { unmount } = await render({ getRollup: pending });
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    unmount();
    const error = await responseError(403, 'Not allowed: maturity.rollup.read');
    await render({ getRollup: () => Promise.reject(error) });
    expect(
      await screen.findByText('Not allowed: maturity.rollup.read'),
    ).toBeInTheDocument();
  });
});

describe('Maturity page: a team', () => {
  it('shows the team with a way back to all teams and to the group page', async () => {
    await render(
      { getGroup: async () => groupResponse },
      '/maturity/groups/default/payments',
    );
    expect(await screen.findByText('Level 2 · Operate')).toBeInTheDocument();
    expect(screen.getByText('All teams').closest('a')).toHaveAttribute(
      'href',
      '/maturity',
    );
    expect(screen.getByText('Group page').closest('a')).toHaveAttribute(
      'href',
      '/catalog/default/group/payments',
    );
    // Sub-teams drill down within the page.
    expect(screen.getByText('Payments Core').closest('a')).toHaveAttribute(
      'href',
      '/maturity/groups/default/payments-core',
    );
  });
});

describe('Maturity page: check catalogue', () => {
  it('lists every check with level, dimension, lens, weight, how to pass, sources and failing count', async () => {
    await render(
      { getRubric: async () => rubric, getSources: async () => sources },
      '/maturity/checks',
    );
    expect(
      await screen.findByText('Check catalogue (2 checks)'),
    ).toBeInTheDocument();
    const row = screen.getByText('Dashboard linked').closest('tr')!;
    expect(row).toHaveTextContent('3 · Scale');
    expect(row).toHaveTextContent('process');
    expect(row).toHaveTextContent('reliability');
    expect(row).toHaveTextContent('Weighted');
    expect(row).toHaveTextContent('weight 2');
    expect(row).toHaveTextContent('Link the service dashboard.');
    expect(row).toHaveTextContent('7');
    expect(row).toHaveTextContent('1 unknown');
    expect(
      within(row).getByText('Start from the template').closest('a'),
    ).toHaveAttribute('href', '/create/templates/default/grafana-dashboard');
    expect(
      screen.getByText('Source repository linked').closest('tr'),
    ).toHaveTextContent('Required');
  });

  it('shows each source’s last run and warns about a failed one', async () => {
    await render(
      { getRubric: async () => rubric, getSources: async () => sources },
      '/maturity/checks',
    );
    expect(await screen.findByTestId('stale-warning')).toHaveTextContent(
      /github: the last run did not complete/,
    );
    expect(screen.getByText(/rate limited/)).toBeInTheDocument();
  });

  it('says when no checks are enabled', async () => {
    await render(
      { getRubric: async () => ({ checks: [] }), getSources: pending },
      '/maturity/checks',
    );
    expect(
      await screen.findByText('No checks are enabled'),
    ).toBeInTheDocument();
  });

  it('shows progress while loading and the error when the backend fails', async () => {
    const { unmount } = await render(
      { getRubric: pending, getSources: pending },
      '/maturity/checks',
    );
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    unmount();
    const error = await responseError(404, 'No rubric');
    await render(
      { getRubric: () => Promise.reject(error), getSources: pending },
      '/maturity/checks',
    );
    expect(await screen.findByText('No rubric')).toBeInTheDocument();
  });
});
