/** An API resource the sandbox can serve. */
export interface SandboxResourceType {
  /** '' for the core group. */
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  /** Custom resources can be missing from a cluster; built-in types are always served. */
  custom: boolean;
}

const builtIn = (
  group: string,
  version: string,
  kind: string,
  plural: string,
  namespaced = true,
): SandboxResourceType => ({
  group,
  version,
  kind,
  plural,
  namespaced,
  custom: false,
});

const custom = (
  group: string,
  version: string,
  kind: string,
  plural: string,
  namespaced = true,
): SandboxResourceType => ({
  group,
  version,
  kind,
  plural,
  namespaced,
  custom: true,
});

/** Every type the sandbox knows, built-in first. */
export const SANDBOX_RESOURCE_TYPES: readonly SandboxResourceType[] = [
  builtIn('', 'v1', 'Namespace', 'namespaces', false),
  builtIn('', 'v1', 'Service', 'services'),
  builtIn('apps', 'v1', 'Deployment', 'deployments'),
  builtIn('apps', 'v1', 'StatefulSet', 'statefulsets'),
  builtIn('apps', 'v1', 'DaemonSet', 'daemonsets'),
  builtIn(
    'autoscaling',
    'v2',
    'HorizontalPodAutoscaler',
    'horizontalpodautoscalers',
  ),
  builtIn('policy', 'v1', 'PodDisruptionBudget', 'poddisruptionbudgets'),
  builtIn('networking.k8s.io', 'v1', 'NetworkPolicy', 'networkpolicies'),
  builtIn('networking.k8s.io', 'v1', 'Ingress', 'ingresses'),
  custom('wgpolicyk8s.io', 'v1alpha2', 'PolicyReport', 'policyreports'),
  custom(
    'aquasecurity.github.io',
    'v1alpha1',
    'VulnerabilityReport',
    'vulnerabilityreports',
  ),
  custom(
    'aquasecurity.github.io',
    'v1alpha1',
    'ConfigAuditReport',
    'configauditreports',
  ),
  custom('argoproj.io', 'v1alpha1', 'Application', 'applications'),
  custom(
    'kustomize.toolkit.fluxcd.io',
    'v1',
    'Kustomization',
    'kustomizations',
  ),
  custom('helm.toolkit.fluxcd.io', 'v2', 'HelmRelease', 'helmreleases'),
  custom('monitoring.coreos.com', 'v1', 'ServiceMonitor', 'servicemonitors'),
  custom('monitoring.coreos.com', 'v1', 'PodMonitor', 'podmonitors'),
  custom('monitoring.coreos.com', 'v1', 'PrometheusRule', 'prometheusrules'),
  custom('keda.sh', 'v1alpha1', 'ScaledObject', 'scaledobjects'),
  custom(
    'autoscaling.k8s.io',
    'v1',
    'VerticalPodAutoscaler',
    'verticalpodautoscalers',
  ),
  custom('cert-manager.io', 'v1', 'Certificate', 'certificates'),
  custom('kyverno.io', 'v1', 'ClusterPolicy', 'clusterpolicies', false),
  custom('kyverno.io', 'v1', 'Policy', 'policies'),
  custom('kyverno.io', 'v2', 'PolicyException', 'policyexceptions'),
  custom('external-secrets.io', 'v1', 'ExternalSecret', 'externalsecrets'),
  custom('bitnami.com', 'v1alpha1', 'SealedSecret', 'sealedsecrets'),
  custom(
    'security.istio.io',
    'v1',
    'PeerAuthentication',
    'peerauthentications',
  ),
  custom(
    'sloth.slok.dev',
    'v1',
    'PrometheusServiceLevel',
    'prometheusservicelevels',
  ),
];

/** `apps/v1`, or `v1` for the core group. */
export function groupVersionOf(type: {
  group: string;
  version: string;
}): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}

/** The group of an object's `apiVersion` ('' for core). */
export function groupOfApiVersion(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}
