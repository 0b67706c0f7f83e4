import type { ServiceProfile } from '../scenario/types';
import { buildGithubWorld } from './buildGithubWorld';
import { startGithubSandbox, type GithubSandbox } from './startGithubSandbox';

const services: ServiceProfile[] = ['one', 'two', 'three'].map(name => ({
  entityRef: `component:default/${name}`,
  name,
  githubSlug: `acme/${name}`,
  targetLevel: 2,
  intents: {},
}));

describe('startGithubSandbox', () => {
  let sandbox: GithubSandbox;
  const world = buildGithubWorld(services, 3);

  beforeAll(async () => {
    sandbox = await startGithubSandbox({ world, token: 't0ken' });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.resetRequests();
    sandbox.faults.clear();
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${sandbox.apiBaseUrl}${path}`, {
      headers: { authorization: 'token t0ken', ...headers },
    });
  const graphql = async (query: string, variables = {}) => {
    const res = await fetch(`${sandbox.apiBaseUrl}/graphql`, {
      method: 'POST',
      headers: {
        authorization: 'bearer t0ken',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, body: await res.json() };
  };

  it('listens on loopback and wants the token', async () => {
    expect(new URL(sandbox.apiBaseUrl).hostname).toBe('127.0.0.1');
    const none = await fetch(`${sandbox.apiBaseUrl}/orgs/acme/repos`);
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ message: 'Requires authentication' });
    const wrong = await get('/orgs/acme/repos', {
      authorization: 'token nope',
    });
    expect(wrong.status).toBe(401);
    expect(sandbox.counts()).toMatchObject({ rest: 2, counted: 0 });
  });

  it('answers an unchanged listing 304 with the ETag, free of rate limit', async () => {
    const first = await get(
      '/orgs/acme/repos?sort=pushed&direction=desc&per_page=2',
    );
    expect(first.status).toBe(200);
    const body = await first.json();
    expect(body).toHaveLength(2);
    expect(Date.parse(body[0].pushed_at)).toBeGreaterThanOrEqual(
      Date.parse(body[1].pushed_at),
    );
    expect(first.headers.get('link')).toContain('rel="next"');
    const etag = first.headers.get('etag')!;
    const remaining = Number(first.headers.get('x-ratelimit-remaining'));

    const second = await get(
      '/orgs/acme/repos?sort=pushed&direction=desc&per_page=2',
      {
        'if-none-match': etag,
      },
    );
    expect(second.status).toBe(304);
    expect(Number(second.headers.get('x-ratelimit-remaining'))).toBe(remaining);
    expect(second.headers.get('x-ratelimit-resource')).toBe('core');
    expect(sandbox.counts()).toMatchObject({
      rest: 2,
      notModified: 1,
      counted: 1,
    });
  });

  it('reports an unreadable repository the way GitHub does, next to the readable ones', async () => {
    sandbox.deny('acme/two');
    try {
      const { status, body } = await graphql(
        `
          query {
            a: repository(owner: "acme", name: "one") {
              nameWithOwner
            }
            b: repository(owner: "acme", name: "two") {
              nameWithOwner
            }
          }
        `,
      );
      expect(status).toBe(200);
      expect(body.data).toEqual({ a: { nameWithOwner: 'acme/one' }, b: null });
      expect(body.errors).toEqual([
        expect.objectContaining({
          type: 'NOT_FOUND',
          path: ['b'],
          message:
            "Could not resolve to a Repository with the name 'acme/two'.",
        }),
      ]);
    } finally {
      sandbox.allow('acme/two');
    }
  });

  it("enforces GitHub's pagination rules", async () => {
    const { body } = await graphql(
      `
        query {
          repository(owner: "acme", name: "one") {
            deployments(first: 101) {
              totalCount
            }
          }
        }
      `,
    );
    expect(body.errors[0]).toMatchObject({ type: 'EXCESSIVE_PAGINATION' });
    const missing = await graphql(
      `
        query {
          repository(owner: "acme", name: "one") {
            environments {
              totalCount
            }
          }
        }
      `,
    );
    expect(missing.body.errors[0]).toMatchObject({
      type: 'MISSING_PAGINATION_BOUNDARIES',
    });
  });

  it('serves files and trees through object(expression:)', async () => {
    const { body } = await graphql(
      `
        query {
          repository(owner: "acme", name: "one") {
            ci: object(expression: "HEAD:.github/workflows/ci.yml") {
              ... on Blob {
                text
              }
            }
            root: object(expression: "HEAD:") {
              ... on Tree {
                entries {
                  name
                  type
                }
              }
            }
            none: object(expression: "HEAD:nope") {
              id
            }
          }
        }
      `,
    );
    const repo = body.data.repository;
    expect(repo.ci.text).toContain('npm test');
    expect(repo.root.entries).toEqual(
      expect.arrayContaining([{ name: '.github', type: 'tree' }]),
    );
    expect(repo.none).toBeNull();
  });

  it('injects faults by kind and counts them', async () => {
    sandbox.faults.add({
      kind: 'graphql',
      fault: { type: 'secondaryRateLimit', retryAfterSeconds: 9 },
      times: 1,
    });
    const limited = await fetch(`${sandbox.apiBaseUrl}/graphql`, {
      method: 'POST',
      headers: { authorization: 'token t0ken' },
      body: JSON.stringify({ query: '{ rateLimit { remaining } }' }),
    });
    expect(limited.status).toBe(403);
    expect(limited.headers.get('retry-after')).toBe('9');
    expect((await limited.json()).message).toMatch(/secondary rate limit/);
    const { status } = await graphql('{ rateLimit { remaining } }');
    expect(status).toBe(200);
    expect((await get('/orgs/acme/repos')).status).toBe(200);
    expect(sandbox.counts()).toMatchObject({ graphql: 2, rest: 1, total: 3 });
  });

  it('delays answers by kind', async () => {
    sandbox.setLatency({ graphql: 500 });
    try {
      const started = Date.now();
      await get('/orgs/acme/repos');
      const rest = Date.now() - started;
      await graphql('{ rateLimit { remaining } }');
      expect(Date.now() - started - rest).toBeGreaterThanOrEqual(490);
      expect(rest).toBeLessThan(450);
    } finally {
      sandbox.setLatency({ graphql: 0 });
    }
  });
});

describe('the GitHub sandbox query limits', () => {
  it("refuses a query over GitHub's node limit and prices the others", async () => {
    const world = buildGithubWorld(services, 3);
    const sandbox = await startGithubSandbox({ world });
    try {
      const post = (query: string) =>
        fetch(`${sandbox.apiBaseUrl}/graphql`, {
          method: 'POST',
          headers: { authorization: `token ${sandbox.token}` },
          body: JSON.stringify({ query }),
        }).then(res => res.json());
      const huge = await post(
        `{ repository(owner: "acme", name: "one") { deployments(first: 100) { nodes { commit {
            history(first: 100) { nodes { checkSuites(first: 100) { totalCount } } } } } } } }`,
      );
      expect(huge.errors[0]).toMatchObject({ type: 'MAX_NODE_LIMIT_EXCEEDED' });
      expect(huge.data).toBeUndefined();
      await post(
        `{ repository(owner: "acme", name: "one") { deployments(first: 10) { totalCount } } }`,
      );
      expect(sandbox.requests.map(r => r.points)).toEqual([undefined, 1]);
    } finally {
      await sandbox.close();
    }
  });
});
