import { fireEvent, screen } from '@testing-library/react';
import { registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { EntityMaturityCard } from './EntityMaturityCard';
import { EntityMaturityContent } from '../EntityMaturityContent';
import { history, scorecard } from '../../__testUtils__/fixtures';
import {
  baseUrl,
  component,
  httpClient,
  renderWithApis,
} from '../../__testUtils__/renderWithApis';

// The views over real HTTP: the MaturityClient against msw, so paths, methods, the token
// and the backend's error bodies are exercised as in the app.
const server = setupServer();
registerMswTestHooks(server);
const entityUrl = `${baseUrl}/entities/Component/default/payments-api`;

describe('entity views over HTTP', () => {
  it('card: reads the scorecard with the user token', async () => {
    let auth: string | null = null;
    server.use(
      http.get(entityUrl, ({ request }) => {
        auth = request.headers.get('authorization');
        return HttpResponse.json(scorecard);
      }),
    );
    await renderWithApis(<EntityMaturityCard />, {
      api: httpClient(),
      entity: component,
    });
    expect(await screen.findByText('Level 2 · Operate')).toBeInTheDocument();
    expect(auth).toBe('Bearer user-token');
  });

  it('card: shows the backend error message', async () => {
    server.use(
      http.get(entityUrl, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotFoundError',
              message: 'No entity component:default/payments-api',
            },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );
    await renderWithApis(<EntityMaturityCard />, {
      api: httpClient(),
      entity: component,
    });
    expect(
      await screen.findByText('No entity component:default/payments-api'),
    ).toBeInTheDocument();
  });

  it('tab: refresh POSTs and shows the new level; a 403 is reported', async () => {
    let posts = 0;
    server.use(
      http.get(entityUrl, () => HttpResponse.json(scorecard)),
      http.get(`${entityUrl}/history`, () => HttpResponse.json(history)),
      http.post(`${entityUrl}/refresh`, () => {
        posts += 1;
        return posts === 1
          ? HttpResponse.json({ ...scorecard, level: 3, nextLevel: null })
          : HttpResponse.json(
              {
                error: {
                  name: 'NotAllowedError',
                  message: 'Not allowed: maturity.entity.refresh',
                },
                response: { statusCode: 403 },
              },
              { status: 403 },
            );
      }),
    );
    await renderWithApis(<EntityMaturityContent />, {
      api: httpClient(),
      entity: component,
    });
    fireEvent.click(await screen.findByRole('button', { name: /Refresh now/ }));
    expect(await screen.findByText('Refreshed: Level 3')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: /Refresh now/ }));
    expect(
      await screen.findByText(
        'Refresh failed: Not allowed: maturity.entity.refresh',
      ),
    ).toBeInTheDocument();
  });
});
