import { SANDBOX_CLUSTERS } from '../kubernetes/sandboxClusters';
import type { ServiceProfile } from './types';

/**
 * The partial cluster has no PolicyReports and no Trivy reports: policy-clean is unknown
 * there, and continuous scanning can only pass through GitHub (a failing GitHub side would
 * be unknown, not fail, since the cluster side is unreadable). Mutates `profile`.
 */
export function adjustForPartialCluster(profile: ServiceProfile): void {
  if (profile.kubernetes?.cluster !== SANDBOX_CLUSTERS.partial.name) return;
  if (profile.intents['workload-linked'] === 'fail') return;
  const unobservable: Record<string, string> = {};
  if (profile.intents['policy-clean']) {
    unobservable[
      'policy-clean'
    ] = `PolicyReport is not installed on cluster ${SANDBOX_CLUSTERS.partial.name}`;
    delete profile.intents['policy-clean'];
  }
  if (profile.intents['continuous-scanning'])
    profile.intents['continuous-scanning'] = 'pass';
  profile.unobservable = unobservable;
}
