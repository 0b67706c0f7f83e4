import type { PodSpec } from '../client/builtInObjects';
import type { ClusterSnapshot } from '../client/collectClusterSnapshot';
import { candidatesFor } from '../matching/candidatesFor';
import { linkMatches, type EntityLink } from '../matching/entityLink';

/** A Deployment or StatefulSet matched to an entity, with the cluster it was read from. */
export interface MatchedWorkload {
  snapshot: ClusterSnapshot;
  kind: 'Deployment' | 'StatefulSet';
  name: string;
  namespace: string;
  replicas: number;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  podLabels: Record<string, string>;
  podAnnotations: Record<string, string>;
  podSpec?: PodSpec;
}

/** The entity's workloads on the given clusters, matched in memory by its link. */
export function findWorkloads(
  link: EntityLink,
  snapshots: readonly ClusterSnapshot[],
): MatchedWorkload[] {
  const matched: MatchedWorkload[] = [];
  for (const snapshot of snapshots) {
    const candidates = [
      ...candidatesFor(link, snapshot.deployments).map(w => ({
        kind: 'Deployment' as const,
        w,
      })),
      ...candidatesFor(link, snapshot.statefulSets).map(w => ({
        kind: 'StatefulSet' as const,
        w,
      })),
    ];
    for (const { kind, w } of candidates) {
      const namespace = w.metadata?.namespace ?? 'default';
      if (!linkMatches(link, namespace, w.metadata?.labels)) continue;
      matched.push({
        snapshot,
        kind,
        name: w.metadata?.name ?? '',
        namespace,
        // An unset replicas field means one, as the API server defaults it.
        replicas: w.spec?.replicas ?? 1,
        labels: w.metadata?.labels ?? {},
        annotations: w.metadata?.annotations ?? {},
        podLabels: w.spec?.template.metadata?.labels ?? {},
        podAnnotations: w.spec?.template.metadata?.annotations ?? {},
        podSpec: w.spec?.template.spec,
      });
    }
  }
  return matched;
}

/** Distinct values of `key` over the workloads (clusters, namespaces), in first-seen order. */
export function distinct<T>(
  workloads: readonly MatchedWorkload[],
  key: (w: MatchedWorkload) => T,
): T[] {
  return [...new Set(workloads.map(key))];
}

/** The snapshots of the clusters the workloads run on. */
export function clustersOf(
  workloads: readonly MatchedWorkload[],
): ClusterSnapshot[] {
  return distinct(workloads, w => w.snapshot);
}
