import { fireEvent, screen, within } from '@testing-library/react';
import { EntityMaturityContent } from '../EntityMaturityContent';
import { history, scorecard } from '../../__testUtils__/fixtures';
import {
  component,
  pending,
  renderWithApis,
  responseError,
} from '../../__testUtils__/renderWithApis';
import type { MaturityApi } from '../../api/MaturityApi';

function api(overrides: Partial<MaturityApi> = {}): Partial<MaturityApi> {
  return {
    getScorecard: async () => scorecard,
    getHistory: async () => history,
    refresh: async () => ({ ...scorecard, level: 3, nextLevel: null }),
    ...overrides,
  };
}

function render(
  overrides: Partial<MaturityApi> = {},
  options: { canRefresh?: boolean; route?: string } = {},
) {
  return renderWithApis(<EntityMaturityContent />, {
    api: api(overrides),
    entity: component,
    ...options,
  });
}

describe('Maturity tab of a service', () => {
  it('groups checks by level, and by dimension on request', async () => {
    await render();
    const level3 = await screen.findByRole('region', {
      name: 'Level 3 · Scale',
    });
    expect(level3).toHaveTextContent('Dashboard linked');
    expect(level3).toHaveTextContent('1 fail · 1 unknown');
    expect(
      screen.getByRole('region', { name: 'Level 1 · Build' }),
    ).toHaveTextContent('Source repository linked');

    fireEvent.click(screen.getByRole('button', { name: 'Dimension' }));
    const technology = screen.getByRole('region', { name: 'Technology' });
    expect(technology).toHaveTextContent('Metrics are scraped');
    expect(technology).toHaveTextContent('No single replica');
    expect(
      screen.queryByRole('region', { name: 'Level 3 · Scale' }),
    ).not.toBeInTheDocument();
  });

  it('shows every state: unknown with its reason, waived with its expiry, not applicable', async () => {
    await render();
    const metrics = await screen.findByText('Metrics are scraped');
    const row = metrics.closest('[data-check]') as HTMLElement;
    expect(within(row).getByText('Unknown')).toBeInTheDocument();
    expect(
      within(row).getByText('Not linked to any workload'),
    ).toBeInTheDocument();
    expect(screen.getByText('Waived until 2027-06-30')).toBeInTheDocument();
    expect(screen.getByText('N/A')).toBeInTheDocument();
    expect(screen.getAllByText('Fail')).toHaveLength(1);
  });

  it('opens a check to its evidence, source, age, stale marker and fix', async () => {
    await render();
    fireEvent.click(await screen.findByText('Dashboard linked'));
    const evidence = await screen.findByRole('table', { name: 'Evidence' });
    expect(evidence).toHaveTextContent('catalog.linkTypes');
    expect(evidence).toHaveTextContent('"runbook"');
    expect(evidence).toHaveTextContent('3 days ago');
    expect(evidence).toHaveTextContent('UTC');
    expect(within(evidence).getByText('Stale')).toBeInTheDocument();
    expect(
      screen.getByText('Start from the template').closest('a'),
    ).toHaveAttribute('href', '/create/templates/default/grafana-dashboard');
  });

  it('says why a fact could not be observed', async () => {
    await render();
    fireEvent.click(await screen.findByText('Metrics are scraped'));
    expect(
      await screen.findByText(
        'Not observed: fact k8s.workloads has not been collected',
      ),
    ).toBeInTheDocument();
  });

  it('opens the check named in the link', async () => {
    await render(
      {},
      {
        route:
          '/catalog/default/component/payments-api/maturity?check=metrics-scraped',
      },
    );
    // Opened without a click: its evidence is on screen.
    expect(
      await screen.findByText(
        'Not observed: fact k8s.workloads has not been collected',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('"runbook"')).not.toBeInTheDocument();
  });

  it('shows levels per dimension and the history with why it changed', async () => {
    await render();
    const dimensions = await screen.findByLabelText('Levels per dimension');
    expect(dimensions).toHaveTextContent('PolicyLevel 1');
    expect(dimensions).toHaveTextContent('Business outcomesno observed checks');
    const changes = await screen.findByRole('list', { name: 'Level changes' });
    expect(changes).toHaveTextContent('Level 1 → Level 2');
    expect(changes).toHaveTextContent('owner-is-team: fail → pass');
    expect(changes).toHaveTextContent(
      'catalog.owner: {"memberCount":1} → {"memberCount":3}',
    );
  });

  it('shortens a long list of causes until asked for all of them', async () => {
    const causes = ['a', 'b', 'c', 'd', 'e'].map(id => ({
      checkId: `check-${id}`,
      from: null,
      to: 'pass',
      facts: [],
    }));
    await render({
      getHistory: async () => ({
        ...history,
        changes: [{ ...history.changes[0], fromLevel: null, causes }],
      }),
    });
    const changes = await screen.findByRole('list', { name: 'Level changes' });
    expect(changes).toHaveTextContent('First placement → Level 2');
    expect(changes).toHaveTextContent('check-c: new → pass');
    expect(changes).not.toHaveTextContent('check-d');
    fireEvent.click(
      screen.getByRole('button', { name: 'Show all 5 checks that changed' }),
    );
    expect(changes).toHaveTextContent('check-e: new → pass');
  });

  it('refreshes on request and shows the new result', async () => {
    const refresh = jest.fn(async () => ({
      ...scorecard,
      level: 3 as const,
      nextLevel: null,
    }));
    const getHistory = jest.fn(async () => history);
    await render({ refresh, getHistory });
    fireEvent.click(await screen.findByRole('button', { name: /Refresh now/ }));
    expect(await screen.findByText('Refreshed: Level 3')).toBeInTheDocument();
    expect(
      screen.getByText('Level 3 · Scale', { selector: 'h6' }),
    ).toBeInTheDocument();
    expect(refresh).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'payments-api',
    });
    // The history is read again, so a level change from the refresh shows at once.
    expect(getHistory).toHaveBeenCalledTimes(2);
  });

  it('says when a refresh fails', async () => {
    const error = await responseError(
      403,
      'Not allowed: maturity.entity.refresh',
    );
    await render({ refresh: () => Promise.reject(error) });
    fireEvent.click(await screen.findByRole('button', { name: /Refresh now/ }));
    expect(await screen.findByText(/Refresh failed/)).toBeInTheDocument();
  });

  it('warns when evidence is stale', async () => {
    await render({ getScorecard: async () => ({ ...scorecard, stale: true }) });
    expect(await screen.findByTestId('stale-warning')).toHaveTextContent(
      /Some evidence is stale/,
    );
  });

  it('says which annotations link evidence when nothing is assessed', async () => {
    await render({
      getScorecard: async () => ({ ...scorecard, assessed: false, level: 0 }),
    });
    expect(await screen.findByText('Not assessed')).toBeInTheDocument();
    expect(screen.getByText(/backstage.io\/kubernetes-id/)).toBeInTheDocument();
  });

  it('says when there is no history yet', async () => {
    await render({
      getHistory: async () => ({ ...history, snapshots: [], changes: [] }),
    });
    expect(await screen.findByText('No history yet')).toBeInTheDocument();
  });

  it('shows progress while loading and the error when the backend fails', async () => {
    const { unmount } = await render({ getScorecard: pending });
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    unmount();

    const error = await responseError(
      404,
      'No entity component:default/payments-api',
    );
    await render({ getScorecard: () => Promise.reject(error) });
    expect(
      await screen.findByText('No entity component:default/payments-api'),
    ).toBeInTheDocument();
  });
});
