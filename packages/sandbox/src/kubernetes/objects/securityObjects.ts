import type { KubeObject } from '../types';
import {
  daysFrom,
  installed,
  object,
  refuses,
  wants,
  type ServiceContext,
} from './ServiceContext';

/** A NetworkPolicy selecting the pods when network-policy should pass. */
export function networkPolicies(context: ServiceContext): KubeObject[] {
  if (!wants(context, 'network-policy')) return [];
  return [
    object(context, 'networking.k8s.io/v1', 'NetworkPolicy', context.name, {
      spec: {
        podSelector: { matchLabels: context.podSelector },
        policyTypes: ['Ingress'],
        ingress: [
          {
            from: [
              {
                namespaceSelector: {
                  matchLabels: {
                    'kubernetes.io/metadata.name': 'ingress-nginx',
                  },
                },
              },
            ],
          },
        ],
      },
    }),
  ];
}

/** Strict or permissive Istio PeerAuthentication for meshed pods. */
export function peerAuthentication(context: ServiceContext): KubeObject[] {
  if (context.mesh !== 'istio' || !installed(context, 'PeerAuthentication'))
    return [];
  return [
    object(
      context,
      'security.istio.io/v1',
      'PeerAuthentication',
      context.name,
      {
        spec: {
          selector: { matchLabels: context.podSelector },
          mtls: { mode: wants(context, 'mesh-mtls') ? 'STRICT' : 'PERMISSIVE' },
        },
      },
    ),
  ];
}

/** A Kyverno PolicyReport scoped to the workload: clean, or with failures. */
export function policyReport(context: ServiceContext): KubeObject[] {
  if (!installed(context, 'PolicyReport')) return [];
  const clean = !refuses(context, 'policy-clean');
  return [
    object(
      context,
      'wgpolicyk8s.io/v1alpha2',
      'PolicyReport',
      `${context.name}-report`,
      {
        scope: {
          apiVersion: 'apps/v1',
          kind: context.workloadKind,
          name: context.name,
          namespace: context.namespace,
        },
        summary: { pass: 6, fail: clean ? 0 : 2, warn: 0, error: 0, skip: 1 },
      },
      { labels: { 'app.kubernetes.io/managed-by': 'kyverno' } },
    ),
  ];
}

/**
 * Trivy Operator reports for the workload: fresh or stale (continuous-scanning), with or
 * without a fixable critical finding older than its SLA (vuln-sla). Deployments are
 * reported through their ReplicaSet, as the operator does.
 */
export function scanReports(context: ServiceContext): KubeObject[] {
  if (
    !installed(context, 'VulnerabilityReport') ||
    !installed(context, 'ConfigAuditReport')
  )
    return [];
  const fresh = !refuses(context, 'continuous-scanning');
  const overdue = refuses(context, 'vuln-sla');
  const isDeployment = context.workloadKind === 'Deployment';
  const resourceName = isDeployment
    ? `${context.name}-5d8f7c9b4`
    : context.name;
  const labels = {
    'trivy-operator.resource.kind': isDeployment ? 'ReplicaSet' : 'StatefulSet',
    'trivy-operator.resource.name': resourceName,
    'trivy-operator.resource.namespace': context.namespace,
    'trivy-operator.container.name': 'app',
  };
  const updated = daysFrom(context.now, fresh ? -1 : -20);
  const created = daysFrom(context.now, overdue ? -25 : -2);
  const reportName = `${
    isDeployment ? 'replicaset' : 'statefulset'
  }-${resourceName}-app`;
  return [
    object(
      context,
      'aquasecurity.github.io/v1alpha1',
      'VulnerabilityReport',
      reportName,
      {
        report: {
          updateTimestamp: updated,
          summary: {
            criticalCount: overdue ? 1 : 0,
            highCount: 0,
            lowCount: 2,
          },
          vulnerabilities: [
            ...(overdue
              ? [
                  {
                    vulnerabilityID: 'CVE-2024-3094',
                    severity: 'CRITICAL',
                    installedVersion: '5.6.0',
                    fixedVersion: '5.6.2',
                    resource: 'xz-utils',
                  },
                ]
              : []),
            {
              vulnerabilityID: 'CVE-2023-0001',
              severity: 'LOW',
              installedVersion: '1.0',
              fixedVersion: '',
              resource: 'libfoo',
            },
          ],
        },
      },
      { labels, creationTimestamp: created },
    ),
    object(
      context,
      'aquasecurity.github.io/v1alpha1',
      'ConfigAuditReport',
      reportName,
      {
        report: {
          updateTimestamp: updated,
          summary: { criticalCount: 0, highCount: 1 },
        },
      },
      { labels, creationTimestamp: created },
    ),
  ];
}

/** Kyverno PolicyExceptions naming the workload: few and expiring, or too many or endless. */
export function policyExceptions(context: ServiceContext): KubeObject[] {
  if (!installed(context, 'PolicyException')) return [];
  const ok = !refuses(context, 'exceptions-few');
  const endless = !ok && context.random.chance(0.5);
  let count = 3; // too many
  if (ok) count = context.random.int(0, 2);
  else if (endless) count = 1;
  return Array.from({ length: count }, (_, i) =>
    object(
      context,
      'kyverno.io/v2',
      'PolicyException',
      `${context.name}-exception-${i + 1}`,
      {
        spec: {
          exceptions: [
            { policyName: 'require-probes', ruleNames: ['require-liveness'] },
          ],
          match: {
            any: [
              {
                resources: {
                  kinds: [context.workloadKind],
                  namespaces: [context.namespace],
                  names: [context.name],
                },
              },
            ],
          },
        },
      },
      endless
        ? {}
        : {
            labels: {
              'cleanup.kyverno.io/ttl': daysFrom(context.now, 30 + i).slice(
                0,
                10,
              ),
            },
          },
    ),
  );
}
