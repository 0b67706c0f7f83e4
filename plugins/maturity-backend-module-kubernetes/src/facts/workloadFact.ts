import type {
  BuiltInObjectTypes,
  Container,
  PodSpec,
} from '../client/builtInObjects';
import type {
  K8sContainerFact,
  K8sWorkloadFact,
} from '@maturity/plugin-maturity-common';
import type { CustomObjectTypes } from '../client/customObjects';
import { isEmptySelector } from '../matching/labelSelector';
import { selecting } from '../matching/selectorIndex';
import type { MatchedWorkload } from './matchedWorkload';
import { lookup } from '../matching/lookupIndex';

/** Namespaces by name: looked up per workload, never scanned (a cluster has thousands). */
const NAMESPACE_BY_NAME = {
  name: 'namespace-name',
  keysOf: (ns: BuiltInObjectTypes['Namespace']) => [ns.metadata?.name ?? ''],
};

// Objects a workload refers to, filed by namespace and name, so each workload looks its own
// up instead of scanning its namespace: with thousands of services in one namespace the
// scans made fact building grow with the square of the services.
const EXTERNAL_SECRET_BY_TARGET = {
  name: 'external-secret-target',
  keysOf: (e: CustomObjectTypes['ExternalSecret']) => [
    `${e.metadata.namespace}/${e.spec?.target?.name ?? e.metadata.name}`,
  ],
};
const SEALED_SECRET_BY_TARGET = {
  name: 'sealed-secret-target',
  keysOf: (s: CustomObjectTypes['SealedSecret']) => [
    `${s.metadata.namespace}/${
      s.spec?.template?.metadata?.name ?? s.metadata.name
    }`,
  ],
};
// PeerAuthentications by namespace: those selecting workloads, and namespace-wide ones.
type PeerAuthentication = CustomObjectTypes['PeerAuthentication'];
const PEER_AUTH_SELECTING = {
  name: 'peer-auth-selecting',
  keysOf: (p: PeerAuthentication) =>
    isEmptySelector(p.spec?.selector) ? [] : [p.metadata.namespace ?? ''],
};
const PEER_AUTH_NAMESPACE_WIDE = {
  name: 'peer-auth-namespace-wide',
  keysOf: (p: PeerAuthentication) =>
    p.spec?.selector ? [] : [p.metadata.namespace ?? ''],
};

/** Env names that hold secrets by convention: `*_TOKEN`, `*PASSWORD*`, `*_KEY`, `*SECRET*`. */
const SECRET_LOOKING_NAME = /(_TOKEN$|PASSWORD|_KEY$|SECRET)/i;
const CSI_SECRETS_DRIVER = 'secrets-store.csi.k8s.io';

/** The {@link K8sWorkloadFact} of one matched workload. */
export function workloadFact(workload: MatchedWorkload): K8sWorkloadFact {
  const podSpec = workload.podSpec;
  return {
    cluster: workload.snapshot.cluster,
    namespace: workload.namespace,
    kind: workload.kind,
    name: workload.name,
    replicas: workload.replicas,
    containers: (podSpec?.containers ?? []).map(containerFact),
    spread:
      (podSpec?.topologySpreadConstraints?.length ?? 0) > 0 ||
      Boolean(podSpec?.affinity?.podAntiAffinity),
    helmManaged:
      workload.labels['app.kubernetes.io/managed-by'] === 'Helm' ||
      Boolean(workload.labels['helm.sh/chart']),
    secretSources: secretSources(workload),
    mesh: mesh(workload),
  };
}

function containerFact(container: Container): K8sContainerFact {
  const requests = container.resources?.requests ?? {};
  const limits = container.resources?.limits ?? {};
  return {
    name: container.name,
    readinessProbe: Boolean(container.readinessProbe),
    livenessProbe: Boolean(container.livenessProbe),
    cpuRequest: requests.cpu !== undefined,
    memoryRequest: requests.memory !== undefined,
    memoryLimit: limits.memory !== undefined,
    literalSecretEnv: (container.env ?? [])
      .filter(e => e.value && !e.valueFrom && SECRET_LOOKING_NAME.test(e.name))
      .map(e => e.name),
    image: container.image ?? '',
  };
}

/**
 * Where the workload's secrets come from. A referenced Secret counts as managed when an
 * ExternalSecret or SealedSecret in its namespace produces it; Secrets are never read.
 */
function secretSources(workload: MatchedWorkload): string[] {
  const { custom } = workload.snapshot;
  const podSpec = workload.podSpec;
  const sources = new Set<string>();
  const producedBy = <T extends object>(
    items: readonly T[],
    index: { name: string; keysOf: (item: T) => readonly string[] },
    secret: string,
  ) => lookup(items, index, [`${workload.namespace}/${secret}`]).length > 0;
  for (const name of referencedSecrets(podSpec)) {
    if (producedBy(custom.ExternalSecret, EXTERNAL_SECRET_BY_TARGET, name))
      sources.add('external-secrets');
    else if (producedBy(custom.SealedSecret, SEALED_SECRET_BY_TARGET, name))
      sources.add('sealed-secrets');
    else sources.add('plain');
  }
  if ((podSpec?.volumes ?? []).some(v => v.csi?.driver === CSI_SECRETS_DRIVER))
    sources.add('csi');
  if (workload.podAnnotations['vault.hashicorp.com/agent-inject'] === 'true')
    sources.add('vault-agent');
  return [...sources];
}

function referencedSecrets(podSpec: PodSpec | undefined): Set<string> {
  const names = new Set<string>();
  for (const container of [
    ...(podSpec?.containers ?? []),
    ...(podSpec?.initContainers ?? []),
  ]) {
    for (const env of container.env ?? []) {
      if (env.valueFrom?.secretKeyRef?.name)
        names.add(env.valueFrom.secretKeyRef.name);
    }
    for (const source of container.envFrom ?? []) {
      if (source.secretRef?.name) names.add(source.secretRef.name);
    }
  }
  for (const volume of podSpec?.volumes ?? []) {
    if (volume.secret?.secretName) names.add(volume.secret.secretName);
    for (const projected of volume.projected?.sources ?? []) {
      if (projected.secret?.name) names.add(projected.secret.name);
    }
  }
  return names;
}

/**
 * Istio (sidecar injection or ambient, by pod or namespace label) or Linkerd. Istio mTLS is
 * strict when the most specific PeerAuthentication (workload selector, then namespace,
 * then the istio-system root) says STRICT; Linkerd when its inbound policy requires
 * authenticated clients.
 */
function mesh(workload: MatchedWorkload): K8sWorkloadFact['mesh'] {
  const { snapshot, namespace, podLabels, podAnnotations } = workload;
  const [ns] = lookup(snapshot.namespaces, NAMESPACE_BY_NAME, [namespace]);
  const nsLabels = ns?.metadata?.labels ?? {};
  const nsAnnotations = ns?.metadata?.annotations ?? {};
  const istio =
    podLabels['sidecar.istio.io/inject'] === 'true' ||
    podAnnotations['sidecar.istio.io/inject'] === 'true' ||
    nsLabels['istio-injection'] === 'enabled' ||
    Boolean(nsLabels['istio.io/rev']) ||
    podLabels['istio.io/dataplane-mode'] === 'ambient' ||
    nsLabels['istio.io/dataplane-mode'] === 'ambient';
  const linkerd =
    podAnnotations['linkerd.io/inject'] === 'enabled' ||
    nsAnnotations['linkerd.io/inject'] === 'enabled';
  if (istio) {
    const policies = snapshot.custom.PeerAuthentication;
    const selectingHere = lookup(policies, PEER_AUTH_SELECTING, [namespace]);
    const [forWorkload] = selecting(
      selectingHere,
      p => p.spec?.selector,
      podLabels,
    );
    const [forNamespace] = lookup(policies, PEER_AUTH_NAMESPACE_WIDE, [
      namespace,
    ]);
    const [meshWide] = lookup(policies, PEER_AUTH_NAMESPACE_WIDE, [
      'istio-system',
    ]);
    const mode = (forWorkload ?? forNamespace ?? meshWide)?.spec?.mtls?.mode;
    return { enrolled: true, strictMtls: mode === 'STRICT' };
  }
  if (linkerd) {
    const policy =
      podAnnotations['config.linkerd.io/default-inbound-policy'] ??
      nsAnnotations['config.linkerd.io/default-inbound-policy'];
    return {
      enrolled: true,
      strictMtls:
        policy === 'all-authenticated' || policy === 'cluster-authenticated',
    };
  }
  return { enrolled: false, strictMtls: false };
}
