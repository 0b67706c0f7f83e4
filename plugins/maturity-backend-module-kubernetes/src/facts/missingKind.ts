import type { CustomKind } from '../client/customResourceTypes';
import { clustersOf, type MatchedWorkload } from './matchedWorkload';

/**
 * The problem text when a fact cannot be observed because a CRD is missing on a cluster
 * the workloads run on. `every`: each kind is needed; `any`: one of them is enough (Argo CD
 * or Flux). Undefined when the fact can be observed.
 */
export function missingKind(
  workloads: readonly MatchedWorkload[],
  kinds: readonly CustomKind[],
  needs: 'every' | 'any',
): string | undefined {
  for (const snapshot of clustersOf(workloads)) {
    const missing = kinds.filter(kind => snapshot.notInstalled.has(kind));
    const unobservable =
      needs === 'every' ? missing.length > 0 : missing.length === kinds.length;
    if (unobservable)
      return `${missing[0]} is not installed on cluster ${snapshot.cluster}`;
  }
  return undefined;
}
