/** A cluster of the sandbox world, before objects are placed on it. */
export interface SandboxClusterProfile {
  name: string;
  token: string;
  /** Kinds whose CRDs are not installed there. */
  notInstalled: string[];
  /** Whether a log agent DaemonSet runs there. */
  logAgent: boolean;
}

/**
 * Two clusters: one with every add-on and a log agent, one without a log agent and
 * without policy reports, Trivy, KEDA, VPA, Flux, Sealed Secrets and Sloth, so that
 * missing CRDs and the log-shipping platform fact both show.
 */
export const SANDBOX_CLUSTERS = {
  full: {
    name: 'prod-eu',
    token: 'sandbox-token-prod-eu',
    notInstalled: [],
    logAgent: true,
  },
  partial: {
    name: 'prod-us',
    token: 'sandbox-token-prod-us',
    notInstalled: [
      'PolicyReport',
      'VulnerabilityReport',
      'ConfigAuditReport',
      'ScaledObject',
      'VerticalPodAutoscaler',
      'Kustomization',
      'HelmRelease',
      'SealedSecret',
      'PrometheusServiceLevel',
    ],
    logAgent: false,
  },
} satisfies Record<'full' | 'partial', SandboxClusterProfile>;

/**
 * Application namespaces, by admission policy: `apps-verified` enforces policies and image
 * signature verification, `apps-strict` enforces policies, `apps` only audits.
 */
export const APP_NAMESPACES = ['apps-verified', 'apps-strict', 'apps'] as const;

/** Where a service runs, from what its admission checks should show. */
export function namespaceFor(intents: Record<string, 'pass' | 'fail'>): string {
  if (intents['policy-enforced'] !== 'pass') return 'apps';
  return intents['supply-chain-verified'] === 'pass'
    ? 'apps-verified'
    : 'apps-strict';
}

/** Namespace holding copies of some workloads, to show namespace restrictions at work. */
export const PREVIEW_NAMESPACE = 'preview';
