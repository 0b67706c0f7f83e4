/**
 * @jest-environment node
 */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { MaturityClient } from './MaturityClient';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

// The fetchApi is where the app adds the user's token; the client must send every
// request through it, the CSV download included.
const sentAuth: string[] = [];
const client = new MaturityClient({
  discoveryApi: {
    getBaseUrl: async () => 'http://backstage.test/api/maturity',
  },
  fetchApi: {
    fetch: (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('authorization', 'Bearer user-token');
      sentAuth.push(String(input));
      return fetch(input, { ...init, headers });
    },
  },
});
const base = 'http://backstage.test/api/maturity';
const component = {
  kind: 'Component',
  namespace: 'default',
  name: 'payments-api',
};

describe('MaturityClient', () => {
  it('fetches a scorecard by kind, namespace and name', async () => {
    server.use(
      http.get(
        'http://backstage.test/api/maturity/entities/Component/default/payments-api',
        () =>
          HttpResponse.json({
            entityRef: 'component:default/payments-api',
            level: 2,
          }),
      ),
    );
    const card = await client.getScorecard({
      kind: 'Component',
      namespace: 'default',
      name: 'payments-api',
    });
    expect(card).toMatchObject({ level: 2 });
  });

  it('throws a ResponseError carrying the backend message', async () => {
    server.use(
      http.get('http://backstage.test/api/maturity/rubric', () =>
        HttpResponse.json(
          {
            error: {
              name: 'AuthenticationError',
              message: 'Missing credentials',
            },
            response: { statusCode: 401 },
          },
          { status: 401 },
        ),
      ),
    );
    await expect(client.getRubric()).rejects.toMatchObject({
      name: 'ResponseError',
      body: { error: { message: 'Missing credentials' } },
    });
  });

  it('asks for history over the given number of days', async () => {
    let days: string | null = null;
    server.use(
      http.get(
        `${base}/entities/Component/default/payments-api/history`,
        ({ request }) => {
          days = new URL(request.url).searchParams.get('days');
          return HttpResponse.json({
            entityRef: 'x',
            snapshots: [],
            changes: [],
          });
        },
      ),
    );
    await client.getHistory(component, { days: 30 });
    expect(days).toBe('30');
  });

  it('refreshes with a POST and returns the new scorecard', async () => {
    server.use(
      http.post(`${base}/entities/Component/default/payments-api/refresh`, () =>
        HttpResponse.json({ level: 3 }),
      ),
    );
    await expect(client.refresh(component)).resolves.toMatchObject({
      level: 3,
    });
  });

  it('surfaces a 403 from refresh as a ResponseError', async () => {
    server.use(
      http.post(`${base}/entities/Component/default/payments-api/refresh`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotAllowedError',
              message: 'Not allowed: maturity.entity.refresh',
            },
          },
          { status: 403 },
        ),
      ),
    );
    await expect(client.refresh(component)).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 403,
    });
  });

  it('sends only the filters that are set to /rollup', async () => {
    let search = '';
    server.use(
      http.get(`${base}/rollup`, ({ request }) => {
        search = new URL(request.url).search;
        return HttpResponse.json({ groups: [] });
      }),
    );
    await client.getRollup({
      lifecycle: 'production',
      tier: '',
      system: 'system:default/billing',
    });
    expect(new URLSearchParams(search).get('lifecycle')).toBe('production');
    expect(new URLSearchParams(search).get('system')).toBe(
      'system:default/billing',
    );
    expect(new URLSearchParams(search).has('tier')).toBe(false);
  });

  it('fetches a group by namespace and name', async () => {
    server.use(
      http.get(`${base}/groups/default/payments`, () =>
        HttpResponse.json({ holdingBack: ['component:default/a'] }),
      ),
    );
    await expect(
      client.getGroup({ namespace: 'default', name: 'payments' }),
    ).resolves.toMatchObject({ holdingBack: ['component:default/a'] });
  });

  it('downloads the CSV with the caller token as a Blob', async () => {
    let auth: string | null = null;
    server.use(
      http.get(`${base}/export.csv`, ({ request }) => {
        auth = request.headers.get('authorization');
        return new HttpResponse(
          'entity_ref,level\r\ncomponent:default/a,2\r\n',
          {
            headers: { 'content-type': 'text/csv' },
          },
        );
      }),
    );
    const blob = await client.downloadCsv();
    expect(auth).toBe('Bearer user-token');
    expect(await blob.text()).toContain('component:default/a,2');
  });

  it('fetches the source runs', async () => {
    server.use(
      http.get(`${base}/sources`, () =>
        HttpResponse.json({ runs: [{ source: 'catalog', status: 'ok' }] }),
      ),
    );
    await expect(client.getSources()).resolves.toMatchObject({
      runs: [{ source: 'catalog' }],
    });
    expect(sentAuth.every(url => url.startsWith(base))).toBe(true);
  });
});
