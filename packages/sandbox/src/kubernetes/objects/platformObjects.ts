import {
  APP_NAMESPACES,
  PREVIEW_NAMESPACE,
  type SandboxClusterProfile,
} from '../sandboxClusters';
import type { KubeObject } from '../types';

/** How a namespace is guarded at admission. */
export type NamespaceAdmission = 'verified' | 'strict' | 'audit';

/** The admission mode of the built-in application namespaces. */
export const APP_NAMESPACE_ADMISSION: Record<
  (typeof APP_NAMESPACES)[number],
  NamespaceAdmission
> = {
  'apps-verified': 'verified',
  'apps-strict': 'strict',
  apps: 'audit',
};

/**
 * What every cluster runs besides the services: namespaces, system DaemonSets (a log
 * agent only where the profile says so) and Kyverno policies per namespace.
 */
export function platformObjects(
  cluster: SandboxClusterProfile,
  namespaces: ReadonlyMap<string, NamespaceAdmission>,
  now: Date,
): KubeObject[] {
  const created = new Date(now.getTime() - 400 * 86_400_000).toISOString();
  const meta = (name: string, namespace?: string) => ({
    name,
    ...(namespace ? { namespace } : {}),
    creationTimestamp: created,
  });
  const systemNamespaces = [
    'kube-system',
    'logging',
    'monitoring',
    'istio-system',
    'argocd',
    'flux-system',
    PREVIEW_NAMESPACE,
  ];
  const objects: KubeObject[] = [...systemNamespaces, ...namespaces.keys()].map(
    name => ({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        ...meta(name),
        labels: { 'kubernetes.io/metadata.name': name },
      },
    }),
  );
  objects.push(
    daemonSet(
      meta('kube-proxy', 'kube-system'),
      'registry.k8s.io/kube-proxy:v1.31.0',
    ),
  );
  if (cluster.logAgent) {
    objects.push(
      daemonSet(
        meta('fluent-bit', 'logging'),
        'cr.fluentbit.io/fluent/fluent-bit:3.1.4',
      ),
    );
  }
  if (!cluster.notInstalled.includes('ClusterPolicy')) {
    const verified = [...namespaces]
      .filter(([, mode]) => mode === 'verified')
      .map(([name]) => name);
    objects.push(
      kyverno('ClusterPolicy', meta('disallow-latest-tag'), 'Audit', {
        validate: { message: 'Pin image tags', pattern: {} },
      }),
    );
    // An empty namespace list would mean every namespace, so the policy is left out instead.
    if (verified.length) {
      objects.push(
        kyverno('ClusterPolicy', meta('verify-image-signatures'), 'Enforce', {
          match: {
            any: [{ resources: { kinds: ['Pod'], namespaces: verified } }],
          },
          verifyImages: [
            {
              imageReferences: ['registry.acme.example/*'],
              attestors: [
                {
                  entries: [
                    {
                      keyless: {
                        issuer: 'https://token.actions.githubusercontent.com',
                      },
                    },
                  ],
                },
              ],
            },
          ],
        }),
      );
    }
  }
  if (!cluster.notInstalled.includes('Policy')) {
    for (const [namespace, mode] of namespaces) {
      objects.push(
        kyverno(
          'Policy',
          meta('require-probes', namespace),
          mode === 'audit' ? 'Audit' : 'Enforce',
          {
            validate: { message: 'Probes are required', pattern: {} },
          },
        ),
      );
    }
  }
  return objects;
}

function daemonSet(
  metadata: KubeObject['metadata'],
  image: string,
): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata,
    spec: {
      selector: { matchLabels: { 'app.kubernetes.io/name': metadata.name } },
      template: {
        metadata: { labels: { 'app.kubernetes.io/name': metadata.name } },
        spec: { containers: [{ name: metadata.name, image }] },
      },
    },
  };
}

function kyverno(
  kind: 'ClusterPolicy' | 'Policy',
  metadata: KubeObject['metadata'],
  action: 'Audit' | 'Enforce',
  rule: Record<string, unknown>,
): KubeObject {
  return {
    apiVersion: 'kyverno.io/v1',
    kind,
    metadata,
    spec: {
      validationFailureAction: action,
      background: true,
      rules: [
        {
          name: metadata.name,
          match: { any: [{ resources: { kinds: ['Pod'] } }] },
          ...rule,
        },
      ],
    },
  };
}
