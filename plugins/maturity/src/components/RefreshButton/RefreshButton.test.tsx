import { screen } from '@testing-library/react';
import { RefreshButton } from './RefreshButton';
import { renderWithApis } from '../../__testUtils__/renderWithApis';

// Its own file: permission answers are cached per module, and this one must be a denial
// from the start (the allowed case is in ScorecardView.test.tsx).
describe('RefreshButton', () => {
  it('is not offered to callers the policy does not allow to refresh', async () => {
    const refresh = jest.fn();
    await renderWithApis(
      <>
        <RefreshButton
          entityRef={{
            kind: 'Component',
            namespace: 'default',
            name: 'payments-api',
          }}
          onRefreshed={jest.fn()}
        />
        <span>rendered</span>
      </>,
      { api: { refresh }, canRefresh: false },
    );
    expect(await screen.findByText('rendered')).toBeInTheDocument();
    // Give the permission check time to answer.
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(
      screen.queryByRole('button', { name: /Refresh now/ }),
    ).not.toBeInTheDocument();
    expect(refresh).not.toHaveBeenCalled();
  });
});
