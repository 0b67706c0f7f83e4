import { screen } from '@testing-library/react';
import { EntityMaturityCard } from './EntityMaturityCard';
import { check, scorecard } from '../../__testUtils__/fixtures';
import {
  component,
  pending,
  renderWithApis,
  responseError,
} from '../../__testUtils__/renderWithApis';

describe('EntityMaturityCard', () => {
  it('shows the level, progress and the top blockers with how to fix them', async () => {
    const getScorecard = jest.fn().mockResolvedValue(scorecard);
    await renderWithApis(<EntityMaturityCard />, {
      api: { getScorecard },
      entity: component,
    });

    expect(await screen.findByText('Level 2 · Operate')).toBeInTheDocument();
    expect(getScorecard).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'payments-api',
    });
    expect(screen.getByText('Progress to Level 3: 50%')).toBeInTheDocument();
    // Blockers of the next level, not every check.
    const blockers = screen.getByRole('list', { name: 'Top blockers' });
    expect(blockers).toHaveTextContent('L3 · Dashboard linked');
    expect(blockers).toHaveTextContent('L3 · Metrics are scraped');
    expect(blockers).not.toHaveTextContent('Source repository linked');
    expect(screen.getByText('Link the service dashboard.')).toBeInTheDocument();
    // A template link reads as a template, a docs link as docs.
    expect(
      screen.getByText('Start from the template').closest('a'),
    ).toHaveAttribute('href', '/create/templates/default/grafana-dashboard');
    expect(screen.getByText('How to fix').closest('a')).toHaveAttribute(
      'href',
      'https://prometheus-operator.dev/',
    );
    expect(
      screen.getByText('All checks and evidence').closest('a'),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/payments-api/maturity',
    );
  });

  it('caps the list and says how many more checks need work', async () => {
    const failing = Array.from({ length: 7 }, (_, i) =>
      check({
        checkId: `c${i}`,
        title: `Check ${i}`,
        state: 'fail',
        level: 4,
      }),
    );
    await renderWithApis(<EntityMaturityCard />, {
      api: {
        getScorecard: async () => ({
          ...scorecard,
          checks: [...scorecard.checks, ...failing],
        }),
      },
      entity: component,
    });
    expect(
      await screen.findByText(/4 more checks need work on the Maturity tab/),
    ).toBeInTheDocument();
  });

  it('marks a provisional level and warns about stale evidence', async () => {
    await renderWithApis(<EntityMaturityCard />, {
      api: {
        getScorecard: async () => ({
          ...scorecard,
          provisional: true,
          stale: true,
        }),
      },
      entity: component,
    });
    expect(
      await screen.findByText(
        /Provisional: a required check could not be observed/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/Some evidence is stale/)).toBeInTheDocument();
  });

  it('says which annotation to add when nothing could be assessed', async () => {
    await renderWithApis(<EntityMaturityCard />, {
      api: {
        getScorecard: async () => ({
          ...scorecard,
          assessed: false,
          level: 0,
          checks: [],
        }),
      },
      entity: component,
    });
    expect(await screen.findByText('Not assessed')).toBeInTheDocument();
    expect(
      screen.getByText(/Add the github.com\/project-slug annotation/),
    ).toBeInTheDocument();
  });

  it('says when the first evaluation has not happened yet', async () => {
    await renderWithApis(<EntityMaturityCard />, {
      api: {
        getScorecard: async () => ({
          ...scorecard,
          evaluatedAt: null,
          assessed: false,
          checks: [],
        }),
      },
      entity: component,
    });
    expect(await screen.findByText('Not assessed yet')).toBeInTheDocument();
  });

  it('shows progress while loading', async () => {
    await renderWithApis(<EntityMaturityCard />, {
      api: { getScorecard: pending },
      entity: component,
    });
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('shows the backend error instead of an empty card', async () => {
    const error = await responseError(
      404,
      'No entity component:default/payments-api',
    );
    await renderWithApis(<EntityMaturityCard />, {
      api: { getScorecard: () => Promise.reject(error) },
      entity: component,
    });
    expect(
      await screen.findByText('No entity component:default/payments-api'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Level 2/)).not.toBeInTheDocument();
  });
});
