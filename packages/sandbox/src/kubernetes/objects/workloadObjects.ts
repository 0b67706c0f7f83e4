import { PREVIEW_NAMESPACE } from '../sandboxClusters';
import type { KubeObject } from '../types';
import {
  daysFrom,
  installed,
  object,
  refuses,
  wants,
  type ServiceContext,
} from './ServiceContext';

/**
 * The Deployment or StatefulSet of a service, built so that the workload checks (replicas,
 * probes, resources, env, spread, mesh, Helm labels, secret sources) come out as intended.
 */
export function workloadObject(
  context: ServiceContext,
  extraLabels: Record<string, string>,
  annotations: Record<string, string>,
): KubeObject {
  const { name, podSelector } = context;
  const podSpec: Record<string, unknown> = {
    containers: [appContainer(context)],
    ...(context.secrets === 'csi'
      ? {
          volumes: [
            {
              name: 'secrets',
              csi: {
                driver: 'secrets-store.csi.k8s.io',
                readOnly: true,
                volumeAttributes: { secretProviderClass: name },
              },
            },
          ],
        }
      : {}),
    ...(wants(context, 'spread')
      ? {
          topologySpreadConstraints: [
            {
              maxSkew: 1,
              topologyKey: 'topology.kubernetes.io/zone',
              whenUnsatisfiable: 'ScheduleAnyway',
              labelSelector: { matchLabels: podSelector },
            },
          ],
        }
      : {}),
  };
  const replicas = refuses(context, 'replicas-ha') ? 1 : 3;
  return object(
    context,
    'apps/v1',
    context.workloadKind,
    name,
    {
      spec: {
        replicas,
        ...(context.workloadKind === 'StatefulSet'
          ? { serviceName: name }
          : {}),
        selector: { matchLabels: podSelector },
        template: {
          metadata: {
            labels: {
              ...podSelector,
              ...context.linkLabels,
              ...meshLabels(context),
            },
            annotations: podAnnotations(context),
          },
          spec: podSpec,
        },
      },
      status: {
        replicas,
        readyReplicas: replicas,
        availableReplicas: replicas,
      },
    },
    {
      labels: { ...context.linkLabels, ...podSelector, ...extraLabels },
      annotations,
    },
  );
}

/**
 * A leftover copy of the workload in the preview namespace, carrying the same link labels
 * but none of the good practices: it must only be matched when the entity is not
 * restricted to its namespace.
 */
export function previewCopy(context: ServiceContext): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: `${context.name}-preview`,
      namespace: PREVIEW_NAMESPACE,
      labels: { ...context.linkLabels, ...context.podSelector },
      creationTimestamp: daysFrom(context.now, -3),
    },
    spec: {
      replicas: 1,
      selector: { matchLabels: { ...context.podSelector, track: 'preview' } },
      template: {
        metadata: { labels: { ...context.podSelector, track: 'preview' } },
        spec: {
          containers: [
            {
              name: 'app',
              image: `registry.acme.example/${context.name}:preview`,
            },
          ],
        },
      },
    },
  };
}

function appContainer(context: ServiceContext): Record<string, unknown> {
  const secretName = `${context.name}-secrets`;
  const probe = {
    httpGet: { path: '/healthz', port: 8080 },
    periodSeconds: 10,
  };
  const env: Record<string, unknown>[] = [{ name: 'LOG_LEVEL', value: 'info' }];
  // CSI and the Vault agent hand secrets over as files: no Secret is referenced at all.
  const fromFiles =
    context.secrets === 'csi' || context.secrets === 'vault-agent';
  if (refuses(context, 'config-externalized')) {
    env.push({ name: 'DB_PASSWORD', value: 'correct-horse-battery-staple' });
  } else if (!fromFiles) {
    env.push({
      name: 'DB_PASSWORD',
      valueFrom: { secretKeyRef: { name: secretName, key: 'password' } },
    });
  }
  const container: Record<string, unknown> = {
    name: 'app',
    image: `registry.acme.example/${context.name}:1.${context.random.int(
      0,
      40,
    )}.0`,
    ports: [{ name: 'http', containerPort: 8080 }],
    readinessProbe: probe,
    ...(refuses(context, 'probes') ? {} : { livenessProbe: probe }),
    resources: refuses(context, 'resources-set')
      ? { requests: { cpu: '100m' } }
      : {
          requests: { cpu: '100m', memory: '256Mi' },
          limits: { memory: '512Mi' },
        },
    env,
  };
  if (!fromFiles) container.envFrom = [{ secretRef: { name: secretName } }];
  if (context.secrets === 'csi') {
    container.volumeMounts = [
      { name: 'secrets', mountPath: '/mnt/secrets', readOnly: true },
    ];
  }
  return container;
}

function meshLabels(context: ServiceContext): Record<string, string> {
  return context.mesh === 'istio' ? { 'sidecar.istio.io/inject': 'true' } : {};
}

function podAnnotations(context: ServiceContext): Record<string, string> {
  const annotations: Record<string, string> = {};
  if (context.mesh === 'linkerd') {
    annotations['linkerd.io/inject'] = 'enabled';
    if (wants(context, 'mesh-mtls')) {
      annotations['config.linkerd.io/default-inbound-policy'] =
        'all-authenticated';
    }
  }
  if (context.secrets === 'vault-agent') {
    annotations['vault.hashicorp.com/agent-inject'] = 'true';
    annotations['vault.hashicorp.com/role'] = context.name;
  }
  return annotations;
}

/** What produces the workload's Secret: a secret manager when secrets-managed should pass. */
export function secretObjects(context: ServiceContext): KubeObject[] {
  const secretName = `${context.name}-secrets`;
  if (context.secrets === 'sealed-secrets') {
    return [
      object(context, 'bitnami.com/v1alpha1', 'SealedSecret', secretName, {
        spec: { encryptedData: { password: 'AgB3…' } },
      }),
    ];
  }
  if (context.secrets !== 'external-secrets') return [];
  return [
    object(context, 'external-secrets.io/v1', 'ExternalSecret', secretName, {
      spec: {
        secretStoreRef: { kind: 'ClusterSecretStore', name: 'vault' },
        target: { name: secretName },
        data: [
          { secretKey: 'password', remoteRef: { key: `${context.name}/db` } },
        ],
      },
    }),
  ];
}

/** The Service in front of the pods, and an Ingress (with TLS and a Certificate, if intended). */
export function networkObjects(context: ServiceContext): KubeObject[] {
  const { name, podSelector } = context;
  const objects: KubeObject[] = [
    object(
      context,
      'v1',
      'Service',
      name,
      {
        spec: {
          selector: podSelector,
          ports: [{ name: 'http', port: 80, targetPort: 8080 }],
        },
      },
      { labels: { ...podSelector } },
    ),
  ];
  const host = `${name}.acme.example`;
  const tlsSecret = `${name}-tls`;
  const tlsWanted = wants(context, 'tls');
  // A failing service either has no spec.tls or a certificate about to expire.
  const expiring =
    refuses(context, 'tls') &&
    installed(context, 'Certificate') &&
    context.random.chance(0.4);
  objects.push(
    object(context, 'networking.k8s.io/v1', 'Ingress', name, {
      spec: {
        ingressClassName: 'nginx',
        ...(tlsWanted || expiring
          ? { tls: [{ hosts: [host], secretName: tlsSecret }] }
          : {}),
        rules: [
          {
            host,
            http: {
              paths: [
                {
                  path: '/',
                  pathType: 'Prefix',
                  backend: { service: { name, port: { number: 80 } } },
                },
              ],
            },
          },
        ],
      },
    }),
  );
  if ((tlsWanted || expiring) && installed(context, 'Certificate')) {
    objects.push(
      object(context, 'cert-manager.io/v1', 'Certificate', tlsSecret, {
        spec: {
          secretName: tlsSecret,
          dnsNames: [host],
          issuerRef: { kind: 'ClusterIssuer', name: 'letsencrypt' },
        },
        status: {
          conditions: [{ type: 'Ready', status: 'True' }],
          notAfter: daysFrom(context.now, expiring ? 5 : 60),
        },
      }),
    );
  }
  return objects;
}
