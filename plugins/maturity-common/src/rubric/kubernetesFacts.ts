/**
 * Names and shapes of the facts the Kubernetes source writes. Workloads are the
 * Deployments and StatefulSets matched to the entity by `backstage.io/kubernetes-label-selector`
 * or `backstage.io/kubernetes-id` (optionally within `backstage.io/kubernetes-namespace`),
 * across every configured cluster. A fact about an object type whose CRD is not installed
 * carries the `problem` "not installed on cluster X" instead of a value.
 * @public
 */
export const KUBERNETES_FACTS = {
  /** {@link K8sWorkloadFact}[]: empty when the entity is linked but nothing matches. */
  workloads: 'k8s.workloads',
  /** {@link K8sPodDisruptionBudgetFact}[] selecting the workloads' pods. */
  podDisruptionBudgets: 'k8s.podDisruptionBudgets',
  /** {@link K8sAutoscalerFact}[] targeting the workloads (HPA, KEDA ScaledObject, VPA). */
  autoscalers: 'k8s.autoscalers',
  /** {@link K8sNetworkPolicyFact} */
  networkPolicies: 'k8s.networkPolicies',
  /** {@link K8sIngressFact}[] routing to the workloads' Services. */
  ingresses: 'k8s.ingresses',
  /** string[]: log agent DaemonSets running on the workloads' clusters (platform fact). */
  logAgents: 'k8s.logAgents',
  /** number: ServiceMonitors and PodMonitors selecting the workloads. */
  monitors: 'k8s.monitors',
  /** {@link K8sAlertRuleFact}[]: alerting rules in PrometheusRules linked to the service. */
  alertRules: 'k8s.alertRules',
  /** {@link K8sScanReportFact}: Trivy VulnerabilityReports and ConfigAuditReports of the workloads. */
  scanReports: 'k8s.scanReports',
  /** {@link K8sPolicyReportFact}: PolicyReport results for the workloads. */
  policyReports: 'k8s.policyReports',
  /** {@link K8sGitopsFact}[]: Argo CD Applications and Flux Kustomizations/HelmReleases tracking the workloads. */
  gitops: 'k8s.gitops',
  /** {@link K8sAdmissionFact}: admission policies in the workloads' namespaces (platform fact). */
  admission: 'k8s.admission',
  /** {@link K8sPolicyExceptionFact}[] that name the workloads. */
  policyExceptions: 'k8s.policyExceptions',
  /** number: SLO objects (Sloth PrometheusServiceLevel, OpenSLO) or SLO recording rules for the service. */
  slos: 'k8s.slos',
} as const;

/** @public */
export type K8sContainerFact = {
  name: string;
  readinessProbe: boolean;
  livenessProbe: boolean;
  cpuRequest: boolean;
  memoryRequest: boolean;
  memoryLimit: boolean;
  /** Names of env vars that look secret (`*_TOKEN`, `*PASSWORD*`, `*_KEY`) and hold a literal value. */
  literalSecretEnv: string[];
  image: string;
};

/** @public */
export type K8sWorkloadFact = {
  cluster: string;
  namespace: string;
  kind: 'Deployment' | 'StatefulSet';
  name: string;
  replicas: number;
  containers: K8sContainerFact[];
  /** topologySpreadConstraints or pod anti-affinity are set. */
  spread: boolean;
  /** `app.kubernetes.io/managed-by: Helm` or `helm.sh/chart` labels. */
  helmManaged: boolean;
  /** Where its secrets come from: `external-secrets`, `sealed-secrets`, `csi`, `vault-agent`, `plain`. */
  secretSources: string[];
  /** Sidecar or ambient mesh on the pods, and whether mTLS is STRICT for them. */
  mesh: { enrolled: boolean; strictMtls: boolean };
};

/** @public */
export type K8sPodDisruptionBudgetFact = {
  name: string;
  /** status.disruptionsAllowed ≥ 1, or maxUnavailable/minAvailable leave room for one. */
  allowsDisruption: boolean;
};

/** @public */
export type K8sAutoscalerFact = {
  kind: 'HorizontalPodAutoscaler' | 'ScaledObject' | 'VerticalPodAutoscaler';
  name: string;
  minReplicas?: number | null;
  /** VPA `updatePolicy.updateMode`. */
  mode?: string | null;
};

/** @public */
export type K8sNetworkPolicyFact = {
  /** Policies whose podSelector selects the workloads' pods. */
  selecting: number;
  /** A default-deny policy (empty podSelector, no ingress rules) exists in their namespaces. */
  defaultDeny: boolean;
};

/** @public */
export type K8sIngressFact = {
  name: string;
  tls: boolean;
  /** cert-manager Certificates for its TLS secrets. */
  certificates: { name: string; ready: boolean; notAfter: string | null }[];
};

/** @public */
export type K8sAlertRuleFact = {
  name: string;
  severity: string | null;
  runbookUrl: string | null;
};

/** @public */
export type K8sScanReportFact = {
  /** Newest VulnerabilityReport update (ISO 8601), null when none. */
  vulnerabilityReportAt: string | null;
  configAuditReportAt: string | null;
  /** Open fixable findings with the age of their report (days). */
  fixable: { severity: 'critical' | 'high'; ageDays: number }[];
};

/** @public */
export type K8sPolicyReportFact = {
  pass: number;
  fail: number;
  error: number;
};

/** @public */
export type K8sGitopsFact = {
  tool: 'argocd' | 'flux';
  name: string;
  synced: boolean;
  healthy: boolean;
};

/** @public */
export type K8sAdmissionFact = {
  /** Policies in Enforce/deny mode that apply to the namespaces. */
  enforcing: number;
  /** Policies that only audit. */
  auditing: number;
  /** An admission policy verifies image signatures (Kyverno verifyImages, sigstore policy-controller). */
  verifiesImageSignatures: boolean;
};

/** @public */
export type K8sPolicyExceptionFact = {
  name: string;
  /** ISO 8601, null when it never expires. */
  expires: string | null;
};
