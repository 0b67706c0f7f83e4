import {
  startKubernetesSandbox,
  type KubernetesSandbox,
} from './startKubernetesSandbox';
import type { KubeObject, KubernetesWorld } from './types';

const deployment = (
  name: string,
  namespace: string,
  labels: Record<string, string>,
): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace, labels },
  spec: { replicas: 1 },
});

const world: KubernetesWorld = {
  clusters: [
    {
      name: 'alpha',
      token: 'alpha-token',
      notInstalled: [],
      objects: [
        ...Array.from({ length: 5 }, (_, i) =>
          deployment(`web-${i}`, 'apps', { tier: i < 3 ? 'front' : 'back' }),
        ),
        deployment('job', 'batch', { tier: 'back' }),
        {
          apiVersion: 'kyverno.io/v1',
          kind: 'ClusterPolicy',
          metadata: { name: 'require-probes' },
          spec: {},
        },
      ],
    },
    {
      name: 'beta',
      token: 'beta-token',
      notInstalled: ['PolicyReport', 'ClusterPolicy'],
      objects: [],
    },
  ],
};

describe('startKubernetesSandbox', () => {
  let sandbox: KubernetesSandbox;
  const alpha = () => sandbox.clusters[0];
  const get = (path: string, token = alpha().token, cluster = alpha()) =>
    fetch(`${cluster.url}${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });

  beforeAll(async () => {
    sandbox = await startKubernetesSandbox({ world });
  });
  afterEach(() => {
    sandbox.faults.clear();
    sandbox.setLatency(0);
    sandbox.resetRequests();
  });
  afterAll(() => sandbox.close());

  it('serves one loopback API server per cluster', () => {
    expect(sandbox.clusters.map(c => c.name)).toEqual(['alpha', 'beta']);
    expect(
      sandbox.clusters.every(c => c.url.startsWith('http://127.0.0.1:')),
    ).toBe(true);
  });

  it('refuses requests without the bearer token', async () => {
    expect((await fetch(`${alpha().url}/apis`)).status).toBe(401);
    expect((await get('/apis', 'beta-token')).status).toBe(401);
  });

  it('shows only installed custom resources in discovery', async () => {
    const groups = async (cluster: KubernetesSandbox['clusters'][number]) =>
      (
        (await (await get('/apis', cluster.token, cluster)).json()) as {
          groups: { name: string }[];
        }
      ).groups.map(g => g.name);
    expect(await groups(alpha())).toEqual(
      expect.arrayContaining(['apps', 'kyverno.io', 'wgpolicyk8s.io']),
    );
    const beta = await groups(sandbox.clusters[1]);
    expect(beta).not.toContain('wgpolicyk8s.io');
    expect(beta).toContain('kyverno.io'); // Policy and PolicyException are still there
    const kyverno = await (
      await get('/apis/kyverno.io/v1', 'beta-token', sandbox.clusters[1])
    ).json();
    expect(kyverno.resources.map((r: { kind: string }) => r.kind)).toEqual([
      'Policy',
    ]);
    expect(
      (
        await get(
          '/apis/wgpolicyk8s.io/v1alpha2/policyreports',
          'beta-token',
          sandbox.clusters[1],
        )
      ).status,
    ).toBe(404);
    expect((await (await get('/api')).json()).versions).toEqual(['v1']);
  });

  it('lists cluster-wide or per namespace, filtered by labelSelector', async () => {
    const names = async (path: string) =>
      ((await (await get(path)).json()) as { items: KubeObject[] }).items.map(
        i => i.metadata.name,
      );
    expect(await names('/apis/apps/v1/deployments')).toHaveLength(6);
    expect(await names('/apis/apps/v1/namespaces/batch/deployments')).toEqual([
      'job',
    ]);
    expect(
      await names('/apis/apps/v1/deployments?labelSelector=tier%3Dback'),
    ).toEqual([
      'web-3', // apps/… sorts before batch/…
      'web-4',
      'job',
    ]);
    expect(
      await names(
        '/apis/apps/v1/deployments?labelSelector=tier%20in%20(front)',
      ),
    ).toHaveLength(3);
    expect(
      (await get('/apis/apps/v1/deployments?labelSelector=%3D%3D')).status,
    ).toBe(400);
  });

  it('pages with limit and continue, and answers 410 to tokens from before a compaction', async () => {
    const first = await (await get('/apis/apps/v1/deployments?limit=4')).json();
    expect(first.items).toHaveLength(4);
    expect(first.metadata.remainingItemCount).toBe(2);
    const token = encodeURIComponent(first.metadata.continue);
    const second = await (
      await get(`/apis/apps/v1/deployments?limit=4&continue=${token}`)
    ).json();
    expect(second.items).toHaveLength(2);
    expect(second.metadata.continue).toBeUndefined();

    sandbox.compact('alpha');
    const stale = await get(
      `/apis/apps/v1/deployments?limit=4&continue=${token}`,
    );
    expect(stale.status).toBe(410);
    expect((await stale.json()).reason).toBe('Expired');
  });

  it('injects status faults with Retry-After, a limited number of times, and counts requests', async () => {
    sandbox.faults.add({
      fault: { type: 'status', status: 429, retryAfterSeconds: 3 },
      path: '/deployments',
      times: 1,
    });
    const limited = await get('/apis/apps/v1/deployments');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect((await get('/apis/apps/v1/deployments')).status).toBe(200);
    expect(sandbox.requestCount('alpha')).toBe(2);
    expect(sandbox.requests.map(r => r.status)).toEqual([429, 200]);
  });

  it('answers 410 only to continued lists when told to expire continue tokens', async () => {
    sandbox.faults.add({
      fault: { type: 'expireContinue' },
      path: '/deployments',
    });
    const first = await get('/apis/apps/v1/deployments?limit=2');
    expect(first.status).toBe(200);
    const token = encodeURIComponent((await first.json()).metadata.continue);
    expect(
      (await get(`/apis/apps/v1/deployments?limit=2&continue=${token}`)).status,
    ).toBe(410);
  });

  it('sends malformed bodies and hangs on request', async () => {
    sandbox.faults.add({
      fault: { type: 'malformed' },
      path: '/clusterpolicies',
      times: 1,
    });
    const malformed = await get('/apis/kyverno.io/v1/clusterpolicies');
    await expect(malformed.json()).rejects.toThrow();

    sandbox.faults.add({
      fault: { type: 'hang' },
      path: '/clusterpolicies',
      times: 1,
    });
    await expect(
      fetch(`${alpha().url}/apis/kyverno.io/v1/clusterpolicies`, {
        headers: { authorization: 'Bearer alpha-token' },
        signal: AbortSignal.timeout(200),
      }),
    ).rejects.toThrow();
  });

  it('delays answers by the configured latency', async () => {
    sandbox.setLatency(150);
    const started = Date.now();
    await get('/api');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });
});
