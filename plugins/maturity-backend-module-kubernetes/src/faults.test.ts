import { KUBERNETES_FACTS } from '@maturity/plugin-maturity-common';
import type { FactCollectionOutcome } from '@maturity/plugin-maturity-node';
import { startHarness, type Harness } from './__testUtils__/sandboxHarness';

describe('KubernetesFactSource when a cluster misbehaves', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({ seed: 11, size: 40 });
  });

  afterEach(() => {
    harness.sandbox.faults.clear();
    harness.sandbox.setLatency(0);
    harness.sandbox.resetRequests();
  });

  afterAll(async () => {
    await harness.close();
  });

  const servicesOn = (cluster: string) =>
    harness.scenario.services.filter(s => s.kubernetes?.cluster === cluster);

  /** The failed cluster's entities get no facts at all; the other cluster's are complete. */
  function expectOnlyClusterMissing(
    outcome: FactCollectionOutcome,
    failed: string,
    healthy: string,
  ) {
    for (const service of servicesOn(failed)) {
      expect(
        outcome.facts.filter(f => f.entityRef === service.entityRef),
      ).toEqual([]);
    }
    const linked = servicesOn(healthy).filter(
      s => s.intents['workload-linked'] === 'pass',
    );
    expect(linked.length).toBeGreaterThan(0);
    for (const service of linked) {
      const workloads = outcome.facts.find(
        f =>
          f.entityRef === service.entityRef &&
          f.name === KUBERNETES_FACTS.workloads,
      );
      expect(workloads?.value).toHaveLength(1);
    }
  }

  it('records a 5xx as the cluster error, after one retry, and invents nothing', async () => {
    harness.sandbox.faults.add({
      fault: { type: 'status', status: 503 },
      cluster: 'prod-us',
      path: '/deployments',
    });
    const outcome = await harness.collect();
    expect(outcome.errors).toEqual([
      'cluster prod-us: list Deployments: HTTP 503: Injected fault',
    ]);
    expectOnlyClusterMissing(outcome, 'prod-us', 'prod-eu');
    const deploymentCalls = harness.sandbox.requests.filter(
      r => r.cluster === 'prod-us' && r.path === '/apis/apps/v1/deployments',
    );
    expect(deploymentCalls.map(r => r.status)).toEqual([503, 503]);
  });

  it('waits out a 429 with Retry-After and then succeeds', async () => {
    harness.sandbox.faults.add({
      fault: { type: 'status', status: 429, retryAfterSeconds: 1 },
      cluster: 'prod-eu',
      path: '/statefulsets',
      times: 1,
    });
    const started = Date.now();
    const outcome = await harness.collect();
    expect(outcome.errors).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    const calls = harness.sandbox.requests.filter(
      r => r.cluster === 'prod-eu' && r.path === '/apis/apps/v1/statefulsets',
    );
    expect(calls.map(r => r.status)).toEqual([429, 200]);
  });

  it('records a 429 that persists after its Retry-After', async () => {
    harness.sandbox.faults.add({
      fault: { type: 'status', status: 429, retryAfterSeconds: 1 },
      cluster: 'prod-eu',
      path: '/horizontalpodautoscalers',
    });
    const outcome = await harness.collect();
    expect(outcome.errors).toEqual([
      'cluster prod-eu: list HorizontalPodAutoscalers: HTTP 429: Injected fault',
    ]);
    expectOnlyClusterMissing(outcome, 'prod-eu', 'prod-us');
  });

  it('gives up at once on a Retry-After longer than it is allowed to wait', async () => {
    harness.sandbox.faults.add({
      fault: { type: 'status', status: 429, retryAfterSeconds: 600 },
      cluster: 'prod-us',
      path: '/services',
    });
    const started = Date.now();
    const outcome = await harness.collect();
    expect(Date.now() - started).toBeLessThan(3000);
    expect(outcome.errors).toEqual([
      'cluster prod-us: list Services: HTTP 429: Injected fault, Retry-After 600 s is longer than the 5 s the source waits',
    ]);
  });

  it('retries a 403 that carries Retry-After (throttling), but not a plain 403', async () => {
    harness.sandbox.faults.add({
      fault: { type: 'status', status: 403, retryAfterSeconds: 0 },
      cluster: 'prod-eu',
      path: '/namespaces',
      times: 1,
    });
    expect((await harness.collect()).errors).toEqual([]);

    harness.sandbox.faults.add({
      fault: { type: 'status', status: 403 },
      cluster: 'prod-eu',
      path: '/namespaces',
    });
    expect((await harness.collect()).errors).toEqual([
      'cluster prod-eu: list Namespaces: HTTP 403: Injected fault',
    ]);
  });

  it('times out a request that never answers', async () => {
    harness.sandbox.faults.add({
      fault: { type: 'hang' },
      cluster: 'prod-eu',
      path: '/ingresses',
    });
    const started = Date.now();
    const outcome = await harness.collect(
      harness.source({ requestTimeoutMs: 300 }),
    );
    expect(Date.now() - started).toBeLessThan(2000);
    expect(outcome.errors).toEqual([
      'cluster prod-eu: list Ingresses: no answer within 300 ms',
    ]);
    expectOnlyClusterMissing(outcome, 'prod-eu', 'prod-us');
  });

  it('records a malformed body without guessing at its content', async () => {
    harness.sandbox.faults.add({
      fault: { type: 'malformed' },
      cluster: 'prod-us',
      path: '/prometheusrules',
    });
    const outcome = await harness.collect();
    expect(outcome.errors).toHaveLength(1);
    expect(outcome.errors[0]).toMatch(
      /^cluster prod-us: list PrometheusRule: malformed response/,
    );
    expectOnlyClusterMissing(outcome, 'prod-us', 'prod-eu');
  });

  it('records a rejected token (401)', async () => {
    const outcome = await harness.collect(
      harness.source({}, { 'prod-eu': 'not-the-token' }),
    );
    expect(outcome.errors).toEqual([
      'cluster prod-eu: discovery /apis: HTTP 401: the token was rejected',
    ]);
    expectOnlyClusterMissing(outcome, 'prod-eu', 'prod-us');
  });

  it('writes only the unlinked entities’ facts when every cluster fails', async () => {
    harness.sandbox.faults.add({
      fault: { type: 'status', status: 500 },
      path: '/apis',
    });
    const outcome = await harness.collect();
    expect(outcome.errors).toHaveLength(2);
    const unlinked = new Set(
      harness.scenario.services
        .filter(s => !s.kubernetes)
        .map(s => s.entityRef),
    );
    expect(outcome.facts.length).toBe(unlinked.size);
    expect(outcome.facts.every(f => unlinked.has(f.entityRef))).toBe(true);
  });

  it('stops promptly when the run is aborted', async () => {
    harness.sandbox.faults.add({
      fault: { type: 'hang' },
      path: '/deployments',
    });
    const controller = new AbortController();
    const collecting = harness.collect(
      harness.source({ requestTimeoutMs: 60_000 }),
      controller.signal,
    );
    setTimeout(() => controller.abort(new Error('run timed out')), 200);
    await expect(collecting).rejects.toThrow('run timed out');
  });
  it('names an object of an unexpected shape, and reads the other cluster', async () => {
    const cluster = harness.world.clusters.find(c => c.name === 'prod-us')!;
    const hpa = cluster.objects.find(
      o => o.kind === 'HorizontalPodAutoscaler',
    )!;
    const spec = hpa.spec as Record<string, unknown>;
    const target = spec.scaleTargetRef;
    delete spec.scaleTargetRef;
    try {
      const outcome = await harness.collect();
      expect(outcome.errors).toEqual([
        expect.stringMatching(
          new RegExp(
            `^cluster prod-us: list HorizontalPodAutoscalers: ${hpa.metadata.namespace}/${hpa.metadata.name} has an unexpected shape \\(`,
          ),
        ),
      ]);
      expectOnlyClusterMissing(outcome, 'prod-us', 'prod-eu');
    } finally {
      spec.scaleTargetRef = target;
    }
  });
});
