import { KUBERNETES_FACTS } from '@maturity/plugin-maturity-common';
import { startHarness, type Harness } from './__testUtils__/sandboxHarness';

describe('KubernetesFactSource paging', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({ seed: 5, size: 40 });
  });

  afterEach(() => {
    harness.sandbox.faults.clear();
    harness.sandbox.resetRequests();
  });

  afterAll(async () => {
    await harness.close();
  });

  const workloadFacts = (
    facts: { name: string; entityRef: string; value: unknown }[],
  ) =>
    facts
      .filter(f => f.name === KUBERNETES_FACTS.workloads)
      .map(f => [f.entityRef, f.value]);

  const deploymentPages = (cluster: string) =>
    harness.sandbox.requests.filter(
      r => r.cluster === cluster && r.path === '/apis/apps/v1/deployments',
    );

  it('follows continue tokens page by page', async () => {
    const whole = await harness.collect(harness.source({ pageSize: 1000 }));
    harness.sandbox.resetRequests();
    const paged = await harness.collect(harness.source({ pageSize: 4 }));
    expect(paged.errors).toEqual([]);
    expect(workloadFacts(paged.facts)).toEqual(workloadFacts(whole.facts));
    const deployments = harness.world.clusters
      .find(c => c.name === 'prod-eu')!
      .objects.filter(o => o.kind === 'Deployment').length;
    expect(deploymentPages('prod-eu')).toHaveLength(Math.ceil(deployments / 4));
    expect(
      deploymentPages('prod-eu')
        .slice(1)
        .every(r => r.query.includes('continue=')),
    ).toBe(true);
  });

  it('restarts a list from the beginning when its continue token has expired (410)', async () => {
    const baseline = await harness.collect(harness.source({ pageSize: 4 }));
    const pagesWithoutRestart = deploymentPages('prod-eu').length;
    harness.sandbox.resetRequests();
    harness.sandbox.faults.add({
      fault: { type: 'expireContinue' },
      cluster: 'prod-eu',
      path: '/deployments',
      times: 1,
    });
    const restarted = await harness.collect(harness.source({ pageSize: 4 }));
    expect(restarted.errors).toEqual([]);
    expect(workloadFacts(restarted.facts)).toEqual(
      workloadFacts(baseline.facts),
    );
    const statuses = deploymentPages('prod-eu').map(r => r.status);
    // Page 1, then 410 on page 2, then the whole list again from page 1.
    expect(statuses.slice(0, 2)).toEqual([200, 410]);
    expect(statuses).toHaveLength(pagesWithoutRestart + 2);
    expect(deploymentPages('prod-eu')[2].query).not.toContain('continue=');
  });

  it('gives up when the list keeps expiring', async () => {
    harness.sandbox.faults.add({
      fault: { type: 'expireContinue' },
      cluster: 'prod-us',
      path: '/deployments',
    });
    const outcome = await harness.collect(harness.source({ pageSize: 2 }));
    expect(outcome.errors).toHaveLength(1);
    expect(outcome.errors[0]).toMatch(
      /^cluster prod-us: list Deployments: HTTP 410/,
    );
  });
});
