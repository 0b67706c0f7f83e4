import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  GITHUB_FACTS,
  KUBERNETES_FACTS,
  type EntityScorecard,
} from '@maturity/plugin-maturity-common';
import request from 'supertest';
import { fixtureEntities } from './__testUtils__/fixtures';
import { maturityPlugin } from './plugin';
import { collectAtOnceConfig, sourceModule } from './__testUtils__/testBackend';

jest.setTimeout(60_000);

/**
 * A source added through the extension point, standing in for the GitHub and Kubernetes
 * modules: payments-api has green CI and one workload, the others nothing.
 */
const ciAndClusterSource = sourceModule('test-source', {
  id: 'test',
  async collect({ entities, now, storeFacts }) {
    const facts = entities
      .filter(e => e.metadata.name === 'payments-api')
      .flatMap(() => [
        {
          entityRef: 'component:default/payments-api',
          name: GITHUB_FACTS.defaultBranchRuns,
          value: [{ conclusion: 'success', createdAt: now.toISOString() }],
        },
        {
          entityRef: 'component:default/payments-api',
          name: KUBERNETES_FACTS.workloads,
          value: [
            {
              cluster: 'prod',
              namespace: 'payments',
              kind: 'Deployment',
              name: 'payments-api',
              replicas: 1,
              containers: [
                {
                  name: 'app',
                  readinessProbe: false,
                  livenessProbe: false,
                  cpuRequest: false,
                  memoryRequest: false,
                  memoryLimit: false,
                  literalSecretEnv: [],
                  image: 'acme/payments-api:1.0.0',
                },
              ],
              spread: false,
              helmManaged: false,
              secretSources: [],
              mesh: { enrolled: false, strictMtls: false },
            },
          ],
        },
      ]);
    // CI facts are handed over during the run, workloads returned at its end: the
    // scorecard shows both.
    const isRuns = (f: { name: string }) =>
      f.name === GITHUB_FACTS.defaultBranchRuns;
    await storeFacts(facts.filter(isRuns));
    return { facts: facts.filter(f => !isRuns(f)), requests: 1, errors: [] };
  },
});

async function startBackend() {
  const { server } = await startTestBackend({
    features: [
      maturityPlugin,
      ciAndClusterSource,
      // The real, database-backed scheduler: the first run must happen on its own.
      schedulerServiceFactory,
      catalogServiceMock.factory({ entities: fixtureEntities }),
      collectAtOnceConfig(),
    ],
  });
  return server;
}

async function waitForScorecard(
  server: Awaited<ReturnType<typeof startBackend>>,
  path: string,
) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const res = await request(server)
      .get(path)
      .set('Authorization', mockCredentials.user.header());
    if (res.status === 200 && res.body.evaluatedAt)
      return res.body as EntityScorecard;
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  throw new Error(`No scorecard at ${path}`);
}

describe('maturity backend plugin', () => {
  it('collects catalog facts at start-up and serves a scorecard with evidence', async () => {
    const server = await startBackend();
    const card = await waitForScorecard(
      server,
      '/api/maturity/entities/component/default/payments-api',
    );

    expect(card).toMatchObject({
      entityRef: 'component:default/payments-api',
      level: 1,
      assessed: true,
      stale: false,
    });
    // Facts the source handed over during its run and those it returned at the end.
    const stateOf = (checkId: string) =>
      card.checks.find(c => c.checkId === checkId)?.state;
    expect(stateOf('ci-builds')).toBe('pass');
    expect(stateOf('workload-linked')).toBe('pass');
    const owner = card.checks.find(c => c.checkId === 'owner-is-team')!;
    expect(owner).toMatchObject({
      state: 'pass',
      reason: 'group:default/payments has 2 members',
      level: 2,
    });
    expect(owner.evidence[0]).toMatchObject({
      fact: 'catalog.owner',
      source: 'catalog',
      stale: false,
    });
    expect(card.checks.find(c => c.checkId === 'apis-declared')?.state).toBe(
      'pass',
    );
    expect(card.checks.find(c => c.checkId === 'docs-with-code')?.state).toBe(
      'fail',
    );
  });

  it('says why a neglected service fails', async () => {
    const server = await startBackend();
    const card = await waitForScorecard(
      server,
      '/api/maturity/entities/component/default/ops-scripts',
    );
    expect(card.level).toBe(0);
    const byId = Object.fromEntries(card.checks.map(c => [c.checkId, c]));
    expect(byId['repo-linked']).toMatchObject({
      state: 'fail',
      required: true,
    });
    expect(byId['owner-defined'].reason).toMatch(
      /user:default\/cy is a user, not a Group/,
    );
    expect(byId['owner-is-team'].state).toBe('fail');
  });

  it('names the one-person team that owns a service', async () => {
    const server = await startBackend();
    const card = await waitForScorecard(
      server,
      '/api/maturity/entities/component/default/route-planner',
    );
    // Only the repository link is known at Level 1: too little evidence to place it.
    expect(card.level).toBe(0);
    expect(card.checks.find(c => c.checkId === 'ci-builds')).toMatchObject({
      state: 'unknown',
      reason: 'Fact github.defaultBranchRuns has not been collected',
    });
    expect(card.checks.find(c => c.checkId === 'owner-is-team')?.reason).toBe(
      'group:default/solo has 1 member; at least 2 needed',
    );
  });

  it.each(['/rubric', '/entities/component/default/payments-api', '/sources'])(
    'GET %s answers 401 without credentials',
    async path => {
      const server = await startBackend();
      const res = await request(server)
        .get(`/api/maturity${path}`)
        .set('Authorization', mockCredentials.none.header());
      expect(res.status).toBe(401);
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/);
    },
  );

  it.each`
    path                                               | message
    ${'/entities/component/default/bad%20name'}        | ${/name must be letters and digits/}
    ${'/entities/comp-onent/default/payments-api'}     | ${/kind must be letters and digits/}
    ${`/entities/component/default/${'x'.repeat(64)}`} | ${/name/}
    ${'/entities/component/de..fault/payments-api'}    | ${/namespace/}
  `(
    'answers 400 naming the part of a malformed ref ($path)',
    async ({ path, message }) => {
      const server = await startBackend();
      const res = await request(server)
        .get(`/api/maturity${path}`)
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toMatch(message);
      expect(res.body.error.stack).toBeUndefined();
    },
  );

  it('answers 404 for an entity the catalog does not have', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/maturity/entities/component/default/nowhere')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('No entity component:default/nowhere');
  });

  it('lists the rubric and the source runs', async () => {
    const server = await startBackend();
    await waitForScorecard(
      server,
      '/api/maturity/entities/component/default/payments-api',
    );
    const rubric = await request(server)
      .get('/api/maturity/rubric')
      .set('Authorization', mockCredentials.user.header());
    expect(rubric.body.checks.map((c: { id: string }) => c.id)).toContain(
      'owner-is-team',
    );
    expect(rubric.body.checks[0].rule).toBeUndefined();
    const sources = await request(server)
      .get('/api/maturity/sources')
      .set('Authorization', mockCredentials.user.header());
    const runs: Array<{ source: string; requests: number }> = sources.body.runs;
    const catalogRun = runs.find(r => r.source === 'catalog');
    expect(catalogRun).toMatchObject({ status: 'ok', entities: 3 });
    // Components, Groups, Users and APIs: one page each, however many services.
    expect(catalogRun?.requests).toBe(3);
    expect(runs.find(r => r.source === 'test')).toMatchObject({
      status: 'ok',
      entities: 1,
      requests: 1,
    });
  });
});
