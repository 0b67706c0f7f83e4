import type { V1Deployment } from '@kubernetes/client-node';
import {
  startHarness,
  TEST_REQUEST_SETTINGS,
  type Harness,
} from '../__testUtils__/sandboxHarness';
import { ClusterClient } from './ClusterClient';
import {
  collectClusterSnapshot,
  type ClusterSnapshot,
} from './collectClusterSnapshot';
import { slimWorkload } from './slimBuiltInObjects';
import { SLIM_CUSTOM } from './slimCustomObjects';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

describe('slimObjects', () => {
  it('keeps what the workload facts read of a Deployment and nothing else', () => {
    const deployment: V1Deployment = {
      metadata: {
        name: 'api',
        namespace: 'shop',
        uid: '6f1c2a3e',
        resourceVersion: '4711',
        labels: { 'backstage.io/kubernetes-id': 'api' },
        annotations: {
          'argocd.argoproj.io/tracking-id': 'shop:apps/Deployment:shop/api',
          [LAST_APPLIED]: JSON.stringify({ kind: 'Deployment', spec: {} }),
        },
        managedFields: [
          {
            manager: 'kubectl',
            operation: 'Apply',
            fieldsType: 'FieldsV1',
            fieldsV1: { 'f:spec': { 'f:replicas': {} } },
          },
        ],
      },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'api' } },
        template: {
          metadata: { labels: { app: 'api' } },
          spec: {
            containers: [
              {
                name: 'app',
                image: 'api:1.0.0',
                readinessProbe: { httpGet: { path: '/ready', port: 8080 } },
                resources: {
                  requests: { cpu: '100m', 'ephemeral-storage': '1Gi' },
                },
                env: [
                  { name: 'DB_PASSWORD', value: 'hunter2' },
                  {
                    name: 'API_TOKEN',
                    valueFrom: { secretKeyRef: { name: 'api', key: 'token' } },
                  },
                ],
                ports: [{ containerPort: 8080, name: 'http' }],
                volumeMounts: [{ name: 'certs', mountPath: '/certs' }],
              },
            ],
            volumes: [
              { name: 'cache', emptyDir: {} },
              { name: 'certs', secret: { secretName: 'api-certs' } },
            ],
          },
        },
      },
      status: { replicas: 2, readyReplicas: 2 },
    };

    expect(slimWorkload(deployment)).toEqual({
      metadata: {
        name: 'api',
        namespace: 'shop',
        labels: { 'backstage.io/kubernetes-id': 'api' },
        annotations: {
          'argocd.argoproj.io/tracking-id': 'shop:apps/Deployment:shop/api',
        },
      },
      spec: {
        replicas: 2,
        template: {
          metadata: { labels: { app: 'api' } },
          spec: {
            containers: [
              {
                name: 'app',
                image: 'api:1.0.0',
                readinessProbe: {},
                resources: { requests: { cpu: '100m' } },
                env: [
                  { name: 'DB_PASSWORD', value: 'hunter2' },
                  {
                    name: 'API_TOKEN',
                    valueFrom: { secretKeyRef: { name: 'api' } },
                  },
                ],
              },
            ],
            volumes: [{}, { secret: { secretName: 'api-certs' } }],
          },
        },
      },
    });
  });

  it('keeps the fixable findings of a Trivy report, not their descriptions', () => {
    const report = {
      metadata: {
        name: 'replicaset-api-5d8f9',
        namespace: 'shop',
        labels: { 'trivy-operator.resource.kind': 'ReplicaSet' },
        creationTimestamp: '2026-11-01T00:00:00Z',
        managedFields: [{ manager: 'trivy-operator' }],
      },
      report: {
        updateTimestamp: '2026-11-20T00:00:00Z',
        artifact: { repository: 'api', tag: '1.0.0' },
        vulnerabilities: [
          {
            vulnerabilityID: 'CVE-2024-3094',
            severity: 'CRITICAL',
            installedVersion: '5.6.0',
            fixedVersion: '5.6.2',
            resource: 'xz-utils',
          },
        ],
      },
    };

    expect(SLIM_CUSTOM.VulnerabilityReport(report)).toEqual({
      metadata: {
        name: 'replicaset-api-5d8f9',
        namespace: 'shop',
        labels: { 'trivy-operator.resource.kind': 'ReplicaSet' },
        creationTimestamp: '2026-11-01T00:00:00Z',
      },
      report: {
        updateTimestamp: '2026-11-20T00:00:00Z',
        vulnerabilities: [{ severity: 'CRITICAL', fixedVersion: '5.6.2' }],
      },
    });
  });

  describe('in a snapshot read from the sandbox', () => {
    let harness: Harness;

    beforeAll(async () => {
      harness = await startHarness({ seed: 3, size: 30 });
    });

    afterAll(async () => {
      await harness.close();
    });

    it('holds plain objects without the fields no fact reads', async () => {
      // What the sandbox serves has them, so their absence below is the slimming's doing.
      const served = JSON.stringify(harness.world);
      const unread = [
        '"volumeMounts"',
        '"readyReplicas"',
        '"expr"',
        '"vulnerabilityID"',
      ];
      expect(unread.filter(field => !served.includes(field))).toEqual([]);

      const snapshots = await Promise.all(
        harness.sandbox.clusters.map(({ name, url, token }) =>
          collectClusterSnapshot(
            new ClusterClient(
              { name, url, token, skipTLSVerify: true },
              TEST_REQUEST_SETTINGS,
              new AbortController().signal,
            ),
          ),
        ),
      );

      const count = (list: (s: ClusterSnapshot) => unknown[]) =>
        snapshots.reduce((sum, s) => sum + list(s).length, 0);
      expect(count(s => s.deployments)).toBeGreaterThan(0);
      expect(count(s => s.custom.PrometheusRule)).toBeGreaterThan(0);
      expect(count(s => s.custom.VulnerabilityReport)).toBeGreaterThan(0);
      const kept = JSON.stringify(snapshots);
      expect(unread.filter(field => kept.includes(field))).toEqual([]);
      // client-node's class instances carry every declared property of their kind.
      expect(firstNonPlainObject(snapshots)).toBeUndefined();
    });
  });
});

/** The path of the first value in the tree that is neither a plain object nor an array. */
function firstNonPlainObject(value: unknown, path = '$'): string | undefined {
  if (typeof value !== 'object' || value === null || value instanceof Set)
    return undefined;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== Array.prototype)
    return path;
  for (const [key, child] of Object.entries(value)) {
    const found = firstNonPlainObject(child, `${path}.${key}`);
    if (found) return found;
  }
  return undefined;
}
