import { fireEvent, screen, waitFor } from '@testing-library/react';
import { registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { Route, Routes } from 'react-router-dom';
import { MaturityRoutes } from './MaturityRoutes';
import {
  groupResponse,
  rollup,
  rubric,
  sources,
} from '../../__testUtils__/fixtures';
import {
  baseUrl,
  httpClient,
  renderWithApis,
} from '../../__testUtils__/renderWithApis';

// The page over real HTTP (MaturityClient against msw).
const server = setupServer();
registerMswTestHooks(server);

function render(route: string) {
  return renderWithApis(
    <Routes>
      <Route path="/maturity/*" element={<MaturityRoutes />} />
    </Routes>,
    { api: httpClient(), route },
  );
}

describe('Maturity page over HTTP', () => {
  it('org: passes the filters from the URL to /rollup', async () => {
    let search = '';
    server.use(
      http.get(`${baseUrl}/rollup`, ({ request }) => {
        search = new URL(request.url).search;
        return HttpResponse.json(rollup);
      }),
    );
    await render('/maturity?lifecycle=production&system=payments');
    expect(await screen.findByText('Engineering')).toBeInTheDocument();
    const params = new URLSearchParams(search);
    expect(params.get('lifecycle')).toBe('production');
    expect(params.get('system')).toBe('payments');
    expect(params.has('tier')).toBe(false);
  });

  it('org: downloads the CSV with the user token', async () => {
    let auth: string | null = null;
    server.use(
      http.get(`${baseUrl}/rollup`, () => HttpResponse.json(rollup)),
      http.get(`${baseUrl}/export.csv`, ({ request }) => {
        auth = request.headers.get('authorization');
        return new HttpResponse('entity_ref,level\r\n', {
          headers: { 'content-type': 'text/csv' },
        });
      }),
    );
    const saved: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        saved.push(blob);
        return 'blob:csv';
      },
      revokeObjectURL: () => {},
    });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    await render('/maturity');
    fireEvent.click(await screen.findByRole('button', { name: /Export CSV/ }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(auth).toBe('Bearer user-token');
    expect(await saved[0].text()).toBe('entity_ref,level\r\n');
    click.mockRestore();
  });

  it('team: reads /groups/{namespace}/{name}', async () => {
    server.use(
      http.get(`${baseUrl}/groups/default/payments`, () =>
        HttpResponse.json(groupResponse),
      ),
    );
    await render('/maturity/groups/default/payments');
    expect(
      await screen.findByRole('list', {
        name: 'Services holding the team back',
      }),
    ).toHaveTextContent('Ledger');
  });

  it('catalogue: reads /rubric and /sources', async () => {
    server.use(
      http.get(`${baseUrl}/rubric`, () => HttpResponse.json(rubric)),
      http.get(`${baseUrl}/sources`, () => HttpResponse.json(sources)),
    );
    await render('/maturity/checks');
    expect(
      await screen.findByText('Check catalogue (2 checks)'),
    ).toBeInTheDocument();
    expect(await screen.findByText(/rate limited/)).toBeInTheDocument();
  });
});
