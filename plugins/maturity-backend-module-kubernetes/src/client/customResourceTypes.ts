/**
 * The custom resources the source reads when API discovery shows them installed, with the
 * versions it understands, newest first. A kind missing from a cluster makes the facts
 * that need it carry the problem "<Kind> is not installed on cluster <name>".
 */
export const CUSTOM_RESOURCE_TYPES = {
  PolicyReport: { group: 'wgpolicyk8s.io', versions: ['v1alpha2', 'v1beta1'] },
  VulnerabilityReport: {
    group: 'aquasecurity.github.io',
    versions: ['v1alpha1'],
  },
  ConfigAuditReport: {
    group: 'aquasecurity.github.io',
    versions: ['v1alpha1'],
  },
  Application: { group: 'argoproj.io', versions: ['v1alpha1'] },
  Kustomization: {
    group: 'kustomize.toolkit.fluxcd.io',
    versions: ['v1', 'v1beta2'],
  },
  HelmRelease: {
    group: 'helm.toolkit.fluxcd.io',
    versions: ['v2', 'v2beta2', 'v2beta1'],
  },
  ServiceMonitor: { group: 'monitoring.coreos.com', versions: ['v1'] },
  PodMonitor: { group: 'monitoring.coreos.com', versions: ['v1'] },
  PrometheusRule: { group: 'monitoring.coreos.com', versions: ['v1'] },
  ScaledObject: { group: 'keda.sh', versions: ['v1alpha1'] },
  VerticalPodAutoscaler: { group: 'autoscaling.k8s.io', versions: ['v1'] },
  Certificate: { group: 'cert-manager.io', versions: ['v1'] },
  ClusterPolicy: { group: 'kyverno.io', versions: ['v1'] },
  Policy: { group: 'kyverno.io', versions: ['v1'] },
  PolicyException: { group: 'kyverno.io', versions: ['v2', 'v2beta1'] },
  ExternalSecret: { group: 'external-secrets.io', versions: ['v1', 'v1beta1'] },
  SealedSecret: { group: 'bitnami.com', versions: ['v1alpha1'] },
  PeerAuthentication: {
    group: 'security.istio.io',
    versions: ['v1', 'v1beta1'],
  },
  PrometheusServiceLevel: { group: 'sloth.slok.dev', versions: ['v1'] },
} as const;

/** @public */
export type CustomKind = keyof typeof CUSTOM_RESOURCE_TYPES;

export const CUSTOM_KINDS = Object.keys(CUSTOM_RESOURCE_TYPES) as CustomKind[];

/** Where discovery found a custom kind on one cluster. */
export interface DiscoveredType {
  group: string;
  version: string;
  plural: string;
  namespaced: boolean;
}
