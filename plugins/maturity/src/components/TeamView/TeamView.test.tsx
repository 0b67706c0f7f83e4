import { screen, within } from '@testing-library/react';
import { EntityMaturityContent } from '../EntityMaturityContent';
import { figures, group, groupResponse } from '../../__testUtils__/fixtures';
import {
  groupEntity,
  pending,
  renderWithApis,
  responseError,
} from '../../__testUtils__/renderWithApis';
import type { MaturityApi } from '../../api/MaturityApi';

function render(api: Partial<MaturityApi>) {
  return renderWithApis(<EntityMaturityContent />, {
    api,
    entity: groupEntity,
  });
}

describe('Maturity tab of a group (team view)', () => {
  it('shows the team level, coverage, distribution and trend', async () => {
    const getGroup = jest.fn(async () => groupResponse);
    await render({ getGroup });
    expect(await screen.findByText('Level 2 · Operate')).toBeInTheDocument();
    expect(getGroup).toHaveBeenCalledWith({
      namespace: 'default',
      name: 'payments',
    });
    expect(
      screen.getByText(/3 of 4 services assessed \(75% coverage\)/),
    ).toBeInTheDocument();
    expect(
      screen.getAllByRole('img', { name: 'Level 1: 1, Level 2: 2' })[0],
    ).toBeInTheDocument();
    expect(screen.getByText('Up from Level 1 in 7 days')).toBeInTheDocument();
  });

  it('names the services that hold the team back, linked to their Maturity tab', async () => {
    await render({ getGroup: async () => groupResponse });
    const list = await screen.findByRole('list', {
      name: 'Services holding the team back',
    });
    expect(list).toHaveTextContent('Ledger');
    expect(list).not.toHaveTextContent('Payments API');
    expect(within(list).getByText('Ledger').closest('a')).toHaveAttribute(
      'href',
      '/catalog/default/component/ledger/maturity',
    );
    expect(screen.getByText('Holds the team back')).toBeInTheDocument();
  });

  it('lists its services and sub-teams with their levels', async () => {
    await render({ getGroup: async () => groupResponse });
    expect(await screen.findByText('Payments API')).toBeInTheDocument();
    expect(screen.getByText('Payments Core').closest('a')).toHaveAttribute(
      'href',
      '/catalog/default/group/payments-core/maturity',
    );
    expect(screen.getByText('Unchanged in 7 days')).toBeInTheDocument();
  });

  it('warns when some services have stale evidence', async () => {
    await render({ getGroup: async () => groupResponse });
    expect(await screen.findByTestId('stale-warning')).toHaveTextContent(
      '1 of 2 services have stale evidence',
    );
  });

  it('says so when the team owns no services', async () => {
    await render({
      getGroup: async () => ({
        group: group({ figures: figures({ services: 0, assessed: 0 }) }),
        children: [],
        services: [],
        holdingBack: [],
      }),
    });
    expect(await screen.findByText('No services yet')).toBeInTheDocument();
  });

  it('shows progress while loading and the error when the backend fails', async () => {
    const { unmount } = await render({ getGroup: pending });
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    unmount();
    const error = await responseError(
      404,
      'No rollup for group:default/payments yet',
    );
    await render({ getGroup: () => Promise.reject(error) });
    expect(
      await screen.findByText('No rollup for group:default/payments yet'),
    ).toBeInTheDocument();
  });
});
